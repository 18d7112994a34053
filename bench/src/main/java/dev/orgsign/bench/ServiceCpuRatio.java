package dev.orgsign.bench;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.Verdict;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link ServiceThroughputBenchmark}'s two measurements by CPU time instead of wall-clock time:
 * the CPU the whole process (service, its store's driver or embedded H2, the HTTP client) spends
 * per verified submission beside what the in-process verifier spends per verification, in
 * alternating batches of {@value ServiceThroughputBenchmark#BATCH} so both see the same machine.
 * On a shared, loaded machine wall-clock throughput swings with the neighbours' work; CPU per
 * submission does not, and verifier-CPU / service-CPU is the most of the in-process throughput the
 * service can reach on the same cores. PostgreSQL's own CPU (another process) is not counted; the
 * heap is collected before each measured phase, so neither pays for the garbage of what came before
 * (the signing, the other phase).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.ServiceCpuRatio h2|postgresql [ROUNDS]</pre>
 */
public final class ServiceCpuRatio {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ServiceCpuRatio() {
    }

    /** CPU time of every live thread, by id. */
    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> out = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static String group(long id) {
        java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
        String name = info == null ? null : info.getThreadName();
        return name != null && name.startsWith("pool-") ? "bench client (8 senders)" : StageBreakdown.threadGroup(name);
    }

    /** Prints CPU-µs per submission through the service and per in-process verification, and their ratio. */
    public static void main(String[] args) throws Exception {
        String store = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 45;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int n = ServiceThroughputBenchmark.BATCH;
        try (BenchService service = new BenchService(store, 2)) {
            VerificationClient client = new VerificationClient(service.server().uri());
            HttpClient http = HttpClient.newHttpClient();
            URI health = service.server().uri().resolve("health");
            SignatureVerifier verifier = service.inProcessVerifier();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long serviceCpu = 0;
            long verifierCpu = 0;
            long serviceWall = 0;
            long verifierWall = 0;
            int counted = 0;
            Map<String, Long> byGroup = new TreeMap<>();
            for (int round = 0; round < rounds; round++) {
                List<byte[][]> batch = service.sign(n);
                System.gc(); // the signing's garbage is not the service's
                Map<Long, Long> before = threadCpu();
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                List<Future<Submission>> sent = new ArrayList<>(n);
                for (byte[][] s : batch) {
                    sent.add(pool.submit(() -> client.submit(s[0], s[1])));
                }
                for (Future<Submission> f : sent) {
                    f.get();
                }
                while (!http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .contains("\"pending\":0")) {
                    Thread.sleep(2);
                }
                long c1 = os.getProcessCpuTime();
                long w1 = System.nanoTime();
                long serviceCpuNow = c1 - c0;
                long serviceWallNow = w1 - w0;
                Map<Long, Long> after = threadCpu();
                System.gc(); // nor is the service's the verifier's
                c1 = os.getProcessCpuTime();
                w1 = System.nanoTime();
                List<Future<?>> halves = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    List<byte[][]> part = batch.subList(w * n / 2, (w + 1) * n / 2);
                    halves.add(pool.submit(() -> {
                        for (byte[][] s : part) {
                            if (verifier.verify(s[0], s[1]).verdict() != Verdict.VERIFIED) {
                                throw new IllegalStateException("the benchmark's registrations must verify");
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : halves) {
                    f.get();
                }
                long c2 = os.getProcessCpuTime();
                long w2 = System.nanoTime();
                if (round >= rounds / 3) { // the first third warms up (the JIT is busy for a while)
                    serviceCpu += serviceCpuNow;
                    verifierCpu += c2 - c1;
                    serviceWall += serviceWallNow;
                    verifierWall += w2 - w1;
                    counted += n;
                    long threads = 0;
                    for (Map.Entry<Long, Long> t : after.entrySet()) {
                        long spent = t.getValue() - before.getOrDefault(t.getKey(), 0L);
                        threads += spent;
                        byGroup.merge(group(t.getKey()), spent, Long::sum);
                    }
                    byGroup.merge("JVM (GC, JIT) and threads gone", serviceCpuNow - threads, Long::sum);
                }
            }
            pool.shutdownNow();
            System.out.printf("%-10s service %6.0f CPU-µs/submission (%5.0f/s wall), in-process verifier %6.0f CPU-µs "
                            + "(%5.0f/s wall), CPU ratio %.3f, wall ratio %.3f%n", store, serviceCpu / 1e3 / counted,
                    counted / (serviceWall / 1e9), verifierCpu / 1e3 / counted, counted / (verifierWall / 1e9),
                    (double) verifierCpu / serviceCpu, (double) verifierWall / serviceWall);
            int total = counted;
            byGroup.forEach((g, nanos) -> System.out.printf("  %-32s %6.0f CPU-µs/submission%n", g, nanos / 1e3 / total));
        }
    }
}
