package dev.orgsign.core.token;

import dev.orgsign.core.OrgsignException;

/**
 * Supplies the PIN (or keystore password) for one token, once per login. The returned array is
 * owned by the caller, which wipes it ({@code Arrays.fill(pin, '\0')}) as soon as the login
 * has been attempted. Implementations must never log the PIN or put it into a message.
 */
@FunctionalInterface
public interface PinCallback {
    /**
     * @param request what is being logged into and the token's PIN state
     * @return a fresh array holding the PIN
     * @throws OrgsignException with {@code PIN_MISSING} when no PIN can be had (no terminal,
     *                          variable unset), or when the user declines
     */
    char[] pin(PinRequest request) throws OrgsignException;
}
