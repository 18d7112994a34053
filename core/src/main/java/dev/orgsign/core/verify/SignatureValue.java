package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * The {@code signature.value} check of a signer read by {@link CmsEvidence}: the digest of the
 * content against the message-digest attribute; the signature over the signed attributes with the
 * signer's key — as received, re-tagged as the SET OF that RFC 5652 §5.4 signs (their DER
 * encoding), or, when they were not sent in DER, over the order they were sent in (what OpenSSL
 * verifies); the ESS signing-certificate hash when the signer includes it.
 */
final class SignatureValue {
    private static final byte[] SET_TAG = {Der.SET};

    private SignatureValue() {
    }

    /** The check of a signature read without a problem. */
    static Check check(CmsEvidence e) {
        CmsEvidence.Parts p = e.parts;
        byte[] buf = p.buf();
        if (p.signer().publicKey == null) {
            return SignatureVerifier.fail("signature.value", T.text("signature.keyUnsupported"));
        }
        SignerAlgorithm algorithm = SignerAlgorithm.of(buf, p.digestAlgorithm(), p.signatureAlgorithm(), p.signer());
        if (algorithm.problem != null) {
            return SignatureVerifier.fail("signature.value", algorithm.problem);
        }
        try {
            byte[] digest = algorithm.digester().digest(p.payload());
            if ("SHA-256".equals(algorithm.digest)) {
                e.payloadSha256 = digest;
            }
            if (!Der.contentsEqual(buf, p.messageDigest(), digest)) {
                return SignatureVerifier.fail("signature.value", T.text("signature.digest"));
            }
            Signature s = algorithm.verifier(p.signer().publicKey);
            Der.Element attributes = p.signedAttributes();
            s.update(SET_TAG);
            s.update(buf, attributes.start() + 1, attributes.end() - attributes.start() - 1);
            boolean ok = verifies(s, buf, p.signatureValue());
            boolean asReceived = false;
            if (!ok && e.receivedAttributes != null) { // signed in the order sent, not in DER order: what OpenSSL accepts
                Signature again = algorithm.verifier(p.signer().publicKey);
                again.update(e.receivedAttributes);
                ok = asReceived = verifies(again, buf, p.signatureValue());
            }
            if (!ok) {
                return SignatureVerifier.fail("signature.value", T.text("signature.invalid"));
            }
            Text ess = p.essV2() == null && p.essV1() == null ? null : essMismatch(p);
            if (ess != null) {
                return SignatureVerifier.fail("signature.value", ess);
            }
            if (e.receivedAttributes == null) {
                return p.signer().signaturePassed;
            }
            String holder = CertificateChecks.displayName(p.signer().certificate.getSubjectX500Principal());
            return SignatureVerifier.pass("signature.value", T.text(asReceived ? "signature.verifies.asSent"
                    : "signature.verifies.reencoded", holder));
        } catch (GeneralSecurityException ex) {
            return SignatureVerifier.fail("signature.value", T.text("signature.error", Sentences.detail(ex)));
        }
    }

    private static boolean verifies(Signature s, byte[] buf, Der.Element value) {
        try {
            return s.verify(buf, value.contents(), value.length());
        } catch (SignatureException e) {
            return false; // a malformed signature value
        }
    }

    /** Null when the ESS signing-certificate attribute names the signer's certificate, else why not. */
    private static Text essMismatch(CmsEvidence.Parts p) {
        byte[] buf = p.buf();
        try {
            Der.Element id;
            Der.Element algorithm = null;
            String defaultDigest;
            Der.Element value = p.essV2() != null ? p.essV2() : p.essV1();
            if (value.tag() != Der.SEQUENCE) {
                return T.text("signature.ess.notSequence");
            }
            if (p.essV2() != null) {
                id = p.essV2().open(buf).next(Der.SEQUENCE, "signingCertificates").open(buf).next(Der.SEQUENCE, "essCertificateId");
                Der d = id.open(buf);
                if (d.peekTag() == Der.SEQUENCE) {
                    algorithm = d.next("essHashAlgorithm");
                }
                id = d.next(Der.OCTET_STRING, "essCertificateHash");
                defaultDigest = "SHA-256";
            } else {
                id = p.essV1().open(buf).next(Der.SEQUENCE, "signingCertificates").open(buf).next(Der.SEQUENCE, "essCertificateId")
                        .open(buf).next(Der.OCTET_STRING, "essCertificateHash");
                defaultDigest = "SHA-1";
            }
            byte[] hash = p.signer().hash(buf, algorithm, defaultDigest);
            return Der.contentsEqual(buf, id, hash) ? null
                    : T.text("signature.ess.other");
        } catch (Der.Malformed | GeneralSecurityException | RuntimeException e) {
            return T.text("signature.ess.unreadable", e instanceof Der.Malformed m ? m.text : Sentences.detail(e));
        }
    }
}
