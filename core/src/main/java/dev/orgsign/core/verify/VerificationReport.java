package dev.orgsign.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * What {@link SignatureVerifier} found: every check of DESIGN.md, and the verdict.
 *
 * @param requestId the payload's request id, when the payload could be read
 */
public record VerificationReport(Verdict verdict, List<Check> checks, String requestId) {
    /**
     * Copies the checks.
     *
     * @param verdict the verdict
     * @param checks the checks
     * @param requestId the payload's request id, when the payload could be read
     */
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /**
     * @param code a check code of DESIGN.md
     * @return the check with this code
     */
    public Optional<Check> check(String code) {
        return checks.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** {@return the codes of the checks that failed} */
    public List<String> failed() {
        return checks.stream().filter(c -> c.result() == CheckResult.FAILED).map(Check::code).toList();
    }
}
