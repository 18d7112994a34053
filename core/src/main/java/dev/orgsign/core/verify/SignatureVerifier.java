package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.IsoInstants;
import dev.orgsign.core.Text;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.authority.Reason;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.Registry;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a submission — the canonical payload and its detached CAdES signature — and reports
 * every check of docs/design.md. It never throws for bad input: garbage, truncated or oversized data
 * yields a REJECTED report naming the failing check. VERIFIED requires every check to pass;
 * anything unknown (no CRL, organization not in the register) is not a pass.
 *
 * <p>Thread-safe; build one per configuration and reuse it, since it caches what depends only
 * on certificates and registers.
 */
public final class SignatureVerifier {
    private final SignerChecks signer;
    private final Registry registry;
    private final AuthorityCheck authority;
    private final RequestIdLedger ledger;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final QualifiedJudge qualified;
    /** The JDK's SHA-256 (hardware-accelerated where the CPU has it), by its provider object. */
    private static final java.security.Provider SHA256_PROVIDER = sha256Provider();
    private static final Check[] NOT_CHECKED = notChecked();
    private static final int TIMESTAMP = Check.CODES.indexOf("signature.timestamp");
    private static final Check CMS_PASSED = pass("signature.cms", T.text("cms.detached", "CAdES-BES SignedData"));

    /**
     * A verifier with its own request-id ledger and clock.
     *
     * @param trust    the trust anchors and offline CRLs
     * @param registry the EGRUL / EGRIP register the authority and organization checks consult
     * @param ledger   remembers request ids (freshness)
     * @param clock    the time against which freshness and CRL currency are judged
     * @param maxAge how old a signature may be when it is verified (the signing-time window)
     */
    public SignatureVerifier(TrustMaterial trust, Registry registry, RequestIdLedger ledger, Clock clock, Duration maxAge) {
        this(trust, registry, ledger, clock, maxAge, (OnlineRevocation) null);
    }

    /**
     * A verifier that checks revocation online: when no current CRL of a signer's issuer was given,
     * it asks the OCSP responder the certificate names ({@link OcspClient#defaults()}), then fetches
     * a CRL from its HTTP distribution points with {@code fetcher} (null = offline).
     *
     * @param trust    the trust anchors and offline CRLs
     * @param registry the EGRUL / EGRIP register the authority and organization checks consult
     * @param ledger   remembers request ids (freshness)
     * @param clock    the time against which freshness and CRL currency are judged
     * @param maxAge   how old a signature may be when it is verified (the signing-time window)
     * @param fetcher  fetches CRLs online, or null to stay offline
     */
    public SignatureVerifier(TrustMaterial trust, Registry registry, RequestIdLedger ledger, Clock clock, Duration maxAge,
                             CrlFetcher fetcher) {
        this(trust, registry, ledger, clock, maxAge, fetcher == null ? null : new OnlineRevocation(fetcher, OcspClient.defaults()));
    }

    /**
     * A verifier that checks revocation online as {@code online} says when no current CRL of a
     * signer's issuer was given: OCSP first, then the CRL distribution point (null = offline).
     *
     * @param trust    the trust anchors and offline CRLs
     * @param registry the EGRUL / EGRIP register the authority and organization checks consult
     * @param ledger   remembers request ids (freshness)
     * @param clock    the time against which freshness, CRL currency and OCSP answers are judged
     * @param maxAge   how old a signature may be when it is verified (the signing-time window)
     * @param online   the OCSP client and CRL fetcher to use, or null to stay offline
     */
    public SignatureVerifier(TrustMaterial trust, Registry registry, RequestIdLedger ledger, Clock clock, Duration maxAge,
                             OnlineRevocation online) {
        this.signer = new SignerChecks(new CertificateChecks(trust, online));
        this.qualified = new QualifiedJudge(trust.trustList());
        this.registry = registry;
        this.authority = new AuthorityCheck(registry, clock);
        this.ledger = ledger;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxClockSkew = Duration.ofMinutes(5);
    }

    /**
     * A verifier with an in-memory request-id ledger, the system clock and a 7-day signing-time window.
     *
     * @param trust    the trust anchors and offline CRLs
     * @param registry the EGRUL / EGRIP register
     */
    public SignatureVerifier(TrustMaterial trust, Registry registry) {
        this(trust, registry, RequestIdLedger.inMemory(), Clock.systemUTC(), Duration.ofDays(7));
    }

