package dev.orgsign.service;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances on one PostgreSQL share 1,000 submissions: none lost, none decided twice. */
class TwoInstancesTest {
    static final int N = 1000;

    @Test
    void twoInstancesOnOnePostgresShareTheWork(@TempDir Path data) throws Exception {
        List<TestMaterial.Signed> batch = TestMaterial.batch(N);
        try (Postgres pg = Postgres.create();
             VerificationServer a = VerificationServer.start(TestMaterial.bulk(TestMaterial.config(data.resolve("a")))
                     .jdbcUrl(pg.url()).instanceName("a").workers(2).build());
             VerificationServer b = VerificationServer.start(TestMaterial.bulk(TestMaterial.config(data.resolve("b")))
                     .jdbcUrl(pg.url()).instanceName("b").workers(2).build())) {
            VerificationClient[] clients = {new VerificationClient(a.uri()), new VerificationClient(b.uri())};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Submission>> ids = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    int k = i;
                    ids.add(pool.submit(() -> clients[k % 2].submit(batch.get(k).payload(), batch.get(k).signature())));
                }
                Set<String> all = new HashSet<>();
                List<Submission> accepted = new ArrayList<>();
                for (Future<Submission> f : ids) {
                    accepted.add(f.get());
                    all.add(accepted.get(accepted.size() - 1).id());
                }
                assertEquals(N, all.size());
                int k = 0;
                for (Submission sub : accepted) {
                    // the read token of a submission taken in by one instance opens it at the other
                    Submission s = clients[++k % 2].await(sub, Duration.ofSeconds(180), (x, y, z, w) -> { });
                    assertEquals(Verdict.VERIFIED, s.verdict(), sub.id() + ": " + s.checks());
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = pg.connect(); Statement st = c.createStatement()) {
                assertEquals(N, one(st, "select count(*) from submissions"));
                assertEquals(0, one(st, "select count(*) from submissions where status <> 'VERIFIED' or verifications <> 1"));
                assertEquals(N, one(st, "select count(*) from outbox"));
                assertEquals(N, one(st, "select count(distinct submission_id) from outbox"));
                long byA = one(st, "select count(*) from submissions where verified_by = 'a'");
                long byB = one(st, "select count(*) from submissions where verified_by = 'b'");
                System.out.printf("instance a decided %d, instance b %d; claims beyond one: %d%n", byA, byB,
                        one(st, "select count(*) from submissions where attempts > 1"));
                assertEquals(N, byA + byB);
                assertTrue(byA > N / 10 && byB > N / 10, "both instances worked: " + byA + " / " + byB);
            }
        }
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
