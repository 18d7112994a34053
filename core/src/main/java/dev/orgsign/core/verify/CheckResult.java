package dev.orgsign.core.verify;

/** The outcome of one verification check. */
public enum CheckResult {
    /** The check was made and passed. */
    PASSED,
    /** The check was made and failed; the message says why. */
    FAILED,
    /** The check could not be made (an earlier check failed, or what it needs is missing); never a pass. */
    NOT_CHECKED
}
