package dev.orgsign.core.token;

import dev.orgsign.core.OrgsignException;

import java.util.List;
import java.util.Locale;

/**
 * A place that holds signing keys: a PKCS#11 token (see the orgsign-pkcs11 module) or a JCA
 * keystore such as a PKCS#12 file or a CryptoPro JCP container ({@link KeyStoreSigningToken}).
 *
 * <p>Formats (CAdES, PAdES) meet a token only through this interface: they hand it the bytes to
 * be signed and receive the signature value, encoded as {@link SignatureAlgorithm} describes.
 * Implementations are safe for use by several threads at once.
 */
public interface SigningToken extends AutoCloseable {

    /** {@return a one-line human description of the token (model, label, serial, or the keystore file), in English} */
    String description();

    /**
     * The description in the reader's language.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @return the description; by default the English one
     */
    default String description(Locale locale) {
        return description();
    }

    /**
     * Logs in with one attempt, never retrying. The PIN comes from {@code pins} and is wiped
     * after the attempt. Implementations that need no login (or are already logged in) return
     * without calling {@code pins}.
     *
     * @param pins where the PIN comes from
     * @throws OrgsignException PIN_INCORRECT, PIN_LOCKED, PIN_FINAL_TRY, PIN_MISSING, token errors
     */
    void login(PinCallback pins) throws OrgsignException;

    /**
     * The keys the token shows in its current state (some tokens hide keys until login).
     *
     * @return the keys, with their certificates where the token has them
     * @throws OrgsignException NOT_LOGGED_IN for a keystore not yet opened; token errors
     */
    List<TokenKey> keys() throws OrgsignException;

    /**
     * Signs {@code data} (the whole to-be-signed message; the token or the host hashes it as
     * the algorithm requires) with the private key of {@code key}.
     *
     * @param key       the key, as {@link #keys()} listed it
     * @param algorithm the signature algorithm, of the key's family
     * @param data      the bytes to be signed
     * @return the signature value in the encoding CMS carries
     * @throws OrgsignException KEY_NOT_FOUND, KEY_NOT_USABLE, MECHANISM_UNSUPPORTED, NOT_LOGGED_IN, token errors
     */
    byte[] sign(TokenKey key, SignatureAlgorithm algorithm, byte[] data) throws OrgsignException;

    /** Logs out and releases the token; never throws. */
    @Override
    void close();
}
