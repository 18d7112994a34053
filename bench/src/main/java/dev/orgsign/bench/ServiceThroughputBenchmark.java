package dev.orgsign.bench;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.service.VerificationServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Verified submissions per second through the whole service — HTTP intake, the durable store
 * (embedded H2 with a write per commit, or a fresh PostgreSQL database made through the role of
 * {@code ORGSIGN_TEST_PG_URL}, default the one {@code scripts/setup} creates),
 * the verification workers, the verdict and its outbox row — beside the in-process
 * {@link SignatureVerifier} on the same kind of registrations in the same run (the baseline).
 * Each operation is one registration (P-256, the LLC head); a batch of {@value #BATCH} fresh ones
 * is signed before every invocation and is not timed.
 *
 * <pre>scripts/bench ServiceThroughputBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ServiceThroughputBenchmark {
    static final int BATCH = 200;

    /** Verification workers of the service, and threads of the in-process baseline. */
    @Param({"2"})
    public int workers;

    /** The service's store: {@code h2} (embedded file) or {@code postgresql}. */
    @Param({"h2", "postgresql"})
    public String store;

    private BenchService service;
    private VerificationServer server;
    private VerificationClient client;
    private HttpClient http;
    private ExecutorService pool;
    private SignatureVerifier verifier;
    private List<byte[][]> batch;

    @Setup(Level.Trial)
    public void start() throws Exception {
        service = new BenchService(store, workers);
        server = service.server();
        client = new VerificationClient(server.uri());
        http = HttpClient.newHttpClient();
        pool = Executors.newFixedThreadPool(8);
        verifier = service.inProcessVerifier();
    }

    @Setup(Level.Invocation)
    public void signBatch() throws Exception {
        batch = service.sign(BATCH);
    }

    /** Submit {@value #BATCH} over HTTP (8 client threads) and wait until the service has verified all. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void serviceOverHttp() throws Exception {
        List<Future<Submission>> ids = new ArrayList<>();
        for (byte[][] s : batch) {
            ids.add(pool.submit(() -> client.submit(s[0], s[1])));
        }
        for (Future<Submission> f : ids) {
            f.get();
        }
        URI health = server.uri().resolve("health");
        while (true) {
            String body = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"pending\":0")) {
                break;
            }
            Thread.sleep(2);
        }
        Submission last = ids.get(BATCH - 1).get();
        if (client.status(last.id(), last.token()).verdict() != Verdict.VERIFIED) {
            throw new IllegalStateException("the benchmark's registrations must verify");
        }
    }

    /** Baseline: the same work verified in this process by {@code workers} threads, no HTTP, no store. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void inProcessVerifier() throws Exception {
        List<Future<Verdict>> verdicts = new ArrayList<>();
        int per = BATCH / workers;
        for (int w = 0; w < workers; w++) {
            List<byte[][]> part = batch.subList(w * per, w == workers - 1 ? BATCH : (w + 1) * per);
            verdicts.add(pool.submit(() -> {
                Verdict last = null;
                for (byte[][] s : part) {
                    last = verifier.verify(s[0], s[1]).verdict();
                    if (last != Verdict.VERIFIED) {
                        throw new IllegalStateException("the benchmark's registrations must verify");
                    }
                }
                return last;
            }));
        }
        for (Future<Verdict> f : verdicts) {
            f.get();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        service.close();
        pool.shutdownNow();
    }
}
