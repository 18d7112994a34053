package dev.orgsign.core.token;

/**
 * What a {@link PinCallback} is asked for: which token, and what the token says of its PIN.
 *
 * @param tokenDescription a human description of the token ("Rutoken ECP 2.0, serial 3a1f…")
 * @param countLow         the token reports that a wrong PIN was entered since the last success
 * @param finalTry         the token reports that the next wrong PIN locks it
 */
public record PinRequest(String tokenDescription, boolean countLow, boolean finalTry) {
}
