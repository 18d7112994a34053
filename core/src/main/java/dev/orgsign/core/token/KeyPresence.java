package dev.orgsign.core.token;

/**
 * Whether a token holds the private key of a listed key. Most tokens hide private keys until the
 * PIN is entered, so before a login their absence from a listing proves nothing: the presence is
 * then {@link #UNKNOWN}, never {@link #ABSENT}.
 */
public enum KeyPresence {
    /** The private key is there: the key can sign. */
    PRESENT,
    /** The token shows its private objects (it needs no PIN, or the PIN was entered) and this key has none. */
    ABSENT,
    /** Not known before the PIN is entered: the token hides its private keys until then. */
    UNKNOWN
}
