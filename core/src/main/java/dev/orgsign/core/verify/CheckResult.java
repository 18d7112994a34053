package dev.orgsign.core.verify;

/** The outcome of one verification check. */
public enum CheckResult {
    /** The check was made and found nothing wrong. */
    PASSED,
    /** The check was made and found something wrong. */
    FAILED,
    /** The check could not be made (missing data, an earlier failure); never counts as a pass. */
    NOT_CHECKED
}
