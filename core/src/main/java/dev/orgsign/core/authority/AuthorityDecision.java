package dev.orgsign.core.authority;

import java.util.List;

/**
 * Whether a signer may register an organization, and why.
 *
 * @param outcome ENTITLED only when every rule was met; UNKNOWN when the register does not know
 *                the organization (which is not the same as "not entitled")
 */
public record AuthorityDecision(Outcome outcome, List<Reason> reasons) {
    /** The three outcomes of DESIGN.md. */
    public enum Outcome {
        /** The register lists the signer as entitled; every rule was met. */
        ENTITLED,
        /** A rule was not met; the reasons say which. */
        NOT_ENTITLED,
        /** The register extracts at hand do not contain the organization. */
        UNKNOWN
    }

    /**
     * Copies the reasons.
     *
     * @param outcome ENTITLED only when every rule was met; UNKNOWN when the register does not know the organization (which is not the same as "not entitled")
     * @param reasons the reasons
     */
    public AuthorityDecision {
        reasons = List.copyOf(reasons);
    }

    /** {@return whether the signer may register the organization} */
    public boolean entitled() {
        return outcome == Outcome.ENTITLED;
    }

    /**
     * @param code a stable reason code such as {@code signer.not-listed}
     * @return whether a reason with this code is among the reasons
     */
    public boolean has(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
