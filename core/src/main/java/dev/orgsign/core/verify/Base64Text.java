package dev.orgsign.core.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signatures and certificates saved as text, as signing tools and browser plug-ins often save
 * them: a PEM block ({@code -----BEGIN CMS-----}, {@code PKCS7}, {@code CERTIFICATE}, …) or bare
 * base64, with any line breaks. Decoding is strict: only the base64 alphabet, white space and
 * padding; anything else is not text of this kind and is left to the binary readers.
 */
public final class Base64Text {
    private Base64Text() {
    }

    /**
     * Text decoded to its binary content.
     *
     * @param label the PEM label ({@code CMS}, {@code PKCS7}, {@code CERTIFICATE}, …), or null for bare base64
     * @param bytes the decoded bytes
     */
    public record Decoded(String label, byte[] bytes) {
        /**
         * How the text was written, for a sentence.
         *
         * @return "PEM text (LABEL)" or "base64 text", in both languages
         */
        public dev.orgsign.core.Text form() {
            return label == null ? Sentences.T.text("text.base64") : Sentences.T.text("text.pem", label);
        }
    }

    /**
     * The binary content of {@code data} when it is PEM or bare base64 text, else null. A UTF-8
     * byte order mark and surrounding white space are allowed; of a PEM file, the first block counts.
     *
     * @param data the bytes of a file
     * @return the decoded block, or null when {@code data} is not base64 or PEM text
     */
    public static Decoded decode(byte[] data) {
        if (data == null) {
            return null;
        }
        int from = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            from = 3;
        }
        while (from < data.length && whitespace(data[from])) {
            from++;
        }
        if (startsWith(data, from, "-----BEGIN ")) {
            return pem(data, from);
        }
        byte[] b64 = base64(data, from, data.length);
        return b64 == null ? null : new Decoded(null, b64);
    }

    private static Decoded pem(byte[] data, int from) {
        String text = new String(data, from, data.length - from, StandardCharsets.US_ASCII);
        int labelEnd = text.indexOf("-----", 11);
        int lineEnd = text.indexOf('\n');
        if (labelEnd < 0 || (lineEnd >= 0 && lineEnd < labelEnd)) {
            return null;
        }
        String label = text.substring(11, labelEnd);
        String end = "-----END " + label + "-----";
        int bodyStart = labelEnd + 5;
        int bodyEnd = text.indexOf(end, bodyStart);
        if (bodyEnd < 0) {
            return null;
        }
        byte[] b64 = base64(data, from + bodyStart, from + bodyEnd);
        return b64 == null ? null : new Decoded(label, b64);
    }

    /** Bare base64 in {@code [from, to)} decoded, or null when anything but the alphabet, padding and white space occurs. */
    private static byte[] base64(byte[] data, int from, int to) {
        ByteArrayOutputStream clean = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (whitespace(b)) {
                continue;
            }
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '=')) {
                return null;
            }
            clean.write(b);
        }
        if (clean.size() < 4) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(clean.toByteArray());
        } catch (IllegalArgumentException e) {
            return null; // padding in the middle, a wrong length
        }
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        if (data.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
