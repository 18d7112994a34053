package dev.orgsign.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token buckets on a clock the test turns: bursts, refills, Retry-After, keys apart, forgetting. */
class TokenBucketsTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Test
    void aBurstThenOneEveryPeriodOverCountAndTheWaitInWholeSeconds() {
        TokenBuckets b = new TokenBuckets(new Rate(3, Duration.ofSeconds(30)), 100, nanos::get);
        assertEquals(0, b.take("a"));
        assertEquals(0, b.take("a"));
        assertEquals(0, b.take("a"));
        assertEquals(10, b.take("a"), "one token every 10 s");
        assertEquals(0, b.take("b"), "another key has its own bucket");
        nanos.addAndGet(Duration.ofMillis(9_500).toNanos());
        assertEquals(1, b.take("a"), "half a second left, said as a whole second");
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(0, b.take("a"));
        assertEquals(10, b.take("a"));
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.take("a"), "refilled to the burst, never beyond");
        }
        assertEquals(10, b.take("a"));
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenAndStartsFull() {
        TokenBuckets b = new TokenBuckets(new Rate(1, Duration.ofMinutes(1)), 2, nanos::get);
        assertEquals(0, b.take("a"));
        assertEquals(60, b.take("a"));
        assertEquals(0, b.take("b"));
        assertEquals(0, b.take("c")); // three keys, two remembered: "a" goes
        assertEquals(0, b.take("a"), "forgotten, so full again: errs towards letting a client through");
        assertEquals(60, b.take("c"));
    }
}
