package dev.orgsign.core.verify;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A detached CMS SignedData read for verification: its one signer, the signer's certificate,
 * the bundled certificates and the signed attributes. Reading never throws; what is wrong is
 * kept as a sentence for the {@code signature.cms} check.
 */
final class CmsEvidence {
    /** Larger signatures are refused before parsing: a registration signature with its chain is a few KB. */
    static final int MAX_BYTES = 256 * 1024;

    final String problem;
    final CMSSignedData cms;
    final SignerInformation signer;
    final X509Certificate certificate;
    private final org.bouncycastle.cms.SignerInformationVerifier verifier;
    final List<X509Certificate> bundled;
    final Instant signingTime;

    private CmsEvidence(String problem, CMSSignedData cms, SignerInformation signer, X509Certificate certificate,
                        org.bouncycastle.cms.SignerInformationVerifier verifier, List<X509Certificate> bundled,
                        Instant signingTime) {
        this.verifier = verifier;
        this.problem = problem;
        this.cms = cms;
        this.signer = signer;
        this.certificate = certificate;
        this.bundled = bundled;
        this.signingTime = signingTime;
    }

    private static CmsEvidence bad(String problem) {
        return new CmsEvidence(problem, null, null, null, null, List.of(), null);
    }

    static CmsEvidence read(byte[] signature, byte[] payload) {
        return read(signature, payload, null);
    }

    /**
     * @param claimedTime the signing time claimed outside the CMS (a PDF signature dictionary's M), which
     *                    makes the signing-time attribute optional (PAdES leaves it out); null for CAdES-BES
     */
    static CmsEvidence read(byte[] signature, byte[] payload, Instant claimedTime) {
        if (signature == null || signature.length == 0) {
            return bad("The signature is empty.");
        }
        if (signature.length > MAX_BYTES) {
            return bad("The signature is " + signature.length + " bytes; a registration signature is at most " + MAX_BYTES + ".");
        }
        if (derLength(signature) != signature.length) {
            return bad("The signature is not one well-formed ASN.1 structure (it is truncated, padded or not CMS at all).");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(payload), signature);
            if (cms.getSignedContent() == null) {
                return bad("The CMS structure carries no content.");
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return bad("The CMS SignedData has " + signers.size() + " signers; a registration has exactly one.");
            }
            SignerInformation si = signers.iterator().next();
            AttributeTable signed = si.getSignedAttributes();
            if (signed == null) {
                return bad("The signature has no signed attributes, so it is not CAdES-BES.");
            }
            if (signed.get(CMSAttributes.contentType) == null) {
                return bad("The signature lacks the content-type signed attribute that CAdES requires.");
            }
            if (signed.get(CMSAttributes.messageDigest) == null) {
                return bad("The signature lacks the message-digest signed attribute that CAdES requires.");
            }
            if (signed.get(CMSAttributes.signingTime) == null && claimedTime == null) {
                return bad("The signature lacks the signing-time signed attribute that CAdES-BES requires.");
            }
            if (signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null
                    && signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate) == null) {
                return bad("The signature lacks the signing-certificate attribute that CAdES-BES requires.");
            }
            // One store, so that the signer's holder is one of the bundled ones and each certificate is looked up once.
            org.bouncycastle.util.Store<X509CertificateHolder> store = cms.getCertificates();
            Collection<X509CertificateHolder> matches = store.getMatches(si.getSID());
            if (matches.size() != 1) {
                return bad("The signature does not include the signer's certificate.");
            }
            X509CertificateHolder signerHolder = matches.iterator().next();
            ParsedCertificates.Entry signerEntry = null;
            List<X509Certificate> bundled = new ArrayList<>();
            for (X509CertificateHolder h : store.getMatches(null)) {
                ParsedCertificates.Entry e = ParsedCertificates.entry(h);
                bundled.add(e.certificate());
                if (h == signerHolder) {
                    signerEntry = e;
                }
            }
            if (signerEntry == null) {
                signerEntry = ParsedCertificates.entry(signerHolder);
            }
            X509Certificate cert = signerEntry.certificate();
            Attribute time = signed.get(CMSAttributes.signingTime);
            Instant signingTime = time == null ? claimedTime
                    : Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
            return new CmsEvidence(null, cms, si, cert, signerEntry.verifier(), List.copyOf(bundled), signingTime);
        } catch (Exception | StackOverflowError e) {
            return bad("The signature is not a readable CMS SignedData (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ").");
        }
    }

    /**
     * The length the outer DER element's header announces (header included), or -1 when the header
     * is not that of a definite-length SEQUENCE. The CMS parser would ignore bytes after the element.
     */
    static long derLength(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2L + first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4 || der.length < 2 + n) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2L + n + length;
    }

    /** The signature.value check: the signature over the signed attributes, the digest of the payload, the ESS certificate hash. */
    Check verifyValue() {
        try {
            if (verifier == null) {
                return new Check("signature.value", CheckResult.FAILED, "The signer's key algorithm is not supported.");
            }
            boolean ok = signer.verify(verifier);
            if (!ok) {
                return new Check("signature.value", CheckResult.FAILED, "The signature value does not verify with the signer's certificate.");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return new Check("signature.value", CheckResult.FAILED, "The payload differs from what was signed (its digest does not match).");
        } catch (Exception e) {
            return new Check("signature.value", CheckResult.FAILED, "The signature value cannot be verified: " + e.getMessage());
        }
        String ess = essMismatch();
        if (ess != null) {
            return new Check("signature.value", CheckResult.FAILED, ess);
        }
        return new Check("signature.value", CheckResult.PASSED, "The signature verifies with the certificate of "
                + CertificateChecks.displayName(certificate.getSubjectX500Principal()) + ".");
    }

    private String essMismatch() {
        try {
            AttributeTable signed = signer.getSignedAttributes();
            Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                String alg = new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm());
                byte[] hash = ParsedCertificates.hash(certificate, alg);
                return Arrays.equals(hash, id.getCertHash()) ? null
                        : "The signing-certificate attribute names another certificate than the one that signed.";
            }
            ASN1Encodable v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate).getAttrValues().getObjectAt(0);
            byte[] hash = ParsedCertificates.hash(certificate, "SHA-1");
            return Arrays.equals(hash, SigningCertificate.getInstance(v1).getCerts()[0].getCertHash()) ? null
                    : "The signing-certificate attribute names another certificate than the one that signed.";
        } catch (Exception e) {
            return "The signing-certificate attribute cannot be read: " + e.getMessage();
        }
    }

}
