package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a detached CMS signature over arbitrary content — a signed PDF's byte range, a
 * receipt — without the registration-specific checks: {@code signature.cms},
 * {@code signature.value}, {@code certificate.chain}, {@code certificate.validity} and
 * {@code certificate.revocation} ({@link SignerChecks}; and {@code signature.timestamp} after
 * {@code signature.value} when the signature carries one). Like {@link SignatureVerifier} it never throws for bad input
 * and passes nothing it could not check. Thread-safe; reuse one instance per trust material.
 */
public final class CmsSignatureVerifier {
    /** The check codes this verifier reports, in order. */
    public static final List<String> CODES = List.of("signature.cms", "signature.value", "certificate.chain",
            "certificate.validity", "certificate.revocation");

    private final SignerChecks signer;
    private final Clock clock;

    /**
     * A verifier trusting {@code trust}'s anchors and using its CRLs, judging CRL freshness by {@code clock}.
     *
     * @param trust the trust anchors and offline CRLs
     * @param clock the time against which CRL currency is judged
     */
    public CmsSignatureVerifier(TrustMaterial trust, Clock clock) {
        this(new CertificateChecks(trust), clock);
    }

    /**
     * A verifier that, when no current CRL was given for a signer's issuer, asks the OCSP responder
     * the certificate names ({@link OcspClient#defaults()}), then fetches a CRL from the certificate's
     * distribution points with {@code fetcher}.
     *
     * @param trust   the trust anchors and offline CRLs
     * @param clock   the time against which CRL currency is judged
     * @param fetcher fetches CRLs online, or null to stay offline
     */
    public CmsSignatureVerifier(TrustMaterial trust, Clock clock, CrlFetcher fetcher) {
        this(new CertificateChecks(trust, fetcher), clock);
    }

    /**
     * A verifier that, when no current CRL was given for a signer's issuer, checks revocation
     * online as {@code online} says: OCSP first, then the CRL distribution point.
     *
     * @param trust  the trust anchors and offline CRLs
     * @param clock  the time against which CRL currency and OCSP answers are judged
     * @param online the OCSP client and CRL fetcher to use, or null to stay offline
     */
    public CmsSignatureVerifier(TrustMaterial trust, Clock clock, OnlineRevocation online) {
        this(new CertificateChecks(trust, online), clock);
    }

    CmsSignatureVerifier(CertificateChecks certificates, Clock clock) {
        this.signer = new SignerChecks(certificates);
        this.clock = clock;
    }

    /**
     * Verifies {@code cms} over {@code content}.
     *
     * @param content            the signed bytes (a detached signature does not carry them)
     * @param cms                the DER CMS SignedData
     * @param claimedSigningTime the time claimed outside the CMS (a PDF signature's M entry), used when the
     *                           CMS has no signing-time attribute; null to require the attribute (CAdES-BES)
     * @return the checks of {@link #CODES}; the verdict is VERIFIED only when all passed
     */
    public VerificationReport verify(byte[] content, byte[] cms, Instant claimedSigningTime) {
        Map<String, Check> checks = new HashMap<>();
        CmsEvidence evidence = CmsEvidence.read(cms, content == null ? new byte[0] : content, claimedSigningTime);
        if (evidence.problem != null) {
            checks.put("signature.cms", SignatureVerifier.fail("signature.cms", evidence.problem));
        } else if (evidence.signingTime == null) {
            checks.put("signature.cms", SignatureVerifier.fail("signature.cms", T.text("cms.noSigningTime")));
        } else {
            checks.put("signature.cms", SignatureVerifier.pass("signature.cms", evidence.description("CMS SignedData")));
            signer.run(evidence, checks, clock.instant());
        }
        return finish(CODES, checks);
    }

    /**
     * The signer's certificate of a CMS signature.
     *
     * @param cms                the DER CMS SignedData
     * @param content            the signed bytes
     * @param claimedSigningTime the time claimed outside the CMS, or null
     * @return the certificate, or null when the CMS cannot be read
     */
    public static X509Certificate signerCertificate(byte[] cms, byte[] content, Instant claimedSigningTime) {
        CmsEvidence evidence = CmsEvidence.read(cms, content == null ? new byte[0] : content, claimedSigningTime);
        return evidence.problem == null ? evidence.certificate : null;
    }

    /**
     * The report of {@code codes} in order, NOT_CHECKED for those not made, with {@code signature.timestamp}
     * after {@code signature.value} when it was made; VERIFIED only when every check passed.
     */
    static VerificationReport finish(List<String> codes, Map<String, Check> checks) {
        List<Check> all = new ArrayList<>();
        boolean ok = true;
        for (String code : codes) {
            Check c = checks.get(code);
            if (c == null) {
                c = SignatureVerifier.notChecked(code);
            }
            all.add(c);
            ok &= c.result() == CheckResult.PASSED;
            Check ts = code.equals("signature.value") ? checks.get("signature.timestamp") : null;
            if (ts != null && !codes.contains("signature.timestamp")) {
                all.add(ts);
                ok &= ts.result() == CheckResult.PASSED;
            }
        }
        return new VerificationReport(ok ? Verdict.VERIFIED : Verdict.REJECTED, all, null);
    }
}
