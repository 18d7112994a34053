package dev.orgsign.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * GOST R 34.11-2012 "Streebog" (RFC 6986), 256 and 512 bits, as a {@link MessageDigest} whose
 * output is byte for byte BouncyCastle's {@code GOST3411-2012-256/512}.
 *
 * <p>Why orgsign has its own: the list of accredited certification centres is about 12 MB and its
 * XML signature digests the whole canonical document with Streebog. BouncyCastle's implementation
 * keeps its state in byte arrays and converts every block to words and back (20–35 MB/s here),
 * which made the digest the largest part of loading the list; no other maintained Java
 * implementation exists. This one keeps the state in 64-bit words and applies the S, P and L
 * transformations as eight table lookups per word (the tables built at class load from the
 * standard's π' and A), about twice BouncyCastle's speed here. Tests compare it with BouncyCastle and
 * with the {@code openssl} GOST engine on inputs of every length around the block size.
 *
 * <p>Not thread-safe, as no {@code MessageDigest} is.
 */
public final class Streebog extends MessageDigest {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK = 64;
    /** The substitution π' (RFC 6986, 5.2). */
    private static final String PI_HEX = """
            fceedd11cf6e3116fbc4fada23c5044de977f0db932e99ba1736f1bb14cd5fc1
            f918655ae25cef21811c3c428b018e4f058402aee36a8fa0060bed987fd4d31f
            eb342c51eac848abf22a68a2fd3aceccb5700e56080c7612bf7213479cb75d87
            15a19629107b9ac7f391786f9d9eb2b13275193dff358a7e6d54c680c3bd0d57
            dff524a93ea843c9d779d6f67c22b903e00fecde7a94b0bcdce828504e330a4a
            a79760731e0062441ab83882649f2641ad454692275e552f8ca3a57d69d5953b
            0758b34086ac1df730376be488d9e789e11b83494c3ff8fe8d53aa90cad88561
            207167a42d2b095bcb9b25d0bee56c5259a674d2e6f4b4c0d166afc2394b63b6
            """;
    /** The rows of the linear transformation l (RFC 6986, 5.4); A[0] goes with the most significant bit. */
    private static final long[] A = {
            0x8e20faa72ba0b470L, 0x47107ddd9b505a38L, 0xad08b0e0c3282d1cL, 0xd8045870ef14980eL,
            0x6c022c38f90a4c07L, 0x3601161cf205268dL, 0x1b8e0b0e798c13c8L, 0x83478b07b2468764L,
            0xa011d380818e8f40L, 0x5086e740ce47c920L, 0x2843fd2067adea10L, 0x14aff010bdd87508L,
            0x0ad97808d06cb404L, 0x05e23c0468365a02L, 0x8c711e02341b2d01L, 0x46b60f011a83988eL,
            0x90dab52a387ae76fL, 0x486dd4151c3dfdb9L, 0x24b86a840e90f0d2L, 0x125c354207487869L,
            0x092e94218d243cbaL, 0x8a174a9ec8121e5dL, 0x4585254f64090fa0L, 0xaccc9ca9328a8950L,
            0x9d4df05d5f661451L, 0xc0a878a0a1330aa6L, 0x60543c50de970553L, 0x302a1e286fc58ca7L,
            0x18150f14b9ec46ddL, 0x0c84890ad27623e0L, 0x0642ca05693b9f70L, 0x0321658cba93c138L,
            0x86275df09ce8aaa8L, 0x439da0784e745554L, 0xafc0503c273aa42aL, 0xd960281e9d1d5215L,
            0xe230140fc0802984L, 0x71180a8960409a42L, 0xb60c05ca30204d21L, 0x5b068c651810a89eL,
            0x456c34887a3805b9L, 0xac361a443d1c8cd2L, 0x561b0d22900e4669L, 0x2b838811480723baL,
            0x9bcf4486248d9f5dL, 0xc3e9224312c8c1a0L, 0xeffa11af0964ee50L, 0xf97d86d98a327728L,
            0xe4fa2054a80b329cL, 0x727d102a548b194eL, 0x39b008152acb8227L, 0x9258048415eb419dL,
            0x492c024284fbaec0L, 0xaa16012142f35760L, 0x550b8e9e21f7a530L, 0xa48b474f9ef5dc18L,
            0x70a6a56e2440598eL, 0x3853dc371220a247L, 0x1ca76e95091051adL, 0x0edd37c48a08a6d8L,
            0x07e095624504536cL, 0x8d70c431ac02a736L, 0xc83862965601dd1bL, 0x641c314b2b8ee083L,
    };
    /** The iteration constants C1..C12 (RFC 6986, 5.5), each as eight little-endian words. */
    private static final long[][] C = {
            {0xdd806559f2a64507L, 0x05767436cc744d23L, 0xa2422a08a460d315L, 0x4b7ce09192676901L,
             0x714eb88d7585c4fcL, 0x2f6a76432e45d016L, 0xebcb2f81c0657c1fL, 0xb1085bda1ecadae9L},
            {0xe679047021b19bb7L, 0x55dda21bd7cbcd56L, 0x5cb561c2db0aa7caL, 0x9ab5176b12d69958L,
             0x61d55e0f16b50131L, 0xf3feea720a232b98L, 0x4fe39d460f70b5d7L, 0x6fa3b58aa99d2f1aL},
            {0x991e96f50aba0ab2L, 0xc2b6f443867adb31L, 0xc1c93a376062db09L, 0xd3e20fe490359eb1L,
             0xf2ea7514b1297b7bL, 0x06f15e5f529c1f8bL, 0x0a39fc286a3d8435L, 0xf574dcac2bce2fc7L},
            {0x220cbebc84e3d12eL, 0x3453eaa193e837f1L, 0xd8b71333935203beL, 0xa9d72c82ed03d675L,
             0x9d721cad685e353fL, 0x488e857e335c3c7dL, 0xf948e1a05d71e4ddL, 0xef1fdfb3e81566d2L},
            {0x601758fd7c6cfe57L, 0x7a56a27ea9ea63f5L, 0xdfff00b723271a16L, 0xbfcd1747253af5a3L,
             0x359e35d7800fffbdL, 0x7f151c1f1686104aL, 0x9a3f410c6ca92363L, 0x4bea6bacad474799L},
            {0xfa68407a46647d6eL, 0xbf71c57236904f35L, 0x0af21f66c2bec6b6L, 0xcffaa6b71c9ab7b4L,
             0x187f9ab49af08ec6L, 0x2d66c4f95142a46cL, 0x6fa4c33b7a3039c0L, 0xae4faeae1d3ad3d9L},
            {0x8886564d3a14d493L, 0x3517454ca23c4af3L, 0x06476983284a0504L, 0x0992abc52d822c37L,
             0xd3473e33197a93c9L, 0x399ec6c7e6bf87c9L, 0x51ac86febf240954L, 0xf4c70e16eeaac5ecL},
            {0xa47f0dd4bf02e71eL, 0x36acc2355951a8d9L, 0x69d18d2bd1a5c42fL, 0xf4892bcb929b0690L,
             0x89b4443b4ddbc49aL, 0x4eb7f8719c36de1eL, 0x03e7aa020c6e4141L, 0x9b1f5b424d93c9a7L},
            {0x7261445183235adbL, 0x0e38dc92cb1f2a60L, 0x7b2b8a9aa6079c54L, 0x800a440bdbb2ceb1L,
             0x3cd955b7e00d0984L, 0x3a7d3a1b25894224L, 0x944c9ad8ec165fdeL, 0x378f5a541631229bL},
            {0x74b4c7fb98459cedL, 0x3698fad1153bb6c3L, 0x7a1e6c303b7652f4L, 0x9fe76702af69334bL,
             0x1fffe18a1b336103L, 0x8941e71cff8a78dbL, 0x382ae548b2e4f3f3L, 0xabbedea680056f52L},
            {0x6bcaa4cd81f32d1bL, 0xdea2594ac06fd85dL, 0xefbacd1d7d476e98L, 0x8a1d71efea48b9caL,
             0x2001802114846679L, 0xd8fa6bbbebab0761L, 0x3002c6cd635afe94L, 0x7bcd9ed0efc889fbL},
            {0x48bc924af11bd720L, 0xfaf417d5d9b21b99L, 0xe71da4aa88e12852L, 0x5d80ef9d1891cc86L,
             0xf82012d430219f9bL, 0xcda43c32bcdf1d77L, 0xd21380b00449b17aL, 0x378ee767f11631baL},
    };
    private static final long[] T0 = table(0), T1 = table(1), T2 = table(2), T3 = table(3),
            T4 = table(4), T5 = table(5), T6 = table(6), T7 = table(7);

