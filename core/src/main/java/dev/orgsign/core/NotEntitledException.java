package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityDecision;

/**
 * The authority check did not find the signer entitled to register the organization: either
 * the register says no ({@link ErrorCode#NOT_ENTITLED}) or it does not know the organization
 * ({@link ErrorCode#AUTHORITY_UNKNOWN}). Nothing is signed after it.
 */
public final class NotEntitledException extends OrgsignException {
    private static final long serialVersionUID = 1L;

    private final transient AuthorityDecision decision;

    /**
     * @param decision the decision that was not ENTITLED
     * @param message  the sentence for the user, reasons included
     */
    public NotEntitledException(AuthorityDecision decision, String message) {
        super(codeOf(decision), message);
        this.decision = decision;
    }

    /**
     * @param decision the decision that was not ENTITLED
     * @param text     the sentence for the user, reasons included, in both languages
     */
    public NotEntitledException(AuthorityDecision decision, Text text) {
        super(codeOf(decision), text);
        this.decision = decision;
    }

    private static ErrorCode codeOf(AuthorityDecision decision) {
        return decision.outcome() == AuthorityDecision.Outcome.UNKNOWN ? ErrorCode.AUTHORITY_UNKNOWN : ErrorCode.NOT_ENTITLED;
    }

    /** {@return the decision with its reasons (stable codes and sentences)} */
    public AuthorityDecision decision() {
        return decision;
    }
}
