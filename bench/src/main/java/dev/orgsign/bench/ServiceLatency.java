package dev.orgsign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency from POST to stored verdict under a steady load: submissions are sent at a fixed rate
 * (open loop: a slow answer does not slow the sending) for a while, and each one's time from the
 * moment its POST was sent to its {@code verifiedAt} (the service's clock, the same machine) is
 * read afterwards from its status; also the time until the 202. The registrations are signed
 * before the clock starts; {@value #SENDERS} threads send them (when all are busy the sending falls
 * behind, which the "sent in" time shows).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.ServiceLatency h2|postgresql RATE SECONDS [WORKERS]</pre>
 */
public final class ServiceLatency {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sending threads: as many connections from one address as the service's per-client cap allows and more than needed. */
    private static final int SENDERS = 16;

    private ServiceLatency() {
    }

    /** Prints POST→202 and POST→verdict percentiles at the given rate. */
    public static void main(String[] args) throws Exception {
        String store = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (BenchService service = new BenchService(store, workers)) {
            VerificationClient client = new VerificationClient(service.server().uri());
            run(service, client, rate, 2, false); // warm-up
            run(service, client, rate, seconds, true);
        }
    }

    private static void run(BenchService service, VerificationClient client, int rate, int seconds, boolean print)
            throws Exception {
        int n = rate * seconds;
        List<byte[][]> signed = service.sign(n);
        long[] sentAt = new long[n];
        long[] answeredAt = new long[n];
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<Submission>> submissions = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int k = i;
            submissions.add(pool.submit(() -> {
                sentAt[k] = System.currentTimeMillis();
                Submission s = client.submit(signed.get(k)[0], signed.get(k)[1]);
                answeredAt[k] = System.currentTimeMillis();
                return s;
            }));
        }
        List<Submission> accepted = new ArrayList<>(n);
        for (Future<Submission> f : submissions) {
            accepted.add(f.get());
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        awaitIdle(service.server().uri().resolve("health"));
        pool.shutdown();
        if (!print) {
            return;
        }
        long[] toAnswer = new long[n];
        long[] toVerdict = new long[n];
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < n; i++) {
            Submission s = accepted.get(i);
            String body = http.send(HttpRequest.newBuilder(service.server().uri().resolve("api/v1/submissions/" + s.id()))
                    .header("Authorization", "Bearer " + s.token()).build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode status = JSON.readTree(body);
            if (!Verdict.VERIFIED.name().equals(status.path("verdict").asText())) {
                throw new IllegalStateException("the benchmark's registrations must verify: " + body);
            }
            toAnswer[i] = answeredAt[i] - sentAt[i];
            toVerdict[i] = Instant.parse(status.path("verifiedAt").asText()).toEpochMilli() - sentAt[i];
        }
        System.out.printf("%d submissions at %d/s (sent in %.1f s): POST→202 ms p50 %d p99 %d max %d; "
                        + "POST→verdict ms p50 %d p99 %d max %d%n", n, rate, sendSeconds, pct(toAnswer, 50), pct(toAnswer, 99),
                pct(toAnswer, 100), pct(toVerdict, 50), pct(toVerdict, 99), pct(toVerdict, 100));
    }

    private static void awaitIdle(URI health) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (!http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("\"pending\":0")) {
            Thread.sleep(20);
        }
    }

    private static long pct(long[] values, int p) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, Math.max(0, (int) Math.ceil(v.length * p / 100.0) - 1))];
    }
}
