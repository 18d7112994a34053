package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The second way in for a CMS signature the DER reader ({@link Der}) does not take as it lies:
 * BER with indefinite lengths or constructed strings (CryptoPro, ViPNet, OpenSSL {@code -stream},
 * BouncyCastle's default generator), content attached inside the signature, signed attributes that
 * are not DER. BouncyCastle's ASN.1 parser reads it; the SignedData is written again as DER
 * without its content, which is handed over separately, and the DER reader then applies the same
 * checks as to any signature. Since RFC 5652 §5.4 defines what is signed as the DER encoding of
 * the signed attributes, the signature is verified over their DER re-encoding; a signer that signed
 * them in the order it sent them (which OpenSSL accepts) is verified over that order, and the
 * {@code signature.value} sentence says which.
 */
final class CmsNormalizer {
    private CmsNormalizer() {
    }

    /**
     * A signature made detached and DER, or why it cannot be.
     *
     * @param der                  the DER ContentInfo of the SignedData without its content, or null
     * @param content              the content the signature carried, or null when detached
     * @param notes                how the signature was written, as phrases for the {@code signature.cms} sentence
     * @param receivedAttributes   the signer's signed attributes as a SET in the order received, with definite
     *                             lengths, when that is not their DER encoding (else null)
     * @param problem              why the signature cannot be read, or null
     */
    record Result(byte[] der, byte[] content, List<Text> notes, byte[] receivedAttributes, Text problem) {
        static Result failed(Text problem) {
            return new Result(null, null, List.of(), null, problem);
        }
    }

    /**
     * Reads a binary CMS signature of any valid BER encoding.
     *
     * @param binary     the bytes
     * @param maxContent the largest attached content accepted
     * @return the DER form, or a problem (null when BouncyCastle cannot parse it either: the caller has a better sentence)
     */
    static Result normalize(byte[] binary, int maxContent) {
        ContentInfo info;
        try {
            ByteArrayInputStream bytes = new ByteArrayInputStream(binary);
            ASN1Primitive parsed;
            try (ASN1InputStream in = new ASN1InputStream(bytes, binary.length)) {
                parsed = in.readObject();
            }
            if (parsed == null) {
                return Result.failed(null);
            }
            if (bytes.available() > 0) {
                return Result.failed(T.text("cms.trailing", bytes.available()));
            }
            info = ContentInfo.getInstance(parsed);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Result.failed(null);
        }
        try {
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                return Result.failed(T.text("cms.notSignedData"));
            }
            SignedData signed = SignedData.getInstance(info.getContent());
            ContentInfo encapsulated = signed.getEncapContentInfo();
            List<Text> notes = new ArrayList<>(3);
            byte[] content = null;
            ASN1Encodable embedded = encapsulated.getContent();
            if (embedded != null) {
                ASN1OctetString octets = ASN1OctetString.getInstance(embedded);
                content = octets.getOctets();
                if (content.length > maxContent) {
                    return Result.failed(T.text("cms.contentTooLarge", content.length, maxContent));
                }
                notes.add(T.text("cms.note.content", content.length));
            }
            byte[] received = receivedAttributes(signed);
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), binary)) {
                notes.add(binary.length > 1 && (binary[1] & 0xff) == 0x80
                        ? T.text("cms.note.ber") : T.text("cms.note.notDer"));
            } else if (received != null) {
                notes.add(T.text("cms.note.order"));
            }
            // Each signer info through its type, so that its attribute sets are written as SETs (sorted in DER);
            // parsed as they lie, the implicitly tagged sets would be written back in the order received.
            ASN1EncodableVector signers = new ASN1EncodableVector();
            for (ASN1Encodable e : signed.getSignerInfos()) {
                signers.add(SignerInfo.getInstance(e));
            }
            SignedData detached = new SignedData(signed.getDigestAlgorithms(),
                    new ContentInfo(encapsulated.getContentType(), null), signed.getCertificates(), signed.getCRLs(),
                    new DLSet(signers));
            byte[] der = new ContentInfo(CMSObjectIdentifiers.signedData, detached).getEncoded(ASN1Encoding.DER);
            return new Result(der, content, List.copyOf(notes), received, null);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Result.failed(T.text("cms.unreadable", e.getClass().getSimpleName()));
        }
    }

    /**
     * The one signer's signed attributes in the order received, with definite lengths (what OpenSSL
     * verifies over), when that differs from their DER encoding; null when they are DER or there is
     * not exactly one signer.
     */
    private static byte[] receivedAttributes(SignedData signed) throws IOException {
        if (signed.getSignerInfos().size() != 1) {
            return null;
        }
        ASN1Set attributes = SignerInfo.getInstance(signed.getSignerInfos().getObjectAt(0)).getAuthenticatedAttributes();
        if (attributes == null) {
            return null;
        }
        byte[] received = attributes.getEncoded(ASN1Encoding.DL);
        return Arrays.equals(received, attributes.getEncoded(ASN1Encoding.DER)) ? null : received;
    }
}
