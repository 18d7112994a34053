package dev.orgsign.core.token;

import dev.orgsign.core.Text;

import java.util.Locale;

/**
 * What a {@link PinCallback} is asked for: which token, and what the token says of its PIN.
 *
 * @param tokenDescription a human description of the token in English ("Rutoken ECP 2.0, serial 3a1f…")
 * @param countLow         the token reports that a wrong PIN was entered since the last success
 * @param finalTry         the token reports that the next wrong PIN locks it
 * @param token            the description in both languages
 */
public record PinRequest(String tokenDescription, boolean countLow, boolean finalTry, Text token) {
    /**
     * A request whose description is the same in every language.
     *
     * @param tokenDescription a human description of the token
     * @param countLow         a wrong PIN was entered since the last success
     * @param finalTry         the next wrong PIN locks the token
     */
    public PinRequest(String tokenDescription, boolean countLow, boolean finalTry) {
        this(tokenDescription, countLow, finalTry, locale -> tokenDescription);
    }

    /**
     * A request for a token that describes itself in the reader's language.
     *
     * @param token    the token
     * @param countLow a wrong PIN was entered since the last success
     * @param finalTry the next wrong PIN locks the token
     * @return the request
     */
    public static PinRequest of(SigningToken token, boolean countLow, boolean finalTry) {
        return new PinRequest(token.description(), countLow, finalTry, token::description);
    }

    /**
     * The description in the reader's language.
     *
     * @param locale the reader's locale
     * @return the description
     */
    public String tokenDescription(Locale locale) {
        return token.in(locale);
    }
}
