package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks every verifier makes of a readable CMS signer, in order: {@code signature.value},
 * {@code signature.timestamp} (when the signer carries one), {@code certificate.chain},
 * {@code certificate.validity} at the moment of signing (a verified timestamp's, else the claimed
 * signing time) and {@code certificate.revocation} now. Shared by the registration, document and
 * PDF verifiers. Thread-safe.
 */
final class SignerChecks {
    private static final Check TIMESTAMP_NOT_CHECKED = SignatureVerifier.notChecked("signature.timestamp");

    private final CertificateChecks certificates;
    private final SignatureTimestamp timestamps;

    /**
     * When the signature was made, as far as the checks established it.
     *
     * @param at      the verified timestamp's time, else the claimed signing time (may be null when none was claimed)
     * @param stamped whether {@code at} is a verified timestamp's
     */
    record Signed(Instant at, boolean stamped) {
    }

    SignerChecks(CertificateChecks certificates) {
        this.certificates = certificates;
        this.timestamps = new SignatureTimestamp(certificates);
    }

    /**
     * Runs the checks into {@code checks}.
     *
     * @param cms a signature read without a problem
     * @param now when revocation is judged
     * @return when the signature was made, or null when {@code signature.value} failed (nothing further was checked)
     *         or no moment of signing is known (then only the signature checks were made)
     */
    Signed run(CmsEvidence cms, Map<String, Check> checks, Instant now) {
        Check value = cms.verifyValue();
        checks.put("signature.value", value);
        List<byte[]> tokens = cms.timestampTokens();
        if (value.result() != CheckResult.PASSED) {
            if (!tokens.isEmpty()) {
                checks.put("signature.timestamp", TIMESTAMP_NOT_CHECKED);
            }
            return null;
        }
        Instant at = cms.signingTime;
        boolean stamped = false;
        if (!tokens.isEmpty()) {
            SignatureTimestamp.Outcome ts = timestamps.verify(tokens, cms.signatureValue(), cms.bundled, cms.signingTime);
            checks.put("signature.timestamp", ts.check());
            if (ts.time() != null) {
                at = ts.time();
                stamped = true;
            }
        }
        if (at == null) {
            return null;
        }
        X509Certificate cert = cms.certificate;
        List<X509Certificate> path = new ArrayList<>();
        checks.put("certificate.chain", certificates.chain(cert, cms.bundled, at, path));
        checks.put("certificate.validity", CertificateChecks.validity(cert, at));
        checks.put("certificate.revocation", certificates.revocation(cert, path.size() > 1 ? path.get(1) : null,
                cms.bundled, now));
        return new Signed(at, stamped);
    }
}
