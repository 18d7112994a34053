package dev.orgsign.service;

import java.time.Duration;

/**
 * What the service allows each client, each recipient and each request, and how long it keeps
 * submissions. Every value has an {@code orgsign serve} option; {@link #defaults()} are fit for a
 * service on an open network.
 *
 * @param perClient            submissions (POSTs) per client address or client key: a token bucket;
 *                             past it, 429 with {@code Retry-After}
 * @param perRecipient         new submissions naming one contact e-mail address: a token bucket; past it, 429
 * @param minBodyRate          the slowest a request body may arrive, in bytes per second (after a
 *                             {@value #GRACE_SECONDS}-second allowance); slower bodies get 408 and the
 *                             connection is closed
 * @param headerTimeout        how long a client may take to send a request's line and headers
 * @param connectionsPerClient open connections allowed from one network address; more are closed at once
 * @param maxCertificates      certificates (and CRLs) a signature may carry; more is 400
 * @param maxSignatureBytes    the largest signature (DER) accepted; larger is 413
 * @param retain               how long submissions, their receipts and their mail are kept after they arrive
 * @param bodyMemory           the bytes all request bodies being read at once may hold together; a
 *                             submission that would pass it gets 503 with {@code Retry-After} before its body is read
 */
public record ServiceLimits(Rate perClient, Rate perRecipient, int minBodyRate, Duration headerTimeout,
                            int connectionsPerClient, int maxCertificates, int maxSignatureBytes, Duration retain,
                            long bodyMemory) {
    /** The allowance before the minimum body rate applies, in seconds. */
    public static final int GRACE_SECONDS = 2;

    /** Checks the values; a wrong one is an {@link IllegalArgumentException} whose message is a sentence. */
    public ServiceLimits {
        if (perClient == null || perRecipient == null) {
            throw new IllegalArgumentException("The per-client and per-recipient rates are missing.");
        }
        if (minBodyRate < 0) {
            throw new IllegalArgumentException("The minimum body rate cannot be negative.");
        }
        if (headerTimeout == null || headerTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("The header time-out must be at least 100 ms.");
        }
        if (connectionsPerClient < 1) {
            throw new IllegalArgumentException("At least one connection per client must be allowed.");
        }
        if (maxCertificates < 1 || maxCertificates > 100) {
            throw new IllegalArgumentException("The certificates allowed in a signature must be between 1 and 100.");
        }
        if (maxSignatureBytes < 1024) {
            throw new IllegalArgumentException("The signature limit must be at least 1024 bytes.");
        }
        if (retain == null || retain.toMillis() < 1000) {
            throw new IllegalArgumentException("Submissions must be kept for at least a second (--retain).");
        }
        if (bodyMemory < 1024 * 1024) {
            throw new IllegalArgumentException("The memory for request bodies must be at least 1 MiB.");
        }
    }

    /**
     * 30 submissions per client per 10 minutes, 5 per recipient per hour, bodies at 1 KiB/s at
     * least, 10 s for a request's headers, 32 connections per address, 5 certificates and 64 KiB
     * per signature, 90 days of retention, 64 MiB for the bodies being read at once.
     *
     * @return the defaults
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(new Rate(30, Duration.ofMinutes(10)), new Rate(5, Duration.ofHours(1)), 1024,
                Duration.ofSeconds(10), 32, 5, 64 * 1024, Duration.ofDays(90), 64L << 20);
    }
}
