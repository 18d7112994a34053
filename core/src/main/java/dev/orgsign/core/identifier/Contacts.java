package dev.orgsign.core.identifier;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import java.util.regex.Pattern;

/**
 * The contact of a registration as people type it: an e-mail address, and a phone number in any
 * of the usual Russian spellings ({@code 8 (495) 123-45-67}, {@code +7 495 123 45 67},
 * {@code 495-123-45-67}) or an international one, written as the payload wants it ({@code +74951234567}).
 */
public final class Contacts {
    /** What the payload accepts as an e-mail address. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    /** What the payload accepts as a phone number. */
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9]{10,15}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0().-]");
    private static final Texts T = Texts.of(OrgsignException.class);

    private Contacts() {
    }

    /**
     * Whether a string is an e-mail address as the payload accepts it: what {@link #EMAIL} matches, at most 254
     * chars; the same answer without a regular expression's backtracking over the domain.
     *
     * @param s a string
     * @return whether it is an acceptable address
     */
    public static boolean isEmail(String s) {
        int n = s.length();
        if (n > 254) {
            return false;
        }
        int at = -1;
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return EMAIL.matcher(s).matches(); // the pattern counts code points
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || c >= '\t' && c <= '\r') { // \\s of java.util.regex
                return false;
            } else if (c == '.' && at >= 0 && i >= at + 2 && i <= n - 3) {
                dot = true; // the domain is one char or more, this dot, two chars or more
            }
        }
        return at >= 1 && at <= 64 && dot;
    }

    /**
     * Whether a string is a phone number as the payload wants it: what {@link #PHONE} matches.
     *
     * @param s a string
     * @return whether it is {@code +} and 10 to 15 digits, or 10 to 15 digits
     */
    public static boolean isPhone(String s) {
        int from = !s.isEmpty() && s.charAt(0) == '+' ? 1 : 0;
        int digits = s.length() - from;
        if (digits < 10 || digits > 15) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads an e-mail address.
     *
     * @param value what was typed; surrounding spaces are ignored
     * @return the address
     * @throws OrgsignException INVALID_INPUT when it is not an e-mail address
     */
    public static String email(String value) throws OrgsignException {
        String s = value == null ? "" : value.strip();
        if (!isEmail(s)) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("contact.badEmail", s));
        }
        return s;
    }

    /**
     * Reads a phone number: spaces, hyphens, dots and brackets are dropped; a Russian number
     * written with the trunk prefix 8, with 7, or as its ten digits becomes {@code +7} and the ten
     * digits; a number after {@code +} keeps its country code.
     *
     * @param value what was typed
     * @return the number as {@code +} and 10 to 15 digits
     * @throws OrgsignException INVALID_INPUT when it is not a phone number
     */
    public static String phone(String value) throws OrgsignException {
        String s = SEPARATORS.matcher(value == null ? "" : value).replaceAll("");
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (s.startsWith("+") && digits.length() >= 10 && digits.length() <= 15) {
                return "+" + digits;
            }
            if (!s.startsWith("+") && digits.length() == 11 && (digits.charAt(0) == '8' || digits.charAt(0) == '7')) {
                return "+7" + digits.substring(1);
            }
            if (!s.startsWith("+") && digits.length() == 10) {
                return "+7" + digits;
            }
        }
        throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("contact.badPhone", value == null ? "" : value.strip()));
    }
}
