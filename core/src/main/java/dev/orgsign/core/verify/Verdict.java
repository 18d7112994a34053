package dev.orgsign.core.verify;

/** The verdict on a submission: VERIFIED only when every check passed. PENDING is the service's. */
public enum Verdict {
    /** Every check passed. */
    VERIFIED,
    /** At least one check failed or could not be made. */
    REJECTED,
    /** Not yet verified (the service's state between acceptance and verdict). */
    PENDING
}
