package dev.orgsign.testcerts;

/** The key types a persona can hold. */
public enum KeyKind {
    GOST_256("gost256"),
    GOST_512("gost512"),
    EC_P256("ec-p256"),
    RSA_2048("rsa2048");

    private final String slug;

    KeyKind(String slug) {
        this.slug = slug;
    }

    /** The short name used in file names ("ec-p256"). */
    public String slug() {
        return slug;
    }

    /** Whether SoftHSM2 can hold this key (it has no GOST). */
    public boolean onSoftHsm() {
        return this == EC_P256 || this == RSA_2048;
    }
}
