package dev.orgsign.core.verify;

/** The outcome of one verification check. */
public enum CheckResult { PASSED, FAILED, NOT_CHECKED }
