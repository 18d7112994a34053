package dev.orgsign.service;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service is killed (kill -9) in the middle of a batch of 1,000 submissions and restarted on
 * the same data: every accepted submission ends decided, none is lost, none is decided twice.
 */
class CrashRecoveryTest {
    static final int N = 1000;

    @Test
    void onH2KilledMidBatchAndRestartedItFinishesEverySubmissionOnce(@TempDir Path data) throws Exception {
        run(data, null, 30, () -> DriverManager.getConnection("jdbc:h2:file:" + data.resolve("store").toAbsolutePath().resolve("orgsign")));
    }

    /** On PostgreSQL the restarted instance cannot know the old one is dead: the old leases (5 s) must run out. */
    @Test
    void onPostgresKilledMidBatchAndRestartedItFinishesEverySubmissionOnce(@TempDir Path data) throws Exception {
        try (Postgres pg = Postgres.create()) {
            run(data, pg.url(), 5, pg::connect);
        }
    }

    interface Db {
        Connection open() throws Exception;
    }

    private void run(Path data, String jdbcUrl, int leaseSeconds, Db db) throws Exception {
        List<TestMaterial.Signed> batch = TestMaterial.batch(N);
        Path log = data.resolve("child.log");
        Map<Integer, String> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        // a request that met the kill may have been stored without its answer (and read token)
        // reaching the client: after the restart the test reads every submission with an operator key
        Path keys = data.resolve("operator-keys");
        String operator = TestMaterial.operatorKey(keys);
        ChildProcess first = ChildProcess.start(data.resolve("store"), jdbcUrl, 2, leaseSeconds, log, keys);
        VerificationClient client = new VerificationClient(first.uri()).withApiKey(operator);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < N; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    try {
                        accepted.put(k, client.submit(batch.get(k).payload(), batch.get(k).signature()).id());
                    } catch (OrgsignException e) {
                        refused.incrementAndGet();
                    }
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (accepted.size() < N / 2 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            int decidedBeforeKill = countDecided(client, accepted);
            first.kill();
            for (Future<?> f : futures) {
                f.get();
            }
            int acceptedBeforeKill = accepted.size();
            System.out.printf("kill -9 after %d accepted (%d of the first 50 already decided); %d requests met the dead service%n",
                    acceptedBeforeKill, decidedBeforeKill, refused.get());
            assertTrue(acceptedBeforeKill >= N / 2 && acceptedBeforeKill < N, "killed mid-batch: " + acceptedBeforeKill);
            assertTrue(refused.get() > 0, "some requests met the dead service");

            Map<Integer, String> before = Map.copyOf(accepted);
            try (ChildProcess second = ChildProcess.start(data.resolve("store"), jdbcUrl, 2, leaseSeconds, log, keys)) {
                VerificationClient again = new VerificationClient(second.uri()).withApiKey(operator);
                List<Future<String>> ids = new java.util.ArrayList<>();
                for (int i = 0; i < N; i++) {
                    int k = i;
                    ids.add(pool.submit(() -> again.submit(batch.get(k).payload(), batch.get(k).signature()).id()));
                }
                Set<String> all = new HashSet<>();
                for (int i = 0; i < N; i++) {
                    String id = ids.get(i).get();
                    if (before.containsKey(i)) {
                        assertEquals(before.get(i), id, "an accepted submission keeps its id");
                    }
                    all.add(id);
                }
                assertEquals(N, all.size());
                for (String id : all) {
                    Submission s = again.await(id, Duration.ofSeconds(120), (a, b, c, d) -> { });
                    assertEquals(Verdict.VERIFIED, s.verdict(), id + ": " + s.checks());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            assertEquals(N, one(st, "select count(*) from submissions"));
            assertEquals(0, one(st, "select count(*) from submissions where status <> 'VERIFIED' or verifications <> 1"),
                    "every submission decided exactly once");
            assertEquals(N, one(st, "select count(*) from outbox"), "one notification recorded per submission");
            assertEquals(0, one(st, "select count(*) from (select submission_id from outbox group by submission_id having count(*) <> 1) x"));
            System.out.printf("claimed more than once after the crash: %d; no SMTP configured, %d notifications recorded%n",
                    one(st, "select count(*) from submissions where attempts > 1"), one(st, "select count(*) from outbox where sent_at is null"));
        }
    }

    private static int countDecided(VerificationClient client, Map<Integer, String> accepted) {
        int n = 0;
        for (String id : List.copyOf(accepted.values()).subList(0, Math.min(50, accepted.size()))) {
            try {
                n += client.status(id).pending() ? 0 : 1;
            } catch (OrgsignException e) {
                return n;
            }
        }
        return n;
    }

    static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
