package dev.orgsign.core.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Reads JSON that is already exactly in RFC 8785 canonical form, for trees of objects and strings
 * (every signed registration): no whitespace, members in ascending order of their names' UTF-16
 * code units (so none twice), strings in well-formed UTF-8 with only the escapes the canonical
 * form uses. Anything else — including any JSON that is valid but not canonical — gives null, and
 * the caller reads it with the general parser, which judges it and words any error. So the tree
 * returned is the one the general parser would read, and the bytes are its canonical form.
 */
final class CanonicalReader {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_STRING = 4096;

    private final byte[] json;
    private final JsonNodeFactory nodes;
    private int pos;
    private char[] chars = new char[64];

    private CanonicalReader(byte[] json, JsonNodeFactory nodes) {
        this.json = json;
        this.nodes = nodes;
    }

    /** The tree of {@code json} if it is one canonical object of objects and strings, else null. */
    static ObjectNode read(byte[] json, JsonNodeFactory nodes) {
        CanonicalReader r = new CanonicalReader(json, nodes);
        ObjectNode root = r.object(1);
        return root != null && r.pos == json.length ? root : null;
    }

    private ObjectNode object(int depth) {
        if (depth > MAX_DEPTH || !take('{')) {
            return null;
        }
        ObjectNode o = nodes.objectNode();
        if (take('}')) {
            return o;
        }
        String previous = null;
        do {
            String name = name();
            if (name == null || previous != null && previous.compareTo(name) >= 0 || !take(':')) {
                return null; // out of order or twice: not canonical
            }
            JsonNode value;
            if (pos < json.length && json[pos] == '"') {
                String s = string();
                value = s == null ? null : nodes.textNode(s);
            } else {
                value = object(depth + 1);
            }
            if (value == null) {
                return null;
            }
            o.set(name, value);
            previous = name;
        } while (take(','));
        return take('}') ? o : null;
    }

    /**
     * The member names a registration has ({@link PayloadCodec#MEMBERS}), by length: a name read is one of
     * these constants, whose hash is already made, rather than a new string that every look-up hashes again.
     */
    private static final String[][] KNOWN = byLength(PayloadCodec.MEMBERS);

    private static String[][] byLength(java.util.Collection<String> names) {
        String[][] byLength = new String[16][0];
        for (String n : names) {
            String[] same = java.util.Arrays.copyOf(byLength[n.length()], byLength[n.length()].length + 1);
            same[same.length - 1] = n;
            byLength[n.length()] = same;
        }
        return byLength;
    }

    /** A member name at pos: one of {@link #KNOWN} when it is, else as {@link #string} reads it. */
    private String name() {
        int start = pos + 1;
        int end = start;
        while (end < json.length && json[end] > '"' && json[end] != '\\') {
            end++;
        }
        int n = end - start;
        if (pos < json.length && json[pos] == '"' && end < json.length && json[end] == '"' && n < KNOWN.length) {
            for (String k : KNOWN[n]) {
                if (sameAscii(k, start)) {
                    pos = end + 1;
                    return k;
                }
            }
        }
        return string();
    }

    private boolean sameAscii(String k, int at) {
        for (int i = 0; i < k.length(); i++) {
            if (json[at + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean take(char c) {
        if (pos < json.length && json[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** A canonical string at pos, or null. */
    private String string() {
        if (!take('"')) {
            return null;
        }
        int start = pos;
        int i = pos;
        boolean ascii = true;
        while (i < json.length && json[i] != '"' && json[i] != '\\') {
            if (json[i] < 0x20 && json[i] >= 0) {
                return null; // a raw control character is not JSON
            }
            ascii &= json[i] >= 0;
            i++;
        }
        if (i < json.length && json[i] == '"' && ascii) {
            if (i - start > MAX_STRING) {
                return null;
            }
            pos = i + 1;
            return new String(json, start, i - start, StandardCharsets.ISO_8859_1);
        }
        if (i < json.length && json[i] == '"' && i - start <= MAX_STRING) {
            // no escape: the JDK's decoder, which takes any ill-formed sequence (overlong, surrogate, cut short) as U+FFFD;
            // a string holding U+FFFD goes the long way, which tells a real one from a bad sequence
            String s = new String(json, start, i - start, StandardCharsets.UTF_8);
            if (s.indexOf('\uFFFD') < 0) {
                pos = i + 1;
                return s;
            }
        }
        return decode(start);
    }

    /** The general case: escapes and multi-byte UTF-8, each checked to be the canonical form. */
    private String decode(int start) {
        int n = 0;
        int i = start;
        while (true) {
            if (i >= json.length) {
                return null;
            }
            int b = json[i] & 0xff;
            int c;
            if (b == '"') {
                break;
            } else if (b == '\\') {
                if (i + 1 >= json.length) {
                    return null;
                }
                int e = json[i + 1];
                i += 2;
                c = switch (e) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> controlEscape(i);
                    default -> -1; // "\/" and the like: valid JSON, not canonical
                };
                if (e == 'u') {
                    i += 4;
                }
                if (c < 0) {
                    return null;
                }
            } else if (b < 0x20) {
                return null;
            } else if (b < 0x80) {
                c = b;
                i++;
            } else {
                int cp = codePoint(i);
                if (cp < 0) {
                    return null;
                }
                i += cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (cp >= 0x10000) {
                    n = put(n, Character.highSurrogate(cp));
                    c = Character.lowSurrogate(cp);
                } else {
                    c = cp;
                }
            }
            n = put(n, (char) c);
            if (n > MAX_STRING) {
                return null;
            }
        }
        pos = i + 1;
        return new String(chars, 0, n);
    }

    private int put(int n, char c) {
        if (n == chars.length) {
            chars = java.util.Arrays.copyOf(chars, n * 2);
        }
        chars[n] = c;
        return n + 1;
    }

    /** The control character of a canonical \\u00xx escape at i (after "\\u"): lowercase hex, only for those without a short form. */
    private int controlEscape(int i) {
        if (i + 4 > json.length || json[i] != '0' || json[i + 1] != '0') {
            return -1;
        }
        int hi = hex(json[i + 2]);
        int lo = hex(json[i + 3]);
        int c = hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
        return c < 0 || c >= 0x20 || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? -1 : c;
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    /** The code point of the well-formed UTF-8 sequence at i (shortest form, no surrogates, at most U+10FFFF), or -1. */
    private int codePoint(int i) {
        int b = json[i] & 0xff;
        int n;
        int cp;
        int min;
        if (b >= 0xc2 && b <= 0xdf) {
            n = 1;
            cp = b & 0x1f;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            n = 2;
            cp = b & 0x0f;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n >= json.length) {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            int c = json[i + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | c & 0x3f;
        }
        return cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff ? -1 : cp;
    }
}
