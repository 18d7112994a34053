package dev.orgsign.pkcs11;

/**
 * How a token is opened.
 *
 * @param allowFinalTry log in even when the token says the next wrong PIN locks it (the CLI
 *                      sets this from {@code --allow-final-try}, or after asking on a terminal)
 * @param maxSessions   how many sessions signing threads share (at least 1)
 * @param pkcs11V2      require the PKCS#11 2.40 entry point ({@code C_GetFunctionList}; the CLI's
 *                      {@code --pkcs11-v2}), see {@link Pkcs11EntryPoint}
 */
public record Pkcs11Options(boolean allowFinalTry, int maxSessions, boolean pkcs11V2) {
    /**
     * Checks the session count.
     *
     * @param allowFinalTry log in even when the token says the next wrong PIN locks it (the CLI sets this from {@code --allow-final-try}, or after asking on a terminal)
     * @param maxSessions how many sessions signing threads share (at least 1)
     * @param pkcs11V2 require the PKCS#11 2.40 entry point ({@code C_GetFunctionList}; the CLI's {@code --pkcs11-v2}), see {@link Pkcs11EntryPoint}
     */
    public Pkcs11Options {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
    }

    /** {@return options that refuse the final try, allow up to 8 sessions and take the module's newest entry point} */
    public static Pkcs11Options defaults() {
        return new Pkcs11Options(false, 8, false);
    }

    /**
     * @param allow whether to log in on the final try
     * @return the same options with the final try allowed or not
     */
    public Pkcs11Options withAllowFinalTry(boolean allow) {
        return new Pkcs11Options(allow, maxSessions, pkcs11V2);
    }

    /**
     * @param v2 whether the PKCS#11 2.40 entry point is required
     * @return the same options with that requirement
     */
    public Pkcs11Options withPkcs11V2(boolean v2) {
        return new Pkcs11Options(allowFinalTry, maxSessions, v2);
    }
}
