package dev.orgsign.core.token;

/** The public-key algorithm family of a token key. */
public enum KeyAlgorithm {
    /** RSA (PKCS#1 v1.5 or PSS signatures). */
    RSA,
    /** Elliptic curves over prime fields, signing with ECDSA (P-256, P-384). */
    EC,
    /** GOST R 34.10-2012 with a 256-bit key. */
    GOST3410_2012_256,
    /** GOST R 34.10-2012 with a 512-bit key. */
    GOST3410_2012_512;

    /** {@return whether this is one of the GOST R 34.10-2012 families} */
    public boolean isGost() {
        return this == GOST3410_2012_256 || this == GOST3410_2012_512;
    }
}
