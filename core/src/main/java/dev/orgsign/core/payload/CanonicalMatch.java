package dev.orgsign.core.payload;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether JSON bytes are exactly the RFC 8785 canonical form of the tree read from them, for trees
 * of objects and strings (all a registration has): the canonical form is generated member by
 * member in sorted order and compared with the bytes as it goes, encoding UTF-8 on the fly, so
 * nothing is built and the first difference ends the comparison.
 */
final class CanonicalMatch {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] json;
    private int pos;

    private CanonicalMatch(byte[] json) {
        this.json = json;
    }

    /** Whether {@code json} is the canonical form of {@code root}; false for any node but objects and strings. */
    static boolean matches(byte[] json, JsonNode root) {
        CanonicalMatch m = new CanonicalMatch(json);
        return m.node(root) && m.pos == json.length;
    }

    private boolean node(JsonNode node) {
        if (node.isTextual()) {
            return string(node.textValue());
        }
        if (!node.isObject()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            members[i++] = it.next();
        }
        // RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units, which is what String.compareTo compares.
        Arrays.sort(members, Map.Entry.comparingByKey());
        if (!ascii('{')) {
            return false;
        }
        for (int k = 0; k < members.length; k++) {
            if (k > 0 && !ascii(',')) {
                return false;
            }
            if (!string(members[k].getKey()) || !ascii(':') || !node(members[k].getValue())) {
                return false;
            }
        }
        return ascii('}');
    }

    private boolean string(String s) {
        if (!ascii('"')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (c == '"' || c == '\\') {
                ok = ascii('\\') && ascii(c);
            } else if (c < 0x20) {
                ok = switch (c) {
                    case '\b' -> ascii('\\') && ascii('b');
                    case '\f' -> ascii('\\') && ascii('f');
                    case '\n' -> ascii('\\') && ascii('n');
                    case '\r' -> ascii('\\') && ascii('r');
                    case '\t' -> ascii('\\') && ascii('t');
                    default -> ascii('\\') && ascii('u') && ascii('0') && ascii('0') && raw(HEX[c >> 4]) && raw(HEX[c & 0xf]);
                };
            } else if (c < 0x80) {
                ok = ascii(c);
            } else if (c < 0x800) {
                ok = raw(0xc0 | c >> 6) && raw(0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ok = raw(0xf0 | cp >> 18) && raw(0x80 | cp >> 12 & 0x3f) && raw(0x80 | cp >> 6 & 0x3f) && raw(0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                ok = false; // a lone surrogate has no UTF-8 form, so no bytes are its canonical form
            } else {
                ok = raw(0xe0 | c >> 12) && raw(0x80 | c >> 6 & 0x3f) && raw(0x80 | c & 0x3f);
            }
            if (!ok) {
                return false;
            }
        }
        return ascii('"');
    }

    private boolean ascii(char c) {
        return raw(c);
    }

    private boolean raw(int b) {
        if (pos < json.length && json[pos] == (byte) b) {
            pos++;
            return true;
        }
        return false;
    }
}
