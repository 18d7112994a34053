package dev.orgsign.core.crypto;

import dev.orgsign.testcerts.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** orgsign's GOST R 34.11-2012 against BouncyCastle's and the openssl GOST engine's. */
class StreebogTest {
    private static final int[] SIZES = {256, 512};

    private static byte[] bouncyCastle(int bits, byte[] data) throws Exception {
        return MessageDigest.getInstance("GOST3411-2012-" + bits, Providers.bouncyCastle()).digest(data);
    }

    private static MessageDigest ours(int bits) {
        return Streebog.forName("GOST3411-2012-" + bits);
    }

    @Test
    void everyLengthAroundTheBlockGivesBouncyCastlesDigest() throws Exception {
        Random random = new Random(6986);
        for (int bits : SIZES) {
            for (int length = 0; length <= 200; length++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                assertArrayEquals(bouncyCastle(bits, data), ours(bits).digest(data), bits + " bits, " + length + " bytes");
            }
        }
    }

    @Test
    void piecesOfAnySizeGiveTheSameDigestAsTheWhole() throws Exception {
        Random random = new Random(34112012);
        byte[] data = new byte[70_000];
        random.nextBytes(data);
        for (int bits : SIZES) {
            byte[] whole = bouncyCastle(bits, data);
            MessageDigest md = ours(bits);
            for (int round = 0; round < 3; round++) { // digest() resets: the same digest again
                for (int at = 0; at < data.length; ) {
                    int n = Math.min(data.length - at, random.nextInt(200));
                    if (n == 1) {
                        md.update(data[at]);
                    } else {
                        md.update(data, at, n);
                    }
                    at += n;
                }
                assertArrayEquals(whole, md.digest(), bits + " bits, round " + round);
            }
        }
    }

    @Test
    void theCountersCarryAcrossWords() throws Exception {
        byte[] ones = new byte[64 * 40 + 17]; // the sum of many all-ones blocks carries through every word
        Arrays.fill(ones, (byte) 0xFF);
        for (int bits : SIZES) {
            assertArrayEquals(bouncyCastle(bits, ones), ours(bits).digest(ones), bits + " bits");
        }
    }

    @Test
    void otherNamesAreNotStreebog() {
        assertNull(Streebog.forName("SHA-256"));
        assertEquals(32, Streebog.of256().getDigestLength());
        assertEquals(64, Streebog.of512().getDigestLength());
        assertEquals("GOST3411-2012-512", Streebog.of512().getAlgorithm());
    }

    @Test
    void opensslsGostEngineComputesTheSameDigests(@TempDir Path dir) throws Exception {
        OpenSsl openssl = OpenSsl.requireGost();
        Random random = new Random(2012);
        for (int length : new int[] {0, 1, 63, 64, 65, 1000, 100_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Path file = Files.write(dir.resolve("data-" + length), data);
            for (int bits : SIZES) {
                OpenSsl.Run run = openssl.run(dir, "dgst", "-engine", "gost", "-md_gost12_" + bits, "-r", file.getFileName().toString());
                assertTrue(run.ok(), run.output());
                String line = run.output().lines().filter(l -> l.endsWith(file.getFileName().toString())).findFirst().orElseThrow();
                assertEquals(line.substring(0, line.indexOf(' ')), HexFormat.of().formatHex(ours(bits).digest(data)),
                        bits + " bits, " + length + " bytes");
            }
        }
    }
}
