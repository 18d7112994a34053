package dev.orgsign.pkcs11;

/**
 * How a token is opened.
 *
 * @param allowFinalTry log in even when the token says the next wrong PIN locks it (the CLI
 *                      sets this from {@code --allow-final-try}, or after asking on a terminal)
 * @param maxSessions   how many sessions signing threads share (at least 1)
 */
public record Pkcs11Options(boolean allowFinalTry, int maxSessions) {
    /**
     * Checks the session count.
     *
     * @param allowFinalTry log in even when the token says the next wrong PIN locks it (the CLI sets this from {@code --allow-final-try}, or after asking on a terminal)
     * @param maxSessions how many sessions signing threads share (at least 1)
     */
    public Pkcs11Options {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
    }

    /** {@return options that refuse the final try and allow up to 8 sessions} */
    public static Pkcs11Options defaults() {
        return new Pkcs11Options(false, 8);
    }

    /**
     * @param allow whether to log in on the final try
     * @return the same options with the final try allowed or not
     */
    public Pkcs11Options withAllowFinalTry(boolean allow) {
        return new Pkcs11Options(allow, maxSessions);
    }
}