    /**
     * Verifies a submission. Never throws for bad input: whatever is wrong becomes a failed check.
     *
     * @param payload   the canonical registration JSON that was signed
     * @param signature the CAdES-BES or -T signature: DER (the fast path), BER, base64 or PEM; content it
     *                  carries must be the payload
     * @return every check of docs/design.md and the verdict
     */
    public VerificationReport verify(byte[] payload, byte[] signature) {
        return verify(payload, signature, clock.instant());
    }

    /**
     * Verifies a submission whose freshness is judged at the moment it was received rather than
     * now: a service that accepted a registration within the signing-time window must not reject
     * it later only because its queue was long. Revocation is still judged now (fail closed).
     *
     * @param payload    the canonical registration JSON that was signed
     * @param signature  the CAdES-BES or -T signature: DER (the fast path), BER, base64 or PEM; content it
     *                   carries must be the payload
     * @param receivedAt when the submission was received; must not lie in the future
     * @return every check of docs/design.md and the verdict
     */
    public VerificationReport verify(byte[] payload, byte[] signature, Instant receivedAt) {
        return verify(payload, signature, receivedAt, ledger);
    }

    /**
     * {@link #verify(byte[], byte[], Instant)} with a request-id ledger for this one call: a service
     * that has stored the submission under its request id already knows the answer without asking
     * its database again.
     *
     * @param payload    the canonical registration JSON that was signed
     * @param signature  the detached CAdES-BES signature (DER CMS SignedData)
     * @param receivedAt when the submission was received; must not lie in the future
     * @param ledger     the ledger the freshness check records the request id in
     * @return every check of docs/design.md and the verdict
     */
    public VerificationReport verify(byte[] payload, byte[] signature, Instant receivedAt, RequestIdLedger ledger) {
        Instant now = clock.instant();
        Instant freshAt = receivedAt == null || receivedAt.isAfter(now) ? now : receivedAt;
        Map<String, Check> checks = new java.util.HashMap<>(32);
        RegistrationPayload p = null;
        try {
            PayloadCodec.Checked read = PayloadCodec.parseChecked(payload);
            p = read.payload();
            if (!read.canonical()) {
                checks.put("payload.schema", fail("payload.schema", T.text("verify.payload.notCanonical")));
                p = null;
            } else {
                checks.put("payload.schema", pass("payload.schema", T.text("verify.payload.passed", RegistrationPayload.SCHEMA)));
            }
        } catch (OrgsignException e) {
            checks.put("payload.schema", fail("payload.schema", e.text()));
        } catch (RuntimeException e) {
            checks.put("payload.schema", fail("payload.schema", T.text("verify.payload.unreadable")));
        }
        if (p == null) {
            return finish(checks, null);
        }
        String requestId = p.requestId().toString();
        CmsEvidence cms = CmsEvidence.read(signature, payload);
        if (cms.problem != null) {
            checks.put("signature.cms", fail("signature.cms", cms.problem));
            return finish(checks, requestId);
        }
        checks.put("signature.cms", cms.notes.isEmpty() ? CMS_PASSED : pass("signature.cms", cms.description("CAdES-BES SignedData")));
        SignerChecks.Signed signed = signer.run(cms, checks, clock.instant());
        if (signed == null) {
            return finish(checks, requestId);
        }
        X509Certificate cert = cms.certificate;
        QualifiedJudge.Profile profile;
        try {
            profile = qualified.profile(cert);
        } catch (OrgsignException e) {
            checks.put("certificate.qualified", fail("certificate.qualified", e.text()));
            return finish(checks, requestId);
        }
        QualifiedCertificate q = profile.certificate();
        checks.put("certificate.qualified", qualified.check(cert, profile, signed.at()));
        checks.put("signer.identity", PayloadMatch.identity(q, p));
        AuthorityDecision decision = decide(q, p, now);
        checks.put("authority", authority(decision));
        checks.put("organization.match", PayloadMatch.organization(registry, p, decision));
        checks.put("freshness", freshness(signed.at(), signed.stamped(), requestId, payload, cms.payloadSha256, freshAt, ledger));
        return finish(checks, requestId);
    }

