package dev.orgsign.service;

import java.time.Duration;

/**
 * A token-bucket rate: at most {@code count} at once, refilled evenly over {@code per} (so
 * {@code 30/10m} allows a burst of 30, then one every 20 seconds).
 *
 * @param count the bucket's size, at least 1
 * @param per   the time in which an empty bucket fills again, at least a millisecond
 */
public record Rate(int count, Duration per) {
    /** Checks the values; a wrong one is an {@link IllegalArgumentException} whose message is a sentence. */
    public Rate {
        if (count < 1 || per == null || per.toMillis() < 1) {
            throw new IllegalArgumentException("A rate needs a count of at least 1 and a period of at least a millisecond.");
        }
    }

    /** Tokens added per nanosecond. */
    double perNano() {
        return count / (double) per.toNanos();
    }

    /** The period in words: "10 minutes", "1 hour", "90 seconds". */
    String period() {
        long s = per.toSeconds();
        if (s >= 86_400 && s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s >= 3600 && s % 3600 == 0) {
            return plural(s / 3600, "hour");
        }
        if (s >= 60 && s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return s > 0 ? plural(s, "second") : per.toMillis() + " ms";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return count + "/" + per;
    }
}
