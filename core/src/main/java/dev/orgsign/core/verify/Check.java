package dev.orgsign.core.verify;

import dev.orgsign.core.Text;

import java.util.Locale;
import java.util.Objects;

/**
 * One check of a verification report: its stable code, its result and its sentence, which exists in
 * Russian and English and is made in a language only when it is read ({@link #message(Locale)}):
 * a verification whose sentences nobody reads (a service counting verdicts, a batch) does not
 * format them, and a Russian reader's report does not format the English ones.
 */
public final class Check {
    /**
     * The check codes of docs/design.md, in the order they are reported; {@code signature.timestamp} only for a
     * signature that carries an RFC 3161 signature timestamp (CAdES-T).
     */
    public static final java.util.List<String> CODES = java.util.List.of("payload.schema", "signature.cms",
            "signature.value", "signature.timestamp", "certificate.chain", "certificate.validity", "certificate.revocation",
            "certificate.qualified", "signer.identity", "authority", "organization.match", "freshness");

    private final String code;
    private final CheckResult result;
    private final Text text;
    /** The English sentence once made (a benign race: every thread makes the same string). */
    private String message;

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
     * A check with its English sentence given; the text says it in every language when null.
     *
     * @param code    the stable code
     * @param result  the result
     * @param message the English sentence
     * @param text    the sentence in both languages, or null to say {@code message} in every language
     */
    public Check(String code, CheckResult result, String message, Text text) {
        this.code = Objects.requireNonNull(code, "code");
        this.result = Objects.requireNonNull(result, "result");
        this.message = message;
        this.text = text != null ? text : locale -> message;
    }

    private Check(String code, CheckResult result, Text text) {
        this.code = Objects.requireNonNull(code, "code");
        this.result = Objects.requireNonNull(result, "result");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * A check whose sentence exists in Russian and English.
     *
     * @param code   the stable code
     * @param result the result
     * @param text   the sentence in both languages, made when first read
     * @return the check; its {@link #message()} is the English sentence
     */
    public static Check of(String code, CheckResult result, Text text) {
        return new Check(code, result, text);
    }

    /** @return the stable code of docs/design.md ({@code signature.value}, {@code authority}, …) */
    public String code() {
        return code;
    }

    /** @return passed, failed or not checked */
    public CheckResult result() {
        return result;
    }

    /** @return the sentence for people in English */
    public String message() {
        String m = message;
        if (m == null) {
            m = text.in(Locale.ENGLISH);
            message = m;
        }
        return m;
    }

    /** @return the same sentence in Russian and English ({@link #message(Locale)}) */
    public Text text() {
        return text;
    }

    /**
     * The sentence in the reader's language.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @return the sentence
     */
    public String message(Locale locale) {
        return Text.russian(locale) ? text.in(locale) : message();
    }

    /** Two checks are the same when code, result and English sentence are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && c.code.equals(code) && c.result == result && Objects.equals(c.message(), message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, result, message());
    }

    @Override
    public String toString() {
        return "Check[" + code + ", " + result + ", " + message() + "]";
    }
}
