package dev.orgsign.pkcs11;

/**
 * How a token is opened.
 *
 * @param allowFinalTry log in even when the token says the next wrong PIN locks it (the CLI
 *                      sets this from {@code --allow-final-try}, or after asking on a terminal)
 * @param maxSessions   how many sessions signing threads share (at least 1)
 */
public record Pkcs11Options(boolean allowFinalTry, int maxSessions) {
    public Pkcs11Options {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
    }

    /** Refuse the final try; up to 8 sessions. */
    public static Pkcs11Options defaults() {
        return new Pkcs11Options(false, 8);
    }

    /** The same with final try allowed. */
    public Pkcs11Options withAllowFinalTry(boolean allow) {
        return new Pkcs11Options(allow, maxSessions);
    }
}
