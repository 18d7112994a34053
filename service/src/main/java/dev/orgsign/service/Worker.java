package dev.orgsign.service;

import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.core.verify.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One verification worker: claims pending submissions with a lease, verifies them and stores the
 * verdict with its notification. A crash leaves the lease to expire and another worker (of this
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
    private static final int BATCH = 4;

    private final SubmissionStore store;
    private final SignatureVerifier verifier;
    private final Clock clock;
    private final Duration lease;
    private final String instance;
    private final Semaphore wakeUp;
    private final AuditLog audit;
    private volatile boolean running = true;

    Worker(SubmissionStore store, SignatureVerifier verifier, Clock clock, Duration lease, String instance, Semaphore wakeUp,
           AuditLog audit) {
        this.store = store;
        this.verifier = verifier;
        this.clock = clock;
        this.lease = lease;
        this.instance = instance;
        this.wakeUp = wakeUp;
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
            int done = 0;
            try {
                String owner = instance + "/" + UUID.randomUUID();
                long now = clock.millis();
                StageEvent claiming = StageEvent.start("worker.claim");
                List<SubmissionStore.Claimed> claimed = store.claim(owner, BATCH, now, now + lease.toMillis());
                claiming.done(claimed.size());
                for (SubmissionStore.Claimed c : claimed) {
                    if (!running) {
                        break; // the lease runs out and the submission is taken up again
                    }
                    process(c, owner);
                    done++;
                }
            } catch (java.sql.SQLException e) {
                LOG.warn("Cannot claim submissions: {}", Database.rootMessage(e));
                pause(1000);
            } catch (RuntimeException e) {
                LOG.error("Worker failure", e);
                pause(1000);
            }
            if (done == 0 && running) {
                try {
                    StageEvent idle = StageEvent.start("worker.idle");
                    wakeUp.tryAcquire(250, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    idle.done(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void process(SubmissionStore.Claimed c, String owner) throws java.sql.SQLException {
        VerificationReport report;
        StageEvent verifying = StageEvent.start("worker.verify");
        try {
            report = verifier.verify(c.payload(), c.signature(), java.time.Instant.ofEpochMilli(c.receivedAt()));
        } catch (RuntimeException e) {
            // The verifier is built never to throw; should it, the submission is rejected (fail
            // closed) rather than retried at every lease for ever.
            LOG.error("The verifier failed on submission {}; it is rejected", c.id(), e);
            report = new VerificationReport(Verdict.REJECTED, Check.CODES.stream().map(code -> new Check(code,
                    dev.orgsign.core.verify.CheckResult.NOT_CHECKED,
                    "Not checked: the verifier met an internal error, so the submission is rejected.")).toList(), null);
        }
        verifying.done(1);
        StageEvent deciding = StageEvent.start("worker.decide");
        String reportJson = Json.checks(report.checks()).toString();
        SubmissionStore.MailState state = c.email() == null ? null
                : vouched(report) ? SubmissionStore.MailState.QUEUED : SubmissionStore.MailState.WITHHELD;
        Outbox.Mail mail = state == SubmissionStore.MailState.QUEUED ? Notifications.mail(c, report) : null;
        boolean stored = store.decide(c.id(), owner, report.verdict(), reportJson, instance, clock.millis(), mail, state);
        deciding.done(1);
        if (!stored) {
            LOG.info("Submission {} was decided elsewhere; this verdict is dropped", c.id());
            return;
        }
        audit.record("verdict", instance, c.id(), report.verdict().name()
                + (state == null ? "" : state == SubmissionStore.MailState.QUEUED ? " mail-queued" : " mail-withheld"));
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

        static Outbox.Mail mail(SubmissionStore.Claimed c, VerificationReport report) {
            boolean ok = report.verdict() == Verdict.VERIFIED;
            String org = c.organization() == null ? "the organization" : c.organization();
            StringBuilder b = new StringBuilder();
            b.append(ok ? "The registration of " + org + " has been verified.\n"
                    : "The registration of " + org + " has been rejected.\n");
            b.append("Submission: ").append(c.id()).append('\n');
            try {
                // the name only: the signer.identity check compares it with the certificate; free text
                // such as the position is not checked and stays out of the mail
                RegistrationPayload.Head h = dev.orgsign.core.payload.PayloadCodec.parse(c.payload()).head();
                b.append("Signer: ").append(h.surname()).append(' ').append(h.firstName())
                        .append(h.patronymic() == null ? "" : " " + h.patronymic()).append('\n');
            } catch (dev.orgsign.core.OrgsignException e) {
                b.append("Signer: unknown (the payload cannot be read)\n");
            }
            b.append("Received: ").append(java.time.Instant.ofEpochMilli(c.receivedAt())).append("\n\n");
            for (Check check : report.checks()) {
                b.append(check.result() == dev.orgsign.core.verify.CheckResult.PASSED ? "[passed] "
                        : check.result() == dev.orgsign.core.verify.CheckResult.FAILED ? "[FAILED] " : "[not checked] ")
                        .append(check.code()).append(": ").append(check.message()).append('\n');
            }
            if (ok) {
                b.append("\nThe signed receipt: GET /api/v1/submissions/").append(c.id())
                        .append("/receipt.pdf with the read token given at submission\n");
            }
            String subject = "orgsign: registration " + (ok ? "VERIFIED" : "REJECTED") + " — " + org;
            return new Outbox.Mail(c.id(), c.email(), subject.length() > 900 ? subject.substring(0, 900) : subject, b.toString());
        }

        static String organization(RegistrationPayload p) {
            return p.organization().fullName() + " (" + p.organization().type() + " " + p.organization().id() + ")";
        }
    }
}
