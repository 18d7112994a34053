package dev.orgsign.bench;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.service.Rate;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    private String pgAdmin;
    private String pgName;

    private Path dir;
    private Registry registry;
    private TrustMaterial trust;
    private RegistrationPayload template;
    private KeyStoreSigningToken token;
    private TokenKey key;
    private VerificationServer server;
    private VerificationClient client;
    private HttpClient http;
    private ExecutorService pool;
    private SignatureVerifier verifier;
    private List<byte[][]> batch;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("orgsign-service-bench-");
        TestPkiWriter.write(TestPki.get(), dir.resolve("pki"));
        registry = FnsExtractRegistry.load(dir.resolve("pki/registry/utf-8"));
        trust = TrustMaterial.load(dir.resolve("pki/trust"), List.of(dir.resolve("pki/crl")));
        QualifiedCertificate q = QualifiedCertificate.parse(TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate());
        template = PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(), registry, "bench@romashka.test",
                "+74951234567", null, Clock.systemUTC());
        token = KeyStoreSigningToken.ofFile(dir.resolve("pki/personas/llc-head/" + KeyKind.EC_P256.slug() + ".p12"), "PKCS12");
        token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
        key = token.keys().get(0);
        ServiceConfig.Builder config = ServiceConfig.builder().dataDir(dir.resolve("data")).trust(dir.resolve("pki/trust"))
                .crls(List.of(dir.resolve("pki/crl"))).registry(dir.resolve("pki/registry/utf-8")).workers(workers)
                .maxPending(1_000_000)
                // one client sending to one recipient as fast as it can: the rate limits would be the whole measurement
                .perClient(new Rate(1_000_000_000, Duration.ofSeconds(1))).perRecipient(new Rate(1_000_000_000, Duration.ofSeconds(1)));
        if (store.equals("postgresql")) {
            pgAdmin = System.getenv().getOrDefault("ORGSIGN_TEST_PG_URL",
                    "jdbc:postgresql://127.0.0.1:5432/orgsign_test?user=orgsign&password=orgsign");
            pgName = "orgsign_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgAdmin); java.sql.Statement st = c.createStatement()) {
                st.execute("create database " + pgName);
            }
            int query = pgAdmin.indexOf('?');
            String base = query < 0 ? pgAdmin : pgAdmin.substring(0, query);
            config.jdbcUrl(base.substring(0, base.lastIndexOf('/') + 1) + pgName + (query < 0 ? "" : pgAdmin.substring(query)));
        }
        server = VerificationServer.start(config.build());
        client = new VerificationClient(server.uri());
        http = HttpClient.newHttpClient();
        pool = Executors.newFixedThreadPool(8);
        verifier = new SignatureVerifier(trust, registry);
    }

    @Setup(Level.Invocation)
    public void signBatch() throws Exception {
        RegistrationSigner signer = new RegistrationSigner();
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = PayloadCodec.canonicalBytes(new RegistrationPayload(UUID.randomUUID(), template.createdAt(),
                    template.organization(), template.head(), template.contact()));
            batch.add(new byte[][] {payload, signer.sign(payload, token, key)});
        }
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
        server.close();
        pool.shutdownNow();
        token.close();
        if (pgName != null) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgAdmin); java.sql.Statement st = c.createStatement()) {
                st.execute("drop database if exists " + pgName + " with (force)");
            }
        }
    }
}