    private final int size;
    private final long[] h = new long[8];
    private final long[] n = new long[8];
    private final long[] sigma = new long[8];
    private final long[] m = new long[8];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;

    private Streebog(int bits) {
        super("GOST3411-2012-" + bits);
        this.size = bits / 8;
        engineReset();
    }

    /** {@return a new GOST R 34.11-2012 digest of 256 bits} */
    public static Streebog of256() {
        return new Streebog(256);
    }

    /** {@return a new GOST R 34.11-2012 digest of 512 bits} */
    public static Streebog of512() {
        return new Streebog(512);
    }

    /**
     * A Streebog digest for BouncyCastle's algorithm name.
     *
     * @param algorithm a JCA digest name
     * @return the digest for {@code GOST3411-2012-256} or {@code GOST3411-2012-512}, otherwise null
     */
    public static Streebog forName(String algorithm) {
        return switch (algorithm) {
            case "GOST3411-2012-256" -> of256();
            case "GOST3411-2012-512" -> of512();
            default -> null;
        };
    }

    @Override
    protected int engineGetDigestLength() {
        return size;
    }

    @Override
    protected void engineReset() {
        java.util.Arrays.fill(h, size == 32 ? 0x0101010101010101L : 0L);
        java.util.Arrays.fill(n, 0L);
        java.util.Arrays.fill(sigma, 0L);
        java.util.Arrays.fill(buffer, (byte) 0);
        buffered = 0;
    }

