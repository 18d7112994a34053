package dev.orgsign.service;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Row ids that sort by creation time: UUIDs in the version 7 layout of RFC 9562 (48 bits of Unix
 * milliseconds, then 74 random bits from {@link SecureRandom}). New submissions and notifications
 * then land at the right-hand end of their primary-key and foreign-key indexes instead of on a random
 * page, so a commit rewrites one index page rather than one per row (H2 writes every changed page
 * at every commit; PostgreSQL's B-tree and cache benefit likewise). The random part keeps an id
 * unguessable; what it tells is the millisecond it was made, which the status shows anyway.
 */
final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** @return a new id, e.g. {@code 0192f3a4-5b6c-7d8e-9f01-23456789abcd} */
    static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
