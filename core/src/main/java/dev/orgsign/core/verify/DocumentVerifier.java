package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;


import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies any CMS signature as accountants check one in their signing tools — a contract, a
 * receipt, a document from the tax service: attached (the content inside) or detached (the
 * content given), DER or BER, binary or base64 / PEM text, CAdES-BES or CAdES-T. It reports
 * {@code signature.cms}, {@code signature.value}, {@code signature.timestamp} (when the signature
 * carries one), {@code certificate.chain}, {@code certificate.validity},
 * {@code certificate.revocation} and {@code certificate.qualified} — without a registration's
 * checks (payload, register, authority, freshness). Like {@link SignatureVerifier} it never throws
 * for bad input and passes nothing it could not check. Thread-safe; reuse one per trust material.
 */
public final class DocumentVerifier {
    /** The check codes this verifier reports, in order ({@code signature.timestamp} only for a CAdES-T). */
    public static final List<String> CODES = List.of("signature.cms", "signature.value", "signature.timestamp",
            "certificate.chain", "certificate.validity", "certificate.revocation", "certificate.qualified");

    private final SignerChecks signer;
    private final QualifiedJudge qualified;
    private final Clock clock;

    /**
     * A verifier trusting {@code trust}'s anchors (its intermediates complete chains), using its CRLs.
     *
     * @param trust  the trust anchors, CA certificates and offline CRLs
     * @param clock  the time against which revocation is judged
     * @param online what is fetched online (OCSP, CRLs, missing CA certificates), or null to stay offline
     */
    public DocumentVerifier(TrustMaterial trust, Clock clock, OnlineRevocation online) {
        this.signer = new SignerChecks(new CertificateChecks(trust, online));
        this.qualified = new QualifiedJudge(trust.trustList());
        this.clock = clock;
    }

    /**
     * Verifies a signature that carries its content (attached).
     *
     * @param signature the signature file's bytes
     * @return the report, the content and the signer's certificate
     */
    public DocumentVerification verifyAttached(byte[] signature) {
        return verify(null, signature);
    }

    /**
     * Verifies a signature over {@code content}; a signature that carries its content must carry this one.
     *
     * @param content   the signed file's bytes, or null for an attached signature
     * @param signature the signature file's bytes
     * @return the report, the content and the signer's certificate
     */
    public DocumentVerification verify(byte[] content, byte[] signature) {
        Map<String, Check> checks = new HashMap<>();
        CmsEvidence cms = CmsEvidence.read(signature, content, null, CmsEvidence.Rules.DOCUMENT);
        if (cms.problem != null) {
            checks.put("signature.cms", SignatureVerifier.fail("signature.cms", cms.problem));
            return new DocumentVerification(finish(checks), null, null);
        }
        checks.put("signature.cms", SignatureVerifier.pass("signature.cms", cms.description("CMS SignedData")));
        SignerChecks.Signed signed = signer.run(cms, checks, clock.instant());
        if (signed == null && checks.get("signature.value").result() == CheckResult.PASSED) {
            checks.put("certificate.validity", Check.of("certificate.validity", CheckResult.NOT_CHECKED,
                    T.text("verify.validity.noTime")));
        }
        // the time that counts: a verified timestamp's, else the claimed signing time (also when the value failed)
        checks.put("certificate.qualified", qualified.check(cms.certificate, signed != null ? signed.at() : cms.signingTime));
        return new DocumentVerification(finish(checks), cms.content(), cms.certificate);
    }

    private static VerificationReport finish(Map<String, Check> checks) {
        return CmsSignatureVerifier.finish(CODES.stream().filter(c -> !c.equals("signature.timestamp")
                || checks.containsKey(c)).toList(), checks);
    }
}
