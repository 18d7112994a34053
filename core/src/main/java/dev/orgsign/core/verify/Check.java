package dev.orgsign.core.verify;

import dev.orgsign.core.Text;

import java.util.Locale;
import java.util.Objects;

/**
 * One check of a verification report.
 *
 * @param code    the stable code of docs/design.md ({@code signature.value}, {@code authority}, …)
 * @param result  passed, failed or not checked
 * @param message a sentence for people: what was found, in English
 * @param text    the same sentence in Russian and English ({@link #message(Locale)})
 */
public record Check(String code, CheckResult result, String message, Text text) {
    /**
     * The check codes of docs/design.md, in the order they are reported; {@code signature.timestamp} only for a
     * signature that carries an RFC 3161 signature timestamp (CAdES-T).
     */
    public static final java.util.List<String> CODES = java.util.List.of("payload.schema", "signature.cms",
            "signature.value", "signature.timestamp", "certificate.chain", "certificate.validity", "certificate.revocation",
            "certificate.qualified", "signer.identity", "authority", "organization.match", "freshness");

    /**
     * A check whose sentence exists in one language only (as read back from a service's answer).
     *
     * @param code    the stable code
     * @param result  the result
     * @param message the sentence
     */
    public Check(String code, CheckResult result, String message) {
        this(code, result, message, null);
    }

    /**
     * Fills the text from the message when it is missing.
     *
     * @param code    the stable code
     * @param result  the result
     * @param message the English sentence
     * @param text    the sentence in both languages, or null to say {@code message} in every language
     */
    public Check {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(result, "result");
        String said = message;
        text = text != null ? text : locale -> said;
    }

    /**
     * A check whose sentence exists in Russian and English.
     *
     * @param code   the stable code
     * @param result the result
     * @param text   the sentence in both languages
     * @return the check; its {@link #message()} is the English sentence
     */
    public static Check of(String code, CheckResult result, Text text) {
        return new Check(code, result, text.in(Locale.ENGLISH), text);
    }

    /**
     * The sentence in the reader's language.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @return the sentence
     */
    public String message(Locale locale) {
        return text.in(locale);
    }

    /** Two checks are the same when code, result and English sentence are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && c.code.equals(code) && c.result == result && Objects.equals(c.message, message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, result, message);
    }

    @Override
    public String toString() {
        return "Check[" + code + ", " + result + ", " + message + "]";
    }
}
