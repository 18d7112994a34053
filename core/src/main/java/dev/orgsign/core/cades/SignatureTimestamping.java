package dev.orgsign.core.cades;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.verify.TimestampClient;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;

import java.io.IOException;
import java.util.Hashtable;

/**
 * Turns a CAdES-BES into a CAdES-T: an RFC 3161 timestamp token over the signer's signature value,
 * from a time-stamping authority, added as the unsigned attribute id-aa-signatureTimeStampToken
 * (RFC 3161 appendix A, ETSI EN 319 122-1). The signed attributes and the signature stay as they are.
 */
public final class SignatureTimestamping {
    private static final Texts T = Texts.of(OrgsignException.class);

    private SignatureTimestamping() {
    }

    /**
     * Adds a signature timestamp to the one signer of {@code cms}.
     *
     * @param cms       the DER CMS SignedData with one signer
     * @param tsa       the time-stamping authority
     * @param digestOid the imprint's digest algorithm (the signature's own digest, e.g. GOST R 34.11-2012)
     * @return the DER CMS SignedData with the timestamp
     * @throws OrgsignException the TSA's failures ({@link TimestampClient#stamp}); INTERNAL when the CMS cannot be rebuilt
     */
    public static byte[] add(byte[] cms, TimestampClient tsa, String digestOid) throws OrgsignException {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            if (signed.getSignerInfos().size() != 1) {
                throw new OrgsignException(ErrorCode.INTERNAL, T.text("timestamping.signers"));
            }
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            byte[] token = tsa.stamp(signer.getSignature(), new ASN1ObjectIdentifier(digestOid));
            AttributeTable unsigned = signer.getUnsignedAttributes() == null ? new AttributeTable(new Hashtable<>())
                    : signer.getUnsignedAttributes();
            unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, ASN1Primitive.fromByteArray(token));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("timestamping.failed", Text.quoted(e.getMessage())), e);
        }
    }
}
