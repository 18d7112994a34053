package dev.orgsign.core.authority;

import dev.orgsign.core.registry.AuthorizedPerson;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a signer may register an organization, and why.
 *
 * @param outcome     ENTITLED only when every rule was met; UNKNOWN when the register cannot tell
 *                    (organization missing, data marked unreliable, a state not decided automatically)
 * @param reasons     the reasons, each a stable code and a sentence; informational ones (the extract
 *                    date, statuses without effect) come last
 * @param extractDate the date of the register extract the decision rests on, or null when the
 *                    register holds no record
 * @param head        the register's entry of the signer among the persons entitled to act (directly
 *                    or through a managing organization), or null when the signer is not among them
 */
public record AuthorityDecision(Outcome outcome, List<Reason> reasons, LocalDate extractDate, AuthorizedPerson head) {
    /** The three outcomes. */
    public enum Outcome {
        /** The register lists the signer as entitled; every rule was met. */
        ENTITLED,
        /** A rule was not met; the reasons say which. */
        NOT_ENTITLED,
        /** The register at hand cannot tell (which is not the same as "not entitled", and never entitles). */
        UNKNOWN
    }

    /**
     * Copies the reasons.
     *
     * @param outcome     ENTITLED only when every rule was met
     * @param reasons     the reasons
     * @param extractDate the date of the extract the decision rests on, or null
     * @param head        the signer's entry among the persons entitled to act, or null
     */
    public AuthorityDecision {
        reasons = List.copyOf(reasons);
    }

    /**
     * A decision without a register record behind it.
     *
     * @param outcome the outcome
     * @param reasons the reasons
     */
    public AuthorityDecision(Outcome outcome, List<Reason> reasons) {
        this(outcome, reasons, null, null);
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
