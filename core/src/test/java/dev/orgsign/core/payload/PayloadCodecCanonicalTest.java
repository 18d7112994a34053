package dev.orgsign.core.payload;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.testcerts.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-pass canonical check of {@link PayloadCodec#parseChecked} agrees with the erdtman canonicalizer. */
class PayloadCodecCanonicalTest {
    /** The canonical bytes of the LLC's registration with the given name and e-mail (escapes and non-BMP text as the caller wants). */
    static byte[] canonical(String fullName, String email) {
        return PayloadCodec.canonicalBytes(new RegistrationPayload(UUID.fromString("0b8f5c1e-2d7a-4f3b-9c1d-5e6f7a8b9c0d"),
                Instant.parse("2026-11-22T10:15:30Z"),
                new RegistrationPayload.Organization(OrganizationType.LLC, Fixtures.LLC.ogrn(), Fixtures.LLC.inn(),
                        Fixtures.LLC.kpp(), fullName, null),
                new RegistrationPayload.Head(Fixtures.FEDOROV.surname(), Fixtures.FEDOROV.firstName(),
                        Fixtures.FEDOROV.patronymic(), Fixtures.FEDOROV.inn(), Fixtures.FEDOROV.snils(), "Генеральный директор"),
                new RegistrationPayload.Contact(email, "+74951234567")));
    }

    @Test
    void agreesWithTheCanonicalizerOnCanonicalAndOtherForms() throws Exception {
        for (byte[] c : List.of(canonical(Fixtures.LLC.fullName(), "buh@romashka.test"),
                canonical("ООО \"Ромашка\" / Ёлка \\ 𝄞 é", "a/b\"c@x.test"),
                canonical("ООО «Ромашка» \u00a0\u2028 €", "a\u0001\u001fb\u0008@x.test"))) {
            PayloadCodec.Checked read = PayloadCodec.parseChecked(c);
            assertTrue(PayloadCodec.isCanonical(c));
            assertTrue(read.canonical());
            String s = new String(c, StandardCharsets.UTF_8);
            List<String> others = List.of(" " + s, s.replace("{\"email\"", "{ \"email\""),
                    s.replace("\"email\":", "\"email\" :"), s.replace("/", "\\/"), s.replace("@", "\\u0040"),
                    s.replace("Ромашка", "\\u0420омашка"),
                    // members out of order
                    s.replace("{\"email\":\"" , "{\"phone\":\"+74951234567\",\"email\":\"")
                            .replace(",\"phone\":\"+74951234567\"}", "}"));
            for (String o : others) {
                byte[] b = o.getBytes(StandardCharsets.UTF_8);
                if (o.equals(s)) {
                    continue;
                }
                assertFalse(PayloadCodec.isCanonical(b), o);
                PayloadCodec.Checked other = PayloadCodec.parseChecked(b);
                assertFalse(other.canonical(), o);
                assertEquals(read.payload(), other.payload(), o);
            }
        }
    }

    /** What the token-by-token reader leaves to ObjectMapper.readTree is refused in readTree's own words. */
    @Test
    void unusualJsonIsReadOrRefusedAsObjectMapperDoes() throws Exception {
        byte[] c = canonical(Fixtures.LLC.fullName(), "buh@romashka.test");
        String s = new String(c, StandardCharsets.UTF_8);
        RegistrationPayload expected = PayloadCodec.parse(c);
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put(s.replace("{\"contact\":{", "{\"schema\":\"x\",\"contact\":{"), "Duplicate field 'schema'");
        refused.put(s.replace("\"email\":", "\"phone\":\"+74951234567\",\"email\":"), "Duplicate field 'phone'");
        refused.put(s + " {}", "not valid JSON");
        refused.put(s + "x", "not valid JSON");
        refused.put(s.substring(0, s.length() - 1), "not valid JSON");
        refused.put(s.replace("\"kpp\":\"", "\"kpp\":7701\"").replace("7701\"770101001\"", "770101001"), "kpp must be a string");
        refused.put(s.replace("\"phone\":\"+74951234567\"", "\"phone\":[\"+74951234567\"]"), "phone must be a string");
        refused.put(s.replace("\"phone\":\"+74951234567\"", "\"phone\":null"), "phone is missing");
        refused.put("[" + s + "]", "must be a JSON object");
        refused.put("", "must be a JSON object");
        for (var e : refused.entrySet()) {
            try {
                PayloadCodec.parseChecked(e.getKey().getBytes(StandardCharsets.UTF_8));
                throw new AssertionError("accepted: " + e.getKey());
            } catch (dev.orgsign.core.OrgsignException ex) {
                assertTrue(ex.getMessage().contains(e.getValue()), e.getKey() + " -> " + ex.getMessage());
            }
        }
        // Whitespace and escapes around a valid registration: read (not canonical), the same registration.
        for (String other : List.of(" \n" + s + "\n ", s.replace("\":", "\" : "), s.replace("Р", "\\u0420"))) {
            PayloadCodec.Checked read = PayloadCodec.parseChecked(other.getBytes(StandardCharsets.UTF_8));
            assertFalse(read.canonical(), other);
            assertEquals(expected, read.payload(), other);
        }
    }
}
