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
     * Reads an e-mail address.
     *
     * @param value what was typed; surrounding spaces are ignored
     * @return the address
     * @throws OrgsignException INVALID_INPUT when it is not an e-mail address
     */
    public static String email(String value) throws OrgsignException {
        String s = value == null ? "" : value.strip();
        if (!EMAIL.matcher(s).matches() || s.length() > 254) {
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
