package dev.orgsign.core.trust;

import dev.orgsign.core.crypto.Streebog;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestPipeTest {
    @Test
    void theDigestOnItsThreadIsTheDigestOfEveryOctetInOrder() throws Exception {
        Random random = new Random(5);
        byte[] data = new byte[300_000];
        random.nextBytes(data);
        DigestPipe pipe = new DigestPipe(Streebog.of256());
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, random.nextInt(70_000));
            if (n == 1) {
                pipe.write(data[at]);
            } else {
                pipe.write(data, at, n);
            }
            at += n;
        }
        assertArrayEquals(Streebog.of256().digest(data), pipe.digest());
        assertThrows(IllegalStateException.class, () -> pipe.write(1), "nothing is taken after the end");
    }

    @Test
    void aPipeClosedWithoutItsDigestStopsItsThread() throws Exception {
        DigestPipe pipe = new DigestPipe(MessageDigest.getInstance("SHA-256"));
        pipe.write(new byte[10], 0, 10);
        pipe.close();
        pipe.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("orgsign-list-digest"))) {
            Thread.sleep(10);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("orgsign-list-digest")),
                "the digest's thread ended");
    }
}
