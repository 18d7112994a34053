package dev.orgsign.core.trust;

import dev.orgsign.core.crypto.Streebog;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /** A digest whose update fails as the test says, after the first block. */
    private static MessageDigest failing(Throwable failure) {
        return new MessageDigest("failing") {
            private int blocks;

            @Override
            protected void engineUpdate(byte input) {
            }

            @Override
            protected void engineUpdate(byte[] input, int offset, int len) {
                if (++blocks > 1) {
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) failure;
                }
            }

            @Override
            protected byte[] engineDigest() {
                return new byte[0];
            }

            @Override
            protected void engineReset() {
            }
        };
    }

    @Test
    void aDigestThatFailsFailsTheWriterAndTheDigestInsteadOfLeavingThemWaiting() {
        for (Throwable failure : new Throwable[] {new IllegalStateException("update failed"), new AssertionError("an error")}) {
            DigestPipe pipe = new DigestPipe(failing(failure));
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> {
                for (int i = 0; i < 100; i++) { // more than the queue holds: the writer notices the thread ended
                    pipe.write(new byte[65536], 0, 65536);
                }
                pipe.digest();
            }, failure.toString());
            assertEquals(failure, rootCause(e), "the digest's own failure is the cause");
        }
    }

    @Test
    void anInterruptedReaderStopsWithAnInterruptionAndLeavesNoThread() throws Exception {
        dev.orgsign.testcerts.TrustListFixtures f = dev.orgsign.testcerts.TrustListFixtures.get();
        byte[] signed = f.list().signed(f.listSigner());
        Thread.currentThread().interrupt();
        try {
            dev.orgsign.core.OrgsignException e = assertThrows(dev.orgsign.core.OrgsignException.class,
                    () -> TrustList.read(signed, "tsl.xml", f.listSigner().certificate()));
            assertTrue(e.getMessage().contains("was interrupted"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        awaitNoDigestThread();
        assertEquals(4, TrustList.read(signed, "tsl.xml", f.listSigner().certificate()).centres().size(), "and the next read works");
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static void awaitNoDigestThread() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("orgsign-list-digest"))) {
            Thread.sleep(10);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("orgsign-list-digest")),
                "the digest's thread ended");
    }

    @Test
    void aPipeClosedWithoutItsDigestStopsItsThread() throws Exception {
        DigestPipe pipe = new DigestPipe(MessageDigest.getInstance("SHA-256"));
        pipe.write(new byte[10], 0, 10);
        pipe.close();
        pipe.close();
        awaitNoDigestThread();
    }
}
