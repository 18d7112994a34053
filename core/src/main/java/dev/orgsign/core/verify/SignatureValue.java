package dev.orgsign.core.verify;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
            return SignatureVerifier.fail("signature.value", "The signer's key algorithm is not supported.");
        }
        SignerAlgorithm algorithm = SignerAlgorithm.of(buf, p.digestAlgorithm(), p.signatureAlgorithm(), p.signer());
        if (algorithm.problem != null) {
            return SignatureVerifier.fail("signature.value", algorithm.problem);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm.digest, algorithm.digestProvider).digest(p.payload());
            if ("SHA-256".equals(algorithm.digest)) {
                e.payloadSha256 = digest;
            }
            if (!Der.contentsEqual(buf, p.messageDigest(), digest)) {
                return SignatureVerifier.fail("signature.value", "The payload differs from what was signed (its digest does not match).");
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
                return SignatureVerifier.fail("signature.value", "The signature value does not verify with the signer's certificate.");
            }
            String ess = p.essV2() == null && p.essV1() == null ? null : essMismatch(p);
            if (ess != null) {
                return SignatureVerifier.fail("signature.value", ess);
            }
            if (e.receivedAttributes == null) {
                return p.signer().signaturePassed;
            }
            String passed = p.signer().signaturePassed.message();
            return SignatureVerifier.pass("signature.value", passed.substring(0, passed.length() - 1) + (asReceived
                    ? ", over its signed attributes in the order they were sent, which is not DER order (as OpenSSL "
                    + "verifies them; RFC 5652 §5.4 signs their DER encoding)."
                    : ", over the DER re-encoding of its signed attributes, which were not sent in DER (RFC 5652 §5.4 "
                    + "signs their DER encoding)."));
        } catch (GeneralSecurityException ex) {
            return SignatureVerifier.fail("signature.value", "The signature value cannot be verified: " + ex.getMessage());
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
    private static String essMismatch(CmsEvidence.Parts p) {
        byte[] buf = p.buf();
        try {
            Der.Element id;
            Der.Element algorithm = null;
            String defaultDigest;
            Der.Element value = p.essV2() != null ? p.essV2() : p.essV1();
            if (value.tag() != Der.SEQUENCE) {
                return "The signing-certificate attribute cannot be read: it is not a SEQUENCE.";
            }
            if (p.essV2() != null) {
                id = p.essV2().open(buf).next(Der.SEQUENCE, "signing certificates").open(buf).next(Der.SEQUENCE, "ESS certificate id");
                Der d = id.open(buf);
                if (d.peekTag() == Der.SEQUENCE) {
                    algorithm = d.next("ESS hash algorithm");
                }
                id = d.next(Der.OCTET_STRING, "ESS certificate hash");
                defaultDigest = "SHA-256";
            } else {
                id = p.essV1().open(buf).next(Der.SEQUENCE, "signing certificates").open(buf).next(Der.SEQUENCE, "ESS certificate id")
                        .open(buf).next(Der.OCTET_STRING, "ESS certificate hash");
                defaultDigest = "SHA-1";
            }
            byte[] hash = p.signer().hash(buf, algorithm, defaultDigest);
            return Der.contentsEqual(buf, id, hash) ? null
                    : "The signing-certificate attribute names another certificate than the one that signed.";
        } catch (Der.Malformed | GeneralSecurityException | RuntimeException e) {
            return "The signing-certificate attribute cannot be read: " + e.getMessage();
        }
    }
}
