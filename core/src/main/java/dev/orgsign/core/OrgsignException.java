package dev.orgsign.core;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one checked exception family of orgsign. Its message is a complete sentence meant for the
 * person at the keyboard (an accountant, not a developer): it says what went wrong and, where
 * possible, what to do. It never contains a PIN or key material.
 *
 * <p>The library's own failures carry a {@link Text}, so the sentence exists in Russian and
 * English: {@link #message(Locale)} makes it in the reader's language, {@link #getMessage()} is the
 * English one (for logs) and {@link #getLocalizedMessage()} the one of the default locale. A failure
 * made with a plain string (a caller that already speaks the reader's language) says that string in
 * every language.
 *
 * <p>{@link #code()} is stable for scripts; {@link #pkcs11ReturnCode()} keeps the token's own
 * {@code CKR_*} value when the failure came from a PKCS#11 call.
 */
public class OrgsignException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final long NO_CKR = -1L;

    /** The stable code. */
    private final ErrorCode code;
    /** The token's {@code CKR_*} value, or -1. */
    private final long pkcs11ReturnCode;
    /** The sentence in both languages, or null when the message was given as one string. */
    private final transient Text text;

    /**
     * @param code    the stable code
     * @param message the sentence for the user
     */
    public OrgsignException(ErrorCode code, String message) {
        this(code, message, null, NO_CKR);
    }

    /**
     * @param code    the stable code
     * @param message the sentence for the user
     * @param cause   the underlying failure, for logs
     */
    public OrgsignException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, NO_CKR);
    }

    /**
     * @param code             the stable code
     * @param message          the sentence for the user
     * @param cause            the underlying failure, for logs
     * @param pkcs11ReturnCode the {@code CKR_*} value the token returned, or -1 when none
     */
    public OrgsignException(ErrorCode code, String message, Throwable cause, long pkcs11ReturnCode) {
        super(message, cause);
        this.code = code;
        this.pkcs11ReturnCode = pkcs11ReturnCode;
        this.text = null;
    }

    /**
     * @param code the stable code
     * @param text the sentence for the user, in both languages
     */
    public OrgsignException(ErrorCode code, Text text) {
        this(code, text, null, NO_CKR);
    }

    /**
     * @param code  the stable code
     * @param text  the sentence for the user, in both languages
     * @param cause the underlying failure, for logs
     */
    public OrgsignException(ErrorCode code, Text text, Throwable cause) {
        this(code, text, cause, NO_CKR);
    }

    /**
     * @param code             the stable code
     * @param text             the sentence for the user, in both languages
     * @param cause            the underlying failure, for logs
     * @param pkcs11ReturnCode the {@code CKR_*} value the token returned, or -1 when none
     */
    public OrgsignException(ErrorCode code, Text text, Throwable cause, long pkcs11ReturnCode) {
        super(text.in(Locale.ENGLISH), cause);
        this.code = code;
        this.pkcs11ReturnCode = pkcs11ReturnCode;
        this.text = text;
    }

    /**
     * The sentence for the user in a language.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @return the sentence
     */
    public String message(Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }

    /** {@return the sentence in both languages (a single-language message is the same in both)} */
    public Text text() {
        return text != null ? text : locale -> getMessage();
    }

    /** {@return the sentence in the language of the default locale} */
    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }

    /** {@return the stable code of this failure} */
    public ErrorCode code() {
        return code;
    }

    /** {@return the PKCS#11 return code ({@code CKR_*}) behind this failure, if it came from a token} */
    public OptionalLong pkcs11ReturnCode() {
        return pkcs11ReturnCode == NO_CKR ? OptionalLong.empty() : OptionalLong.of(pkcs11ReturnCode);
    }

    /** {@return the exit code of the {@code orgsign} command for this failure} */
    public int exitCode() {
        return code.exitCode();
    }
}
