package dev.orgsign.core.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.testcerts.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass reader of canonical JSON accepts exactly what is canonical (by the erdtman
 * canonicalizer) and reads the tree Jackson reads: checked on canonical registrations and on a
 * corpus of mutations of them (bit flips, whitespace, other escapes, reordered, repeated and
 * truncated members).
 */
class CanonicalReaderTest {
    private static final ObjectMapper JACKSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static byte[] canonical(String fullName, String email) {
        return PayloadCodecCanonicalTest.canonical(fullName, email);
    }

    @Test
    void acceptsExactlyWhatIsCanonicalAndReadsWhatJacksonReads() throws Exception {
        List<byte[]> originals = List.of(canonical(Fixtures.LLC.fullName(), "buh@romashka.test"),
                canonical("ООО \"Ромашка\" / Ёлка \\ 𝄞 é \u00a0\u2028 €", "a\u0001\u001fb\u0008/\"c\u007f@x.test"));
        for (byte[] c : originals) {
            assertNotNull(CanonicalReader.read(c, JsonNodeFactory.instance), new String(c, StandardCharsets.UTF_8));
            assertEquals(PayloadCodec.parse(c), PayloadCodec.parseChecked(c).payload());
            assertTrue(PayloadCodec.parseChecked(c).canonical());
        }
        Random random = new Random(20261123L);
        List<byte[]> corpus = new ArrayList<>();
        String[] inserts = {" ", "\n", "\\/", "\\u0041", "\\u00E9", "\\u001F", "\\u0008", "\\b", "\\u0000", "\"", ",", ":", "{}",
            "\"a\":\"b\",", "\u00e9", "\ud834\udd1e", "\u007f"};
        for (byte[] c : originals) {
            String s = new String(c, StandardCharsets.UTF_8);
            for (int i = 0; i < 3000; i++) {
                byte[] m = c.clone();
                m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                corpus.add(m);
                int at = random.nextInt(s.length());
                corpus.add((s.substring(0, at) + inserts[random.nextInt(inserts.length)] + s.substring(at)).getBytes(StandardCharsets.UTF_8));
                byte[] cut = new byte[c.length - 1 - random.nextInt(Math.min(c.length - 1, 20))];
                System.arraycopy(c, 0, cut, 0, cut.length);
                corpus.add(cut);
            }
            corpus.add(s.replace("{\"email\":\"", "{\"phone\":\"+74951234567\",\"email\":\"")
                    .replace(",\"phone\":\"+74951234567\"}", "}").getBytes(StandardCharsets.UTF_8));
            corpus.add(s.replace("\"inn\":", "\"inn\":\"1\",\"inn\":").getBytes(StandardCharsets.UTF_8));
            corpus.add((s + " ").getBytes(StandardCharsets.UTF_8));
            corpus.add(("\ufeff" + s).getBytes(StandardCharsets.UTF_8));
            corpus.add("{}".getBytes(StandardCharsets.UTF_8));
            // raw byte sequences inside a name: ill-formed UTF-8 (overlong, a surrogate, above U+10FFFF, cut short,
            // a stray continuation) and a well-formed U+FFFD, which is text like any other
            byte[][] sequences = {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xd0}, {(byte) 0x80}, {(byte) 0xf8, (byte) 0x88},
                {(byte) 0xef, (byte) 0xbf, (byte) 0xbd}, {(byte) 0xd0, (byte) 0xaf}};
            int name = s.substring(0, s.indexOf("\"fullName\":\"") + 12).getBytes(StandardCharsets.UTF_8).length;
            for (byte[] q : sequences) {
                byte[] m = new byte[c.length + q.length];
                System.arraycopy(c, 0, m, 0, name);
                System.arraycopy(q, 0, m, name, q.length);
                System.arraycopy(c, name, m, name + q.length, c.length - name);
                corpus.add(m);
            }
        }
        int accepted = 0;
        int refused = 0;
        for (byte[] m : corpus) {
            ObjectNode fast = CanonicalReader.read(m, JsonNodeFactory.instance);
            boolean canonical = PayloadCodec.isCanonical(m);
            JsonNode jackson = null;
            try {
                jackson = JACKSON.readTree(m);
            } catch (Exception e) {
                // not JSON
            }
            String shown = new String(m, StandardCharsets.UTF_8);
            if (fast != null) {
                assertTrue(canonical, "accepted what is not canonical: " + shown);
                assertEquals(jackson, fast, "read another tree than Jackson: " + shown);
                accepted++;
            } else {
                assertTrue(!canonical || jackson == null || !onlyObjectsAndStrings(jackson),
                        "refused what is canonical: " + shown);
                refused++;
            }
        }
        assertTrue(accepted > 50 && refused > 1000, accepted + " accepted, " + refused + " refused");
    }

    private static boolean onlyObjectsAndStrings(JsonNode n) {
        if (n.isTextual()) {
            return true;
        }
        if (!n.isObject()) {
            return false;
        }
        for (JsonNode child : n) {
            if (!onlyObjectsAndStrings(child)) {
                return false;
            }
        }
        return true;
    }
}
