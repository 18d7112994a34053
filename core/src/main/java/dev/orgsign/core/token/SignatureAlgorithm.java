package dev.orgsign.core.token;

/**
 * The signature algorithms a qualified registration signature may use, with the object
 * identifiers CMS needs. The signature value a {@link SigningToken} returns is always in the
 * encoding CMS carries in {@code SignerInfo.signature}: DER {@code ECDSA-Sig-Value} for ECDSA,
 * the PKCS#1 block for RSA, and for GOST R 34.10-2012 the 64- or 128-byte value as RFC 4491 /
 * RFC 9215 lay it out (s followed by r, each big-endian), which is what BouncyCastle and the
 * OpenSSL gost engine produce and expect.
 */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256. */
    SHA256_WITH_RSA("SHA256withRSA", "1.2.840.113549.1.1.11", "SHA-256", "2.16.840.1.101.3.4.2.1", KeyAlgorithm.RSA),
    /** RSA PKCS#1 v1.5 with SHA-384. */
    SHA384_WITH_RSA("SHA384withRSA", "1.2.840.113549.1.1.12", "SHA-384", "2.16.840.1.101.3.4.2.2", KeyAlgorithm.RSA),
    /** RSA PKCS#1 v1.5 with SHA-512. */
    SHA512_WITH_RSA("SHA512withRSA", "1.2.840.113549.1.1.13", "SHA-512", "2.16.840.1.101.3.4.2.3", KeyAlgorithm.RSA),
    /** RSASSA-PSS with SHA-256. */
    SHA256_WITH_RSA_PSS("SHA256withRSAandMGF1", "1.2.840.113549.1.1.10", "SHA-256", "2.16.840.1.101.3.4.2.1", KeyAlgorithm.RSA),
    /** RSASSA-PSS with SHA-384. */
    SHA384_WITH_RSA_PSS("SHA384withRSAandMGF1", "1.2.840.113549.1.1.10", "SHA-384", "2.16.840.1.101.3.4.2.2", KeyAlgorithm.RSA),
    /** RSASSA-PSS with SHA-512. */
    SHA512_WITH_RSA_PSS("SHA512withRSAandMGF1", "1.2.840.113549.1.1.10", "SHA-512", "2.16.840.1.101.3.4.2.3", KeyAlgorithm.RSA),
    /** ECDSA with SHA-256. */
    SHA256_WITH_ECDSA("SHA256withECDSA", "1.2.840.10045.4.3.2", "SHA-256", "2.16.840.1.101.3.4.2.1", KeyAlgorithm.EC),
    /** ECDSA with SHA-384. */
    SHA384_WITH_ECDSA("SHA384withECDSA", "1.2.840.10045.4.3.3", "SHA-384", "2.16.840.1.101.3.4.2.2", KeyAlgorithm.EC),
    /** ECDSA with SHA-512. */
    SHA512_WITH_ECDSA("SHA512withECDSA", "1.2.840.10045.4.3.4", "SHA-512", "2.16.840.1.101.3.4.2.3", KeyAlgorithm.EC),
    /** GOST R 34.10-2012 (256-bit key) with GOST R 34.11-2012 (Streebog-256). */
    GOST3411_2012_256_WITH_GOST3410_2012_256("GOST3411-2012-256WITHECGOST3410-2012-256", "1.2.643.7.1.1.3.2",
            "GOST3411-2012-256", "1.2.643.7.1.1.2.2", KeyAlgorithm.GOST3410_2012_256),
    /** GOST R 34.10-2012 (512-bit key) with GOST R 34.11-2012 (Streebog-512). */
    GOST3411_2012_512_WITH_GOST3410_2012_512("GOST3411-2012-512WITHECGOST3410-2012-512", "1.2.643.7.1.1.3.3",
            "GOST3411-2012-512", "1.2.643.7.1.1.2.3", KeyAlgorithm.GOST3410_2012_512);

    private final String jcaName;
    private final String oid;
    private final String digestJcaName;
    private final String digestOid;
    private final KeyAlgorithm keyAlgorithm;

    SignatureAlgorithm(String jcaName, String oid, String digestJcaName, String digestOid, KeyAlgorithm keyAlgorithm) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.digestJcaName = digestJcaName;
        this.digestOid = digestOid;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** {@return the name BouncyCastle's JCA provider knows this algorithm by} */
    public String jcaName() {
        return jcaName;
    }

    /** {@return the signature algorithm OID (for PSS, id-RSASSA-PSS; parameters follow from the digest)} */
    public String oid() {
        return oid;
    }

    /** {@return the JCA name of the message digest} */
    public String digestJcaName() {
        return digestJcaName;
    }

    /** {@return the OID of the message digest} */
    public String digestOid() {
        return digestOid;
    }

    /** {@return the key family this algorithm signs with} */
    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    /** {@return whether this is RSASSA-PSS (MGF1 with the same digest, salt length = digest length)} */
    public boolean isPss() {
        return jcaName.endsWith("andMGF1");
    }

    /**
     * The algorithm a qualified signature uses by default for a key family and size: GOST keys
     * take the matching Streebog digest, P-384 takes SHA-384, everything else SHA-256.
     *
     * @param key         the key family
     * @param keySizeBits the key size in bits
     * @return the algorithm
     */
    public static SignatureAlgorithm defaultFor(KeyAlgorithm key, int keySizeBits) {
        return switch (key) {
            case GOST3410_2012_256 -> GOST3411_2012_256_WITH_GOST3410_2012_256;
            case GOST3410_2012_512 -> GOST3411_2012_512_WITH_GOST3410_2012_512;
            case EC -> keySizeBits >= 384 ? SHA384_WITH_ECDSA : SHA256_WITH_ECDSA;
            case RSA -> SHA256_WITH_RSA;
        };
    }
}
