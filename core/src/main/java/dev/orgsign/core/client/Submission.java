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
 */
public record Submission(String id, Verdict verdict, List<Check> checks) {
    /**
     * Copies the checks.
     *
     * @param id      the service's id of the submission
     * @param verdict the status or verdict
     * @param checks  the checks, empty while pending
     */
    public Submission {
        checks = List.copyOf(checks);
    }

    /**
     * Whether the service has not decided yet.
     *
     * @return true while the verdict is {@link Verdict#PENDING}
     */
    public boolean pending() {
        return verdict == Verdict.PENDING;
    }
}
