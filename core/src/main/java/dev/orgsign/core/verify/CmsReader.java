package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ways a signature file comes in, before {@link CmsEvidence} takes it apart: a DER signature
 * goes straight to the DER reader (the fast path); base64 or PEM text is decoded first
 * ({@link Base64Text}); BER, attached content and signed attributes that are not DER go through
 * {@link CmsNormalizer}, which writes the SignedData again as detached DER for the same reader.
 * Size limits are applied before anything is parsed. Never throws.
 */
final class CmsReader {
    private static final Text NOT_ASN1 = T.text("cms.notAsn1");

    private CmsReader() {
    }

    /**
     * Reads a signature file.
     *
     * @param signature   the file's bytes
     * @param content     the signed content given beside the signature, or null to take the content it carries
     * @param claimedTime the signing time claimed outside the CMS, or null
     * @param rules       size limits and what the signer must include
     */
    static CmsEvidence read(byte[] signature, byte[] content, Instant claimedTime, CmsEvidence.Rules rules) {
        if (signature == null || signature.length == 0) {
            return CmsEvidence.bad(T.text("cms.empty"));
        }
        if (signature[0] == Der.SEQUENCE && CmsEvidence.derLength(signature) == signature.length) {
            if (signature.length > rules.maxBytes()) {
                return tooLarge(signature.length, rules);
            }
            CmsEvidence fast = parseSafely(signature, content, claimedTime, rules);
            return fast.encodingProblem() ? normalized(signature, content, claimedTime, rules, fast.problem, List.of()) : fast;
        }
        if (signature.length <= 2L * rules.maxBytes()) {
            Base64Text.Decoded text = Base64Text.decode(signature);
            if (text != null) {
                return fromText(text, content, claimedTime, rules);
            }
        }
        if (signature.length > rules.maxBytes()) {
            return tooLarge(signature.length, rules);
        }
        return normalized(signature, content, claimedTime, rules, NOT_ASN1, List.of());
    }

    private static CmsEvidence tooLarge(int length, CmsEvidence.Rules rules) {
        return CmsEvidence.bad(T.text("cms.tooLarge", length, rules.noun(), rules.maxBytes()));
    }

    /** A signature saved as PEM or base64 text: its binary content read, then as any binary signature. */
    private static CmsEvidence fromText(Base64Text.Decoded text, byte[] content, Instant claimedTime, CmsEvidence.Rules rules) {
        String label = text.label();
        if (label != null && !label.equals("CMS") && !label.equals("PKCS7") && !label.equals("PKCS #7 SIGNED DATA")) {
            return CmsEvidence.bad(T.text("cms.pemOther", label));
        }
        byte[] binary = text.bytes();
        if (binary.length == 0 || binary[0] != Der.SEQUENCE) {
            return CmsEvidence.bad(T.text("cms.textNotCms", text.form()));
        }
        if (binary.length > rules.maxBytes()) {
            return tooLarge(binary.length, rules);
        }
        List<Text> notes = List.of(T.text("cms.note.text", text.form()));
        if (CmsEvidence.derLength(binary) == binary.length) {
            CmsEvidence fast = parseSafely(binary, content, claimedTime, rules);
            if (!fast.encodingProblem()) {
                return fast.problem != null ? fast : fast.withReading(notes, null, false);
            }
            return normalized(binary, content, claimedTime, rules, fast.problem, notes);
        }
        return normalized(binary, content, claimedTime, rules, NOT_ASN1, notes);
    }

    /**
     * The second way in: BouncyCastle reads the BER, the SignedData is written again as DER without
     * its content, and that is read as any DER signature.
     *
     * @param fallback the sentence when BouncyCastle cannot read it either
     */
    private static CmsEvidence normalized(byte[] binary, byte[] content, Instant claimedTime, CmsEvidence.Rules rules, Text fallback,
                                          List<Text> textNotes) {
        CmsNormalizer.Result n = CmsNormalizer.normalize(binary, rules.maxContent());
        if (n.der() == null) {
            return CmsEvidence.bad(n.problem() != null ? n.problem() : fallback);
        }
        byte[] signed = content;
        if (n.content() != null) {
            if (content != null && !Arrays.equals(content, n.content())) {
                return CmsEvidence.bad(T.text("cms.otherContent"));
            }
            signed = n.content();
        }
        CmsEvidence e = parseSafely(n.der(), signed, claimedTime, rules);
        if (e.problem != null) {
            return e.encodingProblem() ? CmsEvidence.bad(e.problem) : e;
        }
        List<Text> notes = new ArrayList<>(textNotes);
        notes.addAll(n.notes());
        return e.withReading(List.copyOf(notes), n.receivedAttributes(), n.content() != null);
    }

    private static CmsEvidence parseSafely(byte[] buf, byte[] content, Instant claimedTime, CmsEvidence.Rules rules) {
        try {
            return CmsEvidence.parse(buf, content, claimedTime, rules);
        } catch (Der.Malformed e) {
            return CmsEvidence.encoding(e.text);
        } catch (CertificateException e) {
            return CmsEvidence.bad(T.text("cms.badCertificate"));
        } catch (RuntimeException | StackOverflowError e) {
            return CmsEvidence.bad(T.text("cms.unreadable", e.getClass().getSimpleName()));
        }
    }
}