    @Override
    protected void engineUpdate(byte input) {
        buffer[buffered++] = input;
        if (buffered == BLOCK) {
            block(buffer, 0);
            buffered = 0;
        }
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        if (buffered > 0) {
            int take = Math.min(length, BLOCK - buffered);
            System.arraycopy(input, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
            length -= take;
            if (buffered < BLOCK) {
                return;
            }
            block(buffer, 0);
            buffered = 0;
        }
        for (; length >= BLOCK; offset += BLOCK, length -= BLOCK) {
            block(input, offset);
        }
        System.arraycopy(input, offset, buffer, 0, length);
        buffered = length;
    }

    @Override
    protected byte[] engineDigest() {
        java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
        buffer[buffered] = 1; // the padding: one bit, then zeros
        read(buffer, 0);
        compress(n);
        add(n, 8L * buffered);
        add(sigma, m);
        long[] zero = new long[8];
        System.arraycopy(n, 0, m, 0, 8);
        compress(zero);
        System.arraycopy(sigma, 0, m, 0, 8);
        compress(zero);
        byte[] out = new byte[size];
        for (int i = 0, from = 8 - size / 8; i < size / 8; i++) {
            LONGS.set(out, i * 8, h[from + i]);
        }
        engineReset();
        return out;
    }

    /** One full block of the message: compression with the bit count so far, then the counters. */
    private void block(byte[] in, int offset) {
        read(in, offset);
        compress(n);
        add(n, 512L);
        add(sigma, m);
    }

    private void read(byte[] in, int offset) {
        for (int i = 0; i < 8; i++) {
            m[i] = (long) LONGS.get(in, offset + i * 8);
        }
    }

    /** The compression function g_N(h, m) (RFC 6986, 6) on {@link #m}, with {@code count} as N; the state in locals. */
    private void compress(long[] count) {
        long x0 = h[0] ^ count[0], x1 = h[1] ^ count[1], x2 = h[2] ^ count[2], x3 = h[3] ^ count[3],
                x4 = h[4] ^ count[4], x5 = h[5] ^ count[5], x6 = h[6] ^ count[6], x7 = h[7] ^ count[7];
        long k0 = w(0, x0, x1, x2, x3, x4, x5, x6, x7), k1 = w(8, x0, x1, x2, x3, x4, x5, x6, x7),
                k2 = w(16, x0, x1, x2, x3, x4, x5, x6, x7), k3 = w(24, x0, x1, x2, x3, x4, x5, x6, x7),
                k4 = w(32, x0, x1, x2, x3, x4, x5, x6, x7), k5 = w(40, x0, x1, x2, x3, x4, x5, x6, x7),
                k6 = w(48, x0, x1, x2, x3, x4, x5, x6, x7), k7 = w(56, x0, x1, x2, x3, x4, x5, x6, x7);
        long s0 = m[0], s1 = m[1], s2 = m[2], s3 = m[3], s4 = m[4], s5 = m[5], s6 = m[6], s7 = m[7];
        for (int round = 0; ; round++) { // E(K, m): twelve rounds of X[K] then LPS, the key advancing with C
            x0 = s0 ^ k0; x1 = s1 ^ k1; x2 = s2 ^ k2; x3 = s3 ^ k3; x4 = s4 ^ k4; x5 = s5 ^ k5; x6 = s6 ^ k6; x7 = s7 ^ k7;
            if (round == 12) {
                break;
            }
            s0 = w(0, x0, x1, x2, x3, x4, x5, x6, x7); s1 = w(8, x0, x1, x2, x3, x4, x5, x6, x7);
            s2 = w(16, x0, x1, x2, x3, x4, x5, x6, x7); s3 = w(24, x0, x1, x2, x3, x4, x5, x6, x7);
            s4 = w(32, x0, x1, x2, x3, x4, x5, x6, x7); s5 = w(40, x0, x1, x2, x3, x4, x5, x6, x7);
            s6 = w(48, x0, x1, x2, x3, x4, x5, x6, x7); s7 = w(56, x0, x1, x2, x3, x4, x5, x6, x7);
            long[] c = C[round];
            x0 = k0 ^ c[0]; x1 = k1 ^ c[1]; x2 = k2 ^ c[2]; x3 = k3 ^ c[3]; x4 = k4 ^ c[4]; x5 = k5 ^ c[5]; x6 = k6 ^ c[6]; x7 = k7 ^ c[7];
            k0 = w(0, x0, x1, x2, x3, x4, x5, x6, x7); k1 = w(8, x0, x1, x2, x3, x4, x5, x6, x7);
            k2 = w(16, x0, x1, x2, x3, x4, x5, x6, x7); k3 = w(24, x0, x1, x2, x3, x4, x5, x6, x7);
            k4 = w(32, x0, x1, x2, x3, x4, x5, x6, x7); k5 = w(40, x0, x1, x2, x3, x4, x5, x6, x7);
            k6 = w(48, x0, x1, x2, x3, x4, x5, x6, x7); k7 = w(56, x0, x1, x2, x3, x4, x5, x6, x7);
        }
        h[0] ^= x0 ^ m[0]; h[1] ^= x1 ^ m[1]; h[2] ^= x2 ^ m[2]; h[3] ^= x3 ^ m[3];
        h[4] ^= x4 ^ m[4]; h[5] ^= x5 ^ m[5]; h[6] ^= x6 ^ m[6]; h[7] ^= x7 ^ m[7];
    }

    /** One word of S, P and L at once: byte {@code shift / 8} of every input word, substituted, transposed and multiplied by A. */
    private static long w(int shift, long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7) {
        return T0[(int) (a0 >>> shift) & 0xff] ^ T1[(int) (a1 >>> shift) & 0xff] ^ T2[(int) (a2 >>> shift) & 0xff]
                ^ T3[(int) (a3 >>> shift) & 0xff] ^ T4[(int) (a4 >>> shift) & 0xff] ^ T5[(int) (a5 >>> shift) & 0xff]
                ^ T6[(int) (a6 >>> shift) & 0xff] ^ T7[(int) (a7 >>> shift) & 0xff];
    }

    /** a += b modulo 2^512, words little-endian. */
    private static void add(long[] a, long[] b) {
        long carry = 0;
        for (int i = 0; i < 8; i++) {
            long sum = a[i] + b[i];
            long out = sum + carry;
            carry = (Long.compareUnsigned(sum, a[i]) < 0 || Long.compareUnsigned(out, sum) < 0) ? 1 : 0;
            a[i] = out;
        }
    }

    /** a += value modulo 2^512. */
    private static void add(long[] a, long value) {
        long before = a[0];
        a[0] += value;
        for (int i = 1; i < 8 && Long.compareUnsigned(a[i - 1], before) < 0; i++) {
            before = a[i];
            a[i]++;
        }
    }

    /**
     * The table for input word {@code p}: for each byte value v, l applied to π'(v) in byte position p, so that
     * byte i of every word, substituted, transposed and multiplied by A, is eight lookups.
     */
    private static long[] table(int p) {
        byte[] pi = HexFormat.of().parseHex(PI_HEX.replace("\n", ""));
        long[] table = new long[256];
        for (int v = 0; v < 256; v++) {
            int s = pi[v] & 0xff;
            long r = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((s >>> bit & 1) != 0) {
                    r ^= A[63 - 8 * p - bit];
                }
            }
            table[v] = r;
        }
        return table;
    }
}
