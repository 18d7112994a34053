package dev.orgsign.core.cades;

import dev.orgsign.core.Text;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Makes a detached CMS SignedData with one signer whose signature value comes from a
 * {@link SigningToken}. The signed attributes are content-type, message-digest,
 * signing-certificate-v2 and, when a signing time is given, signing-time: CAdES-BES for a
 * registration, PAdES baseline B for a PDF (which carries its time in the signature dictionary
 * instead). The signer's chain is included.
 */
public final class CmsSigner {
    private static final Texts T = Texts.of(OrgsignException.class);
    private CmsSigner() {
    }

    /**
     * Signs {@code content} (not embedded in the result).
     *
     * @param content     the bytes to sign
     * @param token       the token that holds the key
     * @param key         the key (with its certificate and chain)
     * @param algorithm   the signature algorithm, matching the key
     * @param signingTime the signing-time attribute, or {@code null} to leave it out (PAdES)
     * @return the DER encoding of the detached CMS SignedData
     * @throws OrgsignException when the key has no certificate, the token refuses, or CMS cannot be assembled
     */
    public static byte[] signDetached(byte[] content, SigningToken token, TokenKey key, SignatureAlgorithm algorithm,
                                      Instant signingTime) throws OrgsignException {
        X509Certificate cert = key.certificate();
        if (cert == null) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("keys.noCertificate", key.label()));
        }
        if (algorithm.keyAlgorithm() != key.keyAlgorithm()) {
            throw new OrgsignException(ErrorCode.MECHANISM_UNSUPPORTED, T.text("keys.wrongAlgorithm", key.label(),
                    key.keyAlgorithm(), algorithm));
        }
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            if (signingTime != null) {
                v.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_signingTime, new DERSet(new Time(Date.from(signingTime)))));
            }
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(RegistrationSigner.signingCertificate(cert, algorithm))));
            SignerInfoGenerator sig = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(v)))
                    .build(new TokenContentSigner(token, key, algorithm), cert);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(sig);
            gen.addCertificates(new JcaCertStore(key.chain().isEmpty() ? List.of(cert) : key.chain()));
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (TokenContentSigner.TokenFailure e) {
            throw e.orgsign();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("cms.assembly", Text.quoted(e.getMessage())), e);
        }
    }
}
