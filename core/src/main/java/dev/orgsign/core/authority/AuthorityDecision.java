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
    public enum Outcome { ENTITLED, NOT_ENTITLED, UNKNOWN }

    public AuthorityDecision {
        reasons = List.copyOf(reasons);
    }

    /** Whether the signer may register the organization. */
    public boolean entitled() {
        return outcome == Outcome.ENTITLED;
    }

    /** Whether a reason with this code is among the reasons. */
    public boolean has(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
