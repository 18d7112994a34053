package dev.orgsign.core.client;

import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.Verdict;

import java.util.List;

/**
 * A submission as the verification service reports it.
 *
 * @param id      the service's id of the submission
 * @param verdict {@link Verdict#PENDING} until a worker has verified it, then VERIFIED or REJECTED
 * @param checks  the checks of the verification (empty while pending)
 * @param token   the read token that opens this submission's status and receipt: given by the
 *                service once, in the answer that accepted the submission, and carried along by
 *                {@link VerificationClient#status(String, String)} and {@link VerificationClient#await};
 *                null when it is not known (an identical resubmission, an operator's read)
 */
public record Submission(String id, Verdict verdict, List<Check> checks, String token) {
    /**
     * Copies the checks.
     *
     * @param id      the service's id of the submission
     * @param verdict the status or verdict
     * @param checks  the checks, empty while pending
     * @param token   the read token, or null
     */
    public Submission {
        checks = List.copyOf(checks);
    }

    /**
     * A submission without a read token.
     *
     * @param id      the service's id of the submission
     * @param verdict the status or verdict
     * @param checks  the checks, empty while pending
     */
    public Submission(String id, Verdict verdict, List<Check> checks) {
        this(id, verdict, checks, null);
    }

    /**
     * Whether the service has not decided yet.
     *
     * @return true while the verdict is {@link Verdict#PENDING}
     */
    public boolean pending() {
        return verdict == Verdict.PENDING;
    }

    /** The submission without its read token, which is a secret and is never printed. */
    @Override
    public String toString() {
        return "Submission[id=" + id + ", verdict=" + verdict + ", checks=" + checks + (token == null ? "" : ", token=***") + "]";
    }
}
