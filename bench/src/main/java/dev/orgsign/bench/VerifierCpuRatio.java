package dev.orgsign.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The ratio of {@link SignatureVerifierBenchmark}'s two measurements taken by thread CPU time
 * instead of wall-clock time, interleaved in batches of 20 so that both see the same machine
 * state: useful on a shared, loaded machine where JMH's wall-clock scores swing widely. Uses the
 * benchmark's own setup (and its accept-all request-id ledger).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.VerifierCpuRatio [seconds] [memory|store] [anchors|list] [EC_P256,GOST_256]</pre>
 * ("store": the register read through the register store, see {@link SignatureVerifierBenchmark#registry}; "list": the trust
 * is a generated list of 600 accredited certification centres, see {@link SignatureVerifierBenchmark#trust})
 */
public final class VerifierCpuRatio {
    private VerifierCpuRatio() {
    }

    /** Prints, per key kind, verifier and raw throughput per CPU-second and their ratio. */
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 15;
        String registry = args.length > 1 ? args[1] : "memory";
        String trust = args.length > 2 ? args[2] : "anchors";
        String[] kinds = args.length > 3 ? args[3].split(",") : new String[] {"EC_P256", "GOST_256"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long self = Thread.currentThread().getId();
        for (String kind : kinds) {
            SignatureVerifierBenchmark b = new SignatureVerifierBenchmark();
            b.key = kind;
            b.registry = registry;
            b.trust = trust;
            b.sign();
            long verifierNanos = 0;
            long rawNanos = 0;
            long verifierBytes = 0;
            long rawBytes = 0;
            int n = 0;
            long end = mx.getCurrentThreadCpuTime() + seconds * 1_000_000_000L;
            for (int round = 0; mx.getCurrentThreadCpuTime() < end; round++) {
                long a0 = alloc.getThreadAllocatedBytes(self);
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 20; i++) {
                    b.verifier();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                long a1 = alloc.getThreadAllocatedBytes(self);
                for (int i = 0; i < 20; i++) {
                    b.baselineRawSignatureVerify();
                }
                long t2 = mx.getCurrentThreadCpuTime();
                long a2 = alloc.getThreadAllocatedBytes(self);
                if (round >= 50) { // warm-up rounds are not counted
                    verifierNanos += t1 - t0;
                    rawNanos += t2 - t1;
                    verifierBytes += a1 - a0;
                    rawBytes += a2 - a1;
                    n += 20;
                }
            }
            double verifier = n / (verifierNanos / 1e9);
            double raw = n / (rawNanos / 1e9);
            System.out.printf("%-8s %-6s %-7s verifier %7.0f ops/CPU-s, raw BouncyCastle verify %7.0f ops/CPU-s, ratio %.2f%n",
                    kind, registry, trust, verifier, raw, verifier / raw);
            System.out.printf("%-8s allocated per operation: verifier %,d bytes, raw %,d bytes%n", kind, verifierBytes / n, rawBytes / n);
        }
    }
}
