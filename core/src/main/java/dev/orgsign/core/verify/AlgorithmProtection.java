package dev.orgsign.core.verify;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.util.Arrays;

/**
 * The CMS algorithm protection attribute (RFC 6211): when a signer includes it, it must name the
 * digest and signature algorithms that its signer info names, so that they cannot be swapped.
 */
final class AlgorithmProtection {
    private AlgorithmProtection() {
    }

    /**
     * Whether the attribute value names the signer info's algorithms (absent and NULL parameters
     * are taken as the same, as BouncyCastle does).
     */
    static boolean matches(byte[] buf, Der.Element value, Der.Element digestAlgorithm, Der.Element signatureAlgorithm) {
        try {
            if (value.tag() != Der.SEQUENCE) {
                return false;
            }
            Der d = value.open(buf);
            Der.Element digest = d.next(Der.SEQUENCE, "protectedDigestAlgorithm");
            Der.Element signature = d.next(0xa1, "protectedSignatureAlgorithm");
            d.end("cmsAlgorithmProtection");
            return same(buf, digest.start(), digest.end(), digestAlgorithm.start(), digestAlgorithm.end(), Der.SEQUENCE)
                    && same(buf, signature.contents(), signature.end(), signatureAlgorithm.contents(), signatureAlgorithm.end(),
                    -1);
        } catch (Der.Malformed | RuntimeException e) {
            return false;
        }
    }

    /** Two algorithm identifiers, the first given as a whole element or (tag -1) as SEQUENCE contents. */
    private static boolean same(byte[] buf, int aFrom, int aTo, int bFrom, int bTo, int tag) {
        if (Arrays.equals(buf, aFrom, aTo, buf, bFrom, bTo)) {
            return true;
        }
        AlgorithmIdentifier a = tag < 0 ? AlgorithmIdentifier.getInstance(contents(buf, aFrom, aTo))
                : AlgorithmIdentifier.getInstance(Arrays.copyOfRange(buf, aFrom, aTo));
        AlgorithmIdentifier b = tag < 0 ? AlgorithmIdentifier.getInstance(contents(buf, bFrom, bTo))
                : AlgorithmIdentifier.getInstance(Arrays.copyOfRange(buf, bFrom, bTo));
        return a.getAlgorithm().equals(b.getAlgorithm()) && params(a.getParameters()).equals(params(b.getParameters()));
    }

    private static ASN1Sequence contents(byte[] buf, int from, int to) {
        int length = to - from;
        byte[] der;
        if (length < 0x80) {
            der = new byte[2 + length];
            der[1] = (byte) length;
        } else {
            der = new byte[4 + length];
            der[1] = (byte) 0x82;
            der[2] = (byte) (length >> 8);
            der[3] = (byte) length;
        }
        der[0] = Der.SEQUENCE;
        System.arraycopy(buf, from, der, der.length - length, length);
        return ASN1Sequence.getInstance(der);
    }

    private static ASN1Encodable params(ASN1Encodable p) {
        return p == null ? DERNull.INSTANCE : p.toASN1Primitive();
    }
}
