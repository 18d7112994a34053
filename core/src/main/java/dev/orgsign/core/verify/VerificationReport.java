package dev.orgsign.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * What {@link SignatureVerifier} found: every check of docs/design.md, and the verdict.
 *
 * @param verdict   VERIFIED only when every check passed
 * @param checks    the checks in their stable order
 * @param requestId the payload's request id, when the payload could be read
 */
public record VerificationReport(Verdict verdict, List<Check> checks, String requestId) {
    /**
     * Copies the list of checks.
     *
     * @param verdict   VERIFIED only when every check passed
     * @param checks    the checks in their stable order
     * @param requestId the payload's request id, or null
     */
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /**
     * The check with this code.
     *
     * @param code a stable check code such as {@code signature.value}
     * @return the check, or empty when the report has none with that code
     */
    public Optional<Check> check(String code) {
        return checks.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The codes of the checks that failed.
     *
     * @return the codes, in report order
     */
    public List<String> failed() {
        return checks.stream().filter(c -> c.result() == CheckResult.FAILED).map(Check::code).toList();
    }
}
