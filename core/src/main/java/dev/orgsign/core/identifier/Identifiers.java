package dev.orgsign.core.identifier;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.util.Locale;

/**
 * Parses the identifiers of the state registers and says exactly what is wrong with a mistyped
 * one: its length, a character that is not a digit, or a check digit that does not match (the
 * typical typo). A typo is never reported as "not found".
 */
public final class Identifiers {
    private static final java.util.regex.Pattern KPP = java.util.regex.Pattern.compile("\\d{4}[0-9A-Z]{2}\\d{3}");
    private static final java.util.regex.Pattern SNILS_SEPARATORS = java.util.regex.Pattern.compile("[\\s-]");
    private static final Texts T = Texts.of(OrgsignException.class);

    private Identifiers() {
    }

    /**
     * Reads a 13-digit OGRN of a legal entity.
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String ogrn(String field, String value) throws OrgsignException {
        String s = digits(field, value, 13);
        int expected = CheckDigits.ogrn(s);
        if (expected != s.charAt(12) - '0') {
            throw typo(field, value, T.text("identifier.checkDigit", expected));
        }
        return s;
    }

    /**
     * Reads a 15-digit OGRNIP of an individual entrepreneur.
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String ogrnip(String field, String value) throws OrgsignException {
        String s = digits(field, value, 15);
        int expected = CheckDigits.ogrnip(s);
        if (expected != s.charAt(14) - '0') {
            throw typo(field, value, T.text("identifier.checkDigit", expected));
        }
        return s;
    }

    /**
     * Reads a 10-digit INN of a legal entity.
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String innLegalEntity(String field, String value) throws OrgsignException {
        String s = digits(field, value, 10);
        int expected = CheckDigits.inn10(s);
        if (expected != s.charAt(9) - '0') {
            throw typo(field, value, T.text("identifier.checkDigit", expected));
        }
        return s;
    }

    /**
     * Reads a 12-digit INN of a natural person (or an entrepreneur).
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String innPerson(String field, String value) throws OrgsignException {
        String s = digits(field, value, 12);
        int d11 = CheckDigits.inn12Eleventh(s);
        int d12 = CheckDigits.inn12Twelfth(s);
        if (d11 != s.charAt(10) - '0' || d12 != s.charAt(11) - '0') {
            throw typo(field, value, T.text("identifier.checkDigits", d11 + "" + d12));
        }
        return s;
    }

    /**
     * Reads a 9-character KPP: four digits (tax office), two digits or capital Latin letters (reason), three digits.
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String kpp(String field, String value) throws OrgsignException {
        String s = value == null ? "" : value.strip();
        if (!isKpp(s)) {
            throw new OrgsignException(ErrorCode.INVALID_IDENTIFIER, T.text("identifier.kpp", name(field), value));
        }
        return s;
    }

    /**
     * Reads an 11-digit SNILS; the usual "123-456-789 01" spelling is accepted.
     *
     * @param field how messages name the value: "OGRN", "OGRNIP", "INN", "SNILS", "KPP" (said in the
     *              reader's language), a payload path ("head.inn") or an option ("--ogrn")
     * @param value what was typed or read; surrounding spaces are ignored
     * @return the normalized value
     * @throws OrgsignException INVALID_IDENTIFIER saying what is wrong: length, a non-digit, the check digit
     */
    public static String snils(String field, String value) throws OrgsignException {
        String s = digits(field, value == null ? null : withoutSeparators(value), 11);
        int expected = CheckDigits.snils(s);
        if (expected != Integer.parseInt(s.substring(9))) {
            throw typo(field, value, T.text("identifier.checkNumber", String.format(Locale.ROOT, "%02d", expected)));
        }
        return s;
    }

    /**
     * The one way orgsign writes a SNILS for people, wherever it shows one: {@code 123-456-789 01}.
     *
     * @param snils eleven digits (separators are ignored), or null
     * @return the SNILS as written on the insurance certificate; the value unchanged when it is not
     *         eleven digits; null for null
     */
    public static String formatSnils(String snils) {
        if (snils == null) {
            return null;
        }
        String s = SNILS_SEPARATORS.matcher(snils).replaceAll("");
        return s.matches("\\d{11}")
                ? s.substring(0, 3) + "-" + s.substring(3, 6) + "-" + s.substring(6, 9) + " " + s.substring(9) : snils;
    }

    /**
     * Whether {@code value} is a valid OGRN (no exception, for classification).
     *
     * @param value the text to classify
     * @return true for 13 digits with a matching check digit
     */
    public static boolean isOgrn(String value) {
        try {
            ogrn("OGRN", value);
            return true;
        } catch (OrgsignException e) {
            return false;
        }
    }

    /** What {@link #KPP} matches: four digits, two digits or Latin capitals, three digits. */
    private static boolean isKpp(String s) {
        if (s.length() != 9) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (i < 4 || i > 5 || c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** A SNILS without the separators {@link #SNILS_SEPARATORS} removes; the same string when it has none. */
    private static String withoutSeparators(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' || c == ' ' || c >= '\t' && c <= '\r') {
                return SNILS_SEPARATORS.matcher(value).replaceAll("");
            }
        }
        return value;
    }

    private static String digits(String field, String value, int length) throws OrgsignException {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            throw new OrgsignException(ErrorCode.INVALID_IDENTIFIER, T.text("identifier.missing", name(field)));
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new OrgsignException(ErrorCode.INVALID_IDENTIFIER, T.text("identifier.notDigit", name(field), value,
                        i + 1));
            }
        }
        if (s.length() != length) {
            throw new OrgsignException(ErrorCode.INVALID_IDENTIFIER, T.text("identifier.length", name(field), value,
                    s.length(), length));
        }
        return s;
    }

    private static OrgsignException typo(String field, String value, Text what) {
        return new OrgsignException(ErrorCode.INVALID_IDENTIFIER, T.text("identifier.typo", name(field), value, what));
    }

    /**
     * How a sentence names a field: the bundle's name for the usual ones ("OGRN" is "ОГРН" in
     * Russian, "certificate.OGRN" the certificate's OGRN), else the field as given (a payload path
     * such as {@code head.inn} or an option such as {@code --ogrn} reads the same in both languages).
     */
    private static Text name(String field) {
        String key = "field." + field;
        return locale -> T.has(locale, key) ? T.format(locale, key) : field;
    }
}
