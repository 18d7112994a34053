package dev.orgsign.pkcs11;

import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.token.SignatureAlgorithm;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The conversions between what PKCS#11 returns and what CMS carries.
 *
 * <p><b>GOST byte order.</b> RFC 4491 §2.2.2 (carried over for GOST R 34.10-2012 by RFC 9215
 * §3.2) defines the signature value in certificates and CMS as 64 (or 128) octets: the
 * big-endian s, then the big-endian r. The PKCS#11 mechanisms CKM_GOSTR3410 and
 * CKM_GOSTR3410_512 return the signature in the same layout (PKCS#11 v2.40 Current Mechanisms,
 * §2.51.x "GOST R 34.10-2001": "the concatenation of … s and r, both … big endian"), so the
 * token's value is passed through unchanged; only its length is checked. The hash handed to
 * the raw mechanism is the Streebog output as it comes from the digest; the token (like
 * BouncyCastle's {@code ECGOST3410_2012Signer}) reads it as a little-endian number itself.
 * {@code GostSignatureVectorsTest} pins this down against BouncyCastle.
 */
final class SignatureEncodings {
    private SignatureEncodings() {
    }

    /** PKCS#11 ECDSA output r‖s (each half the length) as a DER {@code ECDSA-Sig-Value}. */
    static byte[] ecdsaToDer(byte[] rs) {
        if (rs.length == 0 || rs.length % 2 != 0) {
            throw new IllegalArgumentException("An ECDSA signature from the token has an odd length " + rs.length);
        }
        int half = rs.length / 2;
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(rs, 0, half))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length))));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GOST signature from the token in CMS form (s‖r, see the class comment). */
    static byte[] gostFromToken(byte[] value) {
        if (value.length != 64 && value.length != 128) {
            throw new IllegalArgumentException("A GOST signature from the token has " + value.length
                    + " bytes instead of 64 or 128");
        }
        return value.clone();
    }

    static byte[] digest(String jcaName, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName, Providers.bouncyCastle()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + jcaName + " digest", e);
        }
    }

    static int digestLength(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName, Providers.bouncyCastle()).getDigestLength();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + jcaName + " digest", e);
        }
    }

    /** The DER DigestInfo that CKM_RSA_PKCS signs for PKCS#1 v1.5. */
    static byte[] digestInfo(SignatureAlgorithm algorithm, byte[] data) {
        try {
            return new DigestInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.digestOid()), DERNull.INSTANCE),
                    digest(algorithm.digestJcaName(), data)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