    /** The authority decision as of the verification time; null when the payload's identifier is mistyped. */
    private AuthorityDecision decide(QualifiedCertificate q, RegistrationPayload p, Instant now) {
        try {
            return authority.decide(q, p.organization().type(), p.organization().id(), now);
        } catch (OrgsignException e) {
            return null;
        }
    }

    private static Check authority(AuthorityDecision d) {
        if (d == null) {
            return fail("authority", T.text("verify.authority.badIdentifier"));
        }
        List<Text> reasons = new ArrayList<>(d.reasons().size());
        for (Reason r : d.reasons()) {
            reasons.add(Text.of(r.english(), r.russian()));
        }
        Text why = Text.join(" ", reasons);
        if (d.entitled()) {
            return pass("authority", why);
        }
        StringBuilder codes = new StringBuilder();
        for (Reason r : d.reasons()) {
            codes.append(codes.length() > 0 ? ", " : "").append(r.code());
        }
        return fail("authority", T.text(d.outcome() == AuthorityDecision.Outcome.UNKNOWN
                ? "verify.authority.unknown" : "verify.authority.failed", why, codes.toString()));
    }

    /**
     * @param signingTime when the signature was made: its verified timestamp's time, else the signing-time attribute
     * @param stamped     whether {@code signingTime} is a verified timestamp's
     * @param sha256      the payload's SHA-256 if already computed in this call (the signature's digest), or null
     * @param ledger      the ledger the request id is recorded in
     */
    private Check freshness(Instant signingTime, boolean stamped, String requestId, byte[] payload, byte[] sha256, Instant now,
                            RequestIdLedger ledger) {
        if (signingTime.isAfter(now.plus(maxClockSkew))) {
            return fail("freshness", T.text("verify.freshness.future", signingTime));
        }
        if (signingTime.isBefore(now.minus(maxAge))) {
            return fail("freshness", T.text("verify.freshness.old", signingTime, maxAge.toDays()));
        }
        try {
            byte[] hash = sha256 != null ? sha256.clone() : MessageDigest.getInstance("SHA-256", SHA256_PROVIDER).digest(payload);
            if (!ledger.record(requestId, hash)) {
                return fail("freshness", T.text("verify.freshness.reused", requestId));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            return Check.of("freshness", CheckResult.NOT_CHECKED, T.text("verify.freshness.noSha256"));
        }
        Text when = locale -> iso(signingTime); // written when the sentence is read
        return pass("freshness", T.text(stamped ? "verify.freshness.stamped" : "verify.freshness.signed", when));
    }

    /** {@link Instant#toString}, faster for whole seconds (see {@link IsoInstants#format}). */
    static String iso(Instant t) {
        return IsoInstants.format(t);
    }

    private static VerificationReport finish(Map<String, Check> checks, String requestId) {
        List<Check> all = new ArrayList<>(NOT_CHECKED.length);
        boolean verified = true;
        for (int i = 0; i < NOT_CHECKED.length; i++) {
            Check c = checks.get(NOT_CHECKED[i].code());
            if (c == null) {
                if (i == TIMESTAMP) {
                    continue; // reported only for a signature that carries a timestamp
                }
                c = NOT_CHECKED[i];
            }
            verified &= c.result() == CheckResult.PASSED;
            all.add(c);
        }
        return new VerificationReport(verified ? Verdict.VERIFIED : Verdict.REJECTED, all, requestId);
    }

    private static Check[] notChecked() {
        Check[] checks = new Check[Check.CODES.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = notChecked(Check.CODES.get(i));
        }
        return checks;
    }

    private static java.security.Provider sha256Provider() {
        try {
            return MessageDigest.getInstance("SHA-256").getProvider();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static Check pass(String code, Text message) {
        return Check.of(code, CheckResult.PASSED, message);
    }

    static Check fail(String code, Text message) {
        return Check.of(code, CheckResult.FAILED, message);
    }

    /** The check that was not made because an earlier one failed. */
    static Check notChecked(String code) {
        return Check.of(code, CheckResult.NOT_CHECKED, T.text("check.notChecked"));
    }

}
