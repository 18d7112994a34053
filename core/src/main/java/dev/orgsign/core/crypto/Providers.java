package dev.orgsign.core.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The one BouncyCastle provider instance orgsign uses. It is not installed into the JVM's
 * provider list, so embedding orgsign never changes what other code gets from
 * {@code Security.getProviders()}.
 */
public final class Providers {
    private static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }

    /** {@return the shared BouncyCastle provider} */
    public static Provider bouncyCastle() {
        return BC;
    }
}
