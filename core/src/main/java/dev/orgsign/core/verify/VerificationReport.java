package dev.orgsign.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * What {@link SignatureVerifier} found: every check of DESIGN.md, and the verdict.
 *
 * @param requestId the payload's request id, when the payload could be read
 */
public record VerificationReport(Verdict verdict, List<Check> checks, String requestId) {
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** The check with this code. */
    public Optional<Check> check(String code) {
        return checks.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The codes of the checks that failed. */
    public List<String> failed() {
        return checks.stream().filter(c -> c.result() == CheckResult.FAILED).map(Check::code).toList();
    }
}
