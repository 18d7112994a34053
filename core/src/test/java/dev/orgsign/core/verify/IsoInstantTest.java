package dev.orgsign.core.verify;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's hand-made ISO time is what {@link Instant#toString} gives. */
class IsoInstantTest {
    @Test
    void formatsAsInstantToString() {
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 300_000_000_000L);
            Instant t = Instant.ofEpochSecond(seconds, i % 5 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertEquals(t.toString(), SignatureVerifier.iso(t));
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
            Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"), Instant.MAX, Instant.MIN}) {
            assertEquals(t.toString(), SignatureVerifier.iso(t));
        }
    }
}
