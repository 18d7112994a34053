package dev.orgsign.core.token;

/** The public-key algorithm family of a token key. */
public enum KeyAlgorithm {
    RSA,
    EC,
    GOST3410_2012_256,
    GOST3410_2012_512;

    /** Whether this is one of the GOST R 34.10-2012 families. */
    public boolean isGost() {
        return this == GOST3410_2012_256 || this == GOST3410_2012_512;
    }
}
