package dev.orgsign.core.authority;

import dev.orgsign.core.registry.AuthorizedPerson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons gathered while deciding, by their weight: any reason against makes the decision
 * NOT_ENTITLED, else any doubt makes it UNKNOWN; notes never change the outcome.
 */
final class Findings {
    final List<Reason> against = new ArrayList<>(2);
    final List<Reason> doubts = new ArrayList<>(1);
    final List<Reason> notes = new ArrayList<>(2);

    Findings against(Reason r) {
        against.add(r);
        return this;
    }

    Findings doubt(Reason r) {
        doubts.add(r);
        return this;
    }

    Findings note(Reason r) {
        notes.add(r);
        return this;
    }

    void addAll(Findings other) {
        against.addAll(other.against);
        doubts.addAll(other.doubts);
        notes.addAll(other.notes);
    }

    AuthorityDecision.Outcome outcome() {
        return !against.isEmpty() ? AuthorityDecision.Outcome.NOT_ENTITLED
                : !doubts.isEmpty() ? AuthorityDecision.Outcome.UNKNOWN : AuthorityDecision.Outcome.ENTITLED;
    }

    /**
     * @param positive    the reason of an ENTITLED decision
     * @param extractDate the extract the decision rests on, or null
     * @param head        the signer's register entry, or null
     */
    AuthorityDecision decision(Reason positive, LocalDate extractDate, AuthorizedPerson head) {
        AuthorityDecision.Outcome outcome = outcome();
        List<Reason> reasons = new ArrayList<>(against.size() + doubts.size() + notes.size() + 2);
        reasons.addAll(against);
        reasons.addAll(doubts);
        if (outcome == AuthorityDecision.Outcome.ENTITLED && positive != null) {
            reasons.add(positive);
        }
        reasons.addAll(notes);
        if (extractDate != null) {
            reasons.add(Reasons.extract(extractDate));
        }
        return new AuthorityDecision(outcome, reasons, extractDate, head);
    }
}
