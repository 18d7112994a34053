package dev.orgsign.service;

import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.MoscowTime;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.RequestIdLedger;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.core.verify.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

/**
 * One verification worker: takes up to {@value #BATCH} submissions that this instance's intake has
 * just stored and handed over ({@link HandOver}), or else claims as many pending ones with a lease,
 * verifies them and stores their verdicts with their notifications in one transaction; when there is nothing
 * to claim it sleeps until the {@link Doorbell} rings (an intake on this instance, a NOTIFY from
 * another one on PostgreSQL) or a second has passed. A crash leaves the lease to expire and another worker (of this
 * instance after a restart, or of another instance) takes the submission over; the store keeps
 * only the first verdict.
 *
 * <p>The verdict is mailed only to an address a qualified signer vouches for ({@link #vouched}):
 * anyone can put a stranger's address into a payload and sign it with a self-made key, and the
 * service must not become a way to mail strangers. Otherwise the verdict is kept and served over
 * HTTP, and nothing is mailed.
 */
final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** Submissions claimed at once; their verdicts are stored in one transaction. */
    static final int BATCH = 16;
    /** The longest idle wait without a ring: leases that ran out (a crashed instance's) ring no bell. */
    private static final long IDLE_POLL_MS = 1000;

    private final SubmissionStore store;
    private final HandOver handOver;
    private final SignatureVerifier verifier;
    private final RequestIdLedger ledger;
    private final Clock clock;
    private final Duration lease;
    private final String instance;
    private final Doorbell bell;
    private final AuditLog audit;
    private volatile boolean running = true;

    /**
     * @param handOver submissions this instance's intake stored leased to its workers, taken before claiming
     * @param ledger   the request-id ledger for a submission whose stored row does not answer it
     * @param bell     rung when there may be new submissions
     */
    Worker(SubmissionStore store, HandOver handOver, SignatureVerifier verifier, RequestIdLedger ledger, Clock clock,
           Duration lease, String instance, Doorbell bell, AuditLog audit) {
        this.store = store;
        this.handOver = handOver;
        this.verifier = verifier;
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.instance = instance;
        this.bell = bell;
        this.audit = audit;
    }

    /**
     * Whether the report shows that a certificate chaining to the service's trust signed exactly
     * this payload (and is not known to be revoked): only then does the contact address in it come
     * from a qualified signer, and only then is it mailed.
     */
    static boolean vouched(VerificationReport report) {
        return passed(report, "signature.value") && passed(report, "certificate.chain")
                && report.check("certificate.revocation").map(c -> c.result() != CheckResult.FAILED).orElse(false);
    }

    private static boolean passed(VerificationReport report, String code) {
        return report.check(code).map(c -> c.result() == CheckResult.PASSED).orElse(false);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            long rung = bell.rings();
            int claimedCount = 0;
            try {
                List<ClaimedBatch.Claimed> handed = handOver.take(BATCH);
                long now = clock.millis();
                StageEvent claiming = StageEvent.start(handed.isEmpty() ? "worker.claim" : "worker.handed");
                try (ClaimedBatch batch = handed.isEmpty()
                        ? store.claim(instance + "/" + UUID.randomUUID(), BATCH, now, now + lease.toMillis())
                        : ClaimedBatch.handedOver(store.dataSource(), handOver.owner(), handed)) {
                    List<ClaimedBatch.Claimed> claimed = batch.submissions();
                    claiming.done(claimed.size());
                    claimedCount = claimed.size();
                    List<ClaimedBatch.Decision> decisions = new ArrayList<>(claimed.size());
                    for (ClaimedBatch.Claimed c : claimed) {
                        if (!running) {
                            break; // the lease runs out and the submission is taken up again
                        }
                        decisions.add(verify(c));
                    }
                    store(batch, decisions);
                }
            } catch (java.sql.SQLException e) {
                LOG.warn("Cannot claim submissions or store verdicts: {}", Database.rootMessage(e));
                pause(1000);
            } catch (RuntimeException e) {
                LOG.error("Worker failure", e);
                pause(1000);
            }
            if (claimedCount == 0 && running) {
                StageEvent idle = StageEvent.start("worker.idle");
                try {
                    bell.await(rung, IDLE_POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                idle.done(0);
            }
        }
    }

    private ClaimedBatch.Decision verify(ClaimedBatch.Claimed c) {
        VerificationReport report;
        StageEvent verifying = StageEvent.start("worker.verify");
        // the row was stored under the payload's request id with the payload's hash: the ledger's
        // question is answered by that row, unless the payload names another request id
        RequestIdLedger stored = (requestId, hash) -> requestId.equals(c.requestId())
                ? HexFormat.of().formatHex(hash).equals(c.payloadHash()) : ledger.record(requestId, hash);
        try {
            report = verifier.verify(c.payload(), c.signature(), java.time.Instant.ofEpochMilli(c.receivedAt()), stored);
        } catch (RuntimeException e) {
            // The verifier is built never to throw; should it, the submission is rejected (fail
            // closed) rather than retried at every lease for ever.
            LOG.error("The verifier failed on submission {}; it is rejected", c.id(), e);
            report = new VerificationReport(Verdict.REJECTED, Check.CODES.stream().map(code -> Check.of(code,
                    dev.orgsign.core.verify.CheckResult.NOT_CHECKED, ApiHandler.T.text("check.verifierFailed"))).toList(), null);
        }
        verifying.done(1);
        SubmissionStore.MailState state = c.email() == null ? null
                : vouched(report) ? SubmissionStore.MailState.QUEUED : SubmissionStore.MailState.WITHHELD;
        Outbox.Mail mail = state == SubmissionStore.MailState.QUEUED ? Notifications.mail(c, report) : null;
        return new ClaimedBatch.Decision(c.id(), report.verdict(), Json.checks(report.checks()).toString(), mail, state);
    }

    /** Stores the verdicts in one transaction, then writes the audit lines of those stored. */
    private void store(ClaimedBatch batch, List<ClaimedBatch.Decision> decisions) throws java.sql.SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        StageEvent deciding = StageEvent.start("worker.decide");
        boolean[] stored = batch.decide(decisions, instance, clock.millis());
        deciding.done(decisions.size());
        for (int i = 0; i < stored.length; i++) {
            ClaimedBatch.Decision d = decisions.get(i);
            if (!stored[i]) {
                LOG.info("Submission {} was decided elsewhere; this verdict is dropped", d.id());
                continue;
            }
            audit.record("verdict", instance, d.id(), d.verdict().name() + (d.mailState() == null ? ""
                    : d.mailState() == SubmissionStore.MailState.QUEUED ? " mail-queued" : " mail-withheld"));
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** What the notification says. */
    static final class Notifications {
        private Notifications() {
        }

        static Outbox.Mail mail(ClaimedBatch.Claimed c, VerificationReport report) {
            Locale l = c.language();
            dev.orgsign.core.Texts t = ApiHandler.T;
            boolean ok = report.verdict() == Verdict.VERIFIED;
            String org = c.organization() == null ? t.format(l, "mail.theOrganization") : c.organization();
            StringBuilder b = new StringBuilder();
            b.append(t.format(l, ok ? "mail.verified" : "mail.rejected", org)).append('\n');
            b.append(t.format(l, "mail.submission", c.id())).append('\n');
            try {
                // the name only: the signer.identity check compares it with the certificate; free text
                // such as the position is not checked and stays out of the mail
                RegistrationPayload.Head h = dev.orgsign.core.payload.PayloadCodec.parse(c.payload()).head();
                b.append(t.format(l, "mail.signer", h.surname() + " " + h.firstName()
                        + (h.patronymic() == null ? "" : " " + h.patronymic()))).append('\n');
            } catch (dev.orgsign.core.OrgsignException e) {
                b.append(t.format(l, "mail.signerUnknown")).append('\n');
            }
            b.append(t.format(l, "mail.received", MoscowTime.dateTime(java.time.Instant.ofEpochMilli(c.receivedAt()), l)))
                    .append("\n\n");
            for (Check check : report.checks()) {
                b.append(t.format(l, "mail.result." + check.result().name())).append(' ')
                        .append(check.code()).append(": ").append(check.message(l)).append('\n');
            }
            if (ok) {
                b.append('\n').append(t.format(l, "mail.receipt", c.id())).append('\n');
            }
            String subject = t.format(l, "mail.subject." + report.verdict().name(), org);
            return new Outbox.Mail(c.id(), c.email(), subject.length() > 900 ? subject.substring(0, 900) : subject, b.toString());
        }

        static String organization(RegistrationPayload p) {
            return p.organization().fullName() + " (" + p.organization().type() + " " + p.organization().id() + ")";
        }
    }
}
