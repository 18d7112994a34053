package dev.orgsign.core.verify;

/** The verdict on a submission: VERIFIED only when every check passed. PENDING is the service's. */
public enum Verdict { VERIFIED, REJECTED, PENDING }
