package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

/**
 * Judges one OCSP response, fail closed: only an authentic, current answer about the
 * certificate asked for, echoing the nonce when it carries one, becomes GOOD or REVOKED.
 */
final class OcspJudge {
    private static final String[] STATUS_NAMES = {"successful", "malformedRequest", "internalError", "tryLater", "4",
        "sigRequired", "unauthorized"};

    private final Duration skew;
    private final Duration maxAgeWithoutNonce;

    /**
     * @param skew               how far a responder's clock may run ahead of ours
     * @param maxAgeWithoutNonce how old an answer without the nonce and without a nextUpdate may be
     */
    OcspJudge(Duration skew, Duration maxAgeWithoutNonce) {
        this.skew = skew;
        this.maxAgeWithoutNonce = maxAgeWithoutNonce;
    }

    OcspAnswer judge(URI url, byte[] body, X509Certificate cert, X509Certificate issuer, byte[] nonce, Instant now) {
        try {
            OCSPResp resp = new OCSPResp(body);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                int s = resp.getStatus();
                return OcspAnswer.none(url, T.text("ocsp.refused", url,
                        s >= 0 && s < STATUS_NAMES.length ? STATUS_NAMES[s] : String.valueOf(s)));
            }
            if (!(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
                return OcspAnswer.none(url, T.text("ocsp.notBasic", url));
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            Text signer = signerProblem(basic, issuerHolder, issuer.getPublicKey(), now);
            if (signer != null) {
                return OcspAnswer.none(url, T.text("ocsp.signer", url, signer));
            }
            SingleResp single = null;
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build();
            for (SingleResp r : basic.getResponses()) {
                CertificateID id = r.getCertID();
                if (id.getSerialNumber().equals(cert.getSerialNumber()) && id.matchesIssuer(issuerHolder, digests)) {
                    single = r;
                    break;
                }
            }
            if (single == null) {
                return OcspAnswer.none(url, T.text("ocsp.otherCertificate", url));
            }
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            boolean nonceEchoed = echoed != null;
            if (nonceEchoed && !Arrays.equals(echoed.getExtnValue().getOctets(), nonceValue(nonce))) {
                return OcspAnswer.none(url, T.text("ocsp.otherNonce", url));
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(skew))) {
                return OcspAnswer.none(url, T.text("ocsp.future", url, thisUpdate));
            }
            if (nextUpdate != null && nextUpdate.isBefore(now)) {
                return OcspAnswer.none(url, T.text("ocsp.expired", url, nextUpdate));
            }
            if (!nonceEchoed && nextUpdate == null && thisUpdate.isBefore(now.minus(maxAgeWithoutNonce))) {
                return OcspAnswer.none(url, T.text("ocsp.replay", url, thisUpdate, maxAgeWithoutNonce.toMinutes()));
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new OcspAnswer(OcspAnswer.Status.GOOD, url, thisUpdate, nextUpdate, null, null, null);
            }
            if (status instanceof RevokedStatus revoked) {
                CRLReason reason = null;
                if (revoked.hasRevocationReason()) {
                    int code = revoked.getRevocationReason();
                    reason = code >= 0 && code < CRLReason.values().length ? CRLReason.values()[code] : CRLReason.UNSPECIFIED;
                }
                return new OcspAnswer(OcspAnswer.Status.REVOKED, url, thisUpdate, nextUpdate,
                        revoked.getRevocationTime().toInstant(), reason, null);
            }
            return OcspAnswer.none(url, T.text("ocsp.unknown", url));
        } catch (Exception e) {
            return OcspAnswer.none(url, T.text("ocsp.unreadable", url));
        }
    }

    /**
     * Null when the response is signed by the issuer, or by a responder certificate the issuer
     * issued for OCSP signing that is valid now; otherwise what is wrong.
     */
    private static Text signerProblem(BasicOCSPResp basic, X509CertificateHolder issuer, PublicKey issuerKey, Instant now) {
        if (signedBy(basic, issuerKey)) {
            return null;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            PublicKey key;
            try {
                key = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(Providers.bouncyCastle())
                        .getCertificate(responder).getPublicKey();
            } catch (Exception e) {
                continue;
            }
            if (!signedBy(basic, key)) {
                continue;
            }
            String name = name(responder.getSubject());
            if (!responder.getIssuer().equals(issuer.getSubject()) || !certSignedBy(responder, issuerKey)) {
                return T.text("ocsp.signer.foreign", name);
            }
            ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
            if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                return T.text("ocsp.signer.notOcsp", name);
            }
            if (!responder.isValidOn(Date.from(now))) {
                return T.text("ocsp.signer.invalid", name, responder.getNotBefore().toInstant(), responder.getNotAfter().toInstant());
            }
            return null;
        }
        return T.text("ocsp.signer.none");
    }

    private static String name(X500Name name) {
        try {
            return CertificateChecks.displayName(new javax.security.auth.x500.X500Principal(name.getEncoded()));
        } catch (java.io.IOException | RuntimeException e) {
            return name.toString();
        }
    }

    private static boolean signedBy(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(verifier(key));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean certSignedBy(X509CertificateHolder cert, PublicKey key) {
        try {
            return cert.isSignatureValid(verifier(key));
        } catch (Exception e) {
            return false;
        }
    }

    private static ContentVerifierProvider verifier(PublicKey key) throws org.bouncycastle.operator.OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().setProvider(Providers.bouncyCastle()).build(key);
    }

    /** The extnValue of a nonce extension: the DER OCTET STRING holding the nonce (RFC 8954). */
    static byte[] nonceValue(byte[] nonce) {
        try {
            return new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
