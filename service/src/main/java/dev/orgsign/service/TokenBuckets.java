package dev.orgsign.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address, a client key, a recipient address): a key may take
 * {@link Rate#count()} at once, and the bucket refills evenly over {@link Rate#per()}. At most
 * {@code maxKeys} keys are remembered, the least recently used forgotten first (a forgotten key
 * starts full again, which only ever errs towards letting a client through).
 *
 * <p>In memory, per instance: with several instances behind a load balancer each enforces its own
 * buckets. Jetty 12.0 has no keyed limiter, and the bucket arithmetic is a few lines, so no library
 * is brought in for it.
 */
final class TokenBuckets {
    private final Rate rate;
    private final int maxKeys;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    TokenBuckets(Rate rate, int maxKeys, LongSupplier nanos) {
        this.rate = rate;
        this.maxKeys = maxKeys;
        this.nanos = nanos;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > TokenBuckets.this.maxKeys;
            }
        };
    }

    /**
     * Takes one token from {@code key}'s bucket.
     *
     * @return 0 when a token was taken, else the whole seconds (at least 1) until one will be there
     */
    synchronized long take(String key) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(rate.count(), now);
            buckets.put(key, b);
        } else {
            b.tokens = Math.min(rate.count(), b.tokens + (now - b.refilledAt) * rate.perNano());
            b.refilledAt = now;
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        double waitNanos = (1 - b.tokens) / rate.perNano();
        return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }

    /** Gives a token back (a request that was counted but turned out not to be a new submission). */
    synchronized void giveBack(String key) {
        Bucket b = buckets.get(key);
        if (b != null) {
            b.tokens = Math.min(rate.count(), b.tokens + 1);
        }
    }
}
