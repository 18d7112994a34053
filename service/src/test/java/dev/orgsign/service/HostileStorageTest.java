package dev.orgsign.service;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.service.HostileKit.Answer;
import dev.orgsign.service.HostileKit.MovableClock;
import dev.orgsign.service.HostileKit.Store;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storage under a hostile client, on H2 and PostgreSQL: signatures padded with certificates are
 * refused (400 past a handful, 413 past the size cap), what a submission costs the database is
 * measured and bounded, and retention deletes submissions with their content, receipts and mail.
 */
@Timeout(300)
class HostileStorageTest {
    static final int N = 100;
    /** The stated bound: what one submission (payload, signature, verdict, its mail) may cost the database. */
    static final long BOUND_PER_SUBMISSION = 24 * 1024;

    /** A valid signature of {@code signed} re-wrapped with {@code copies} extra certificates. */
    static byte[] padded(TestMaterial.Signed signed, int copies) throws Exception {
        CMSSignedData cms = new CMSSignedData(signed.signature());
        List<X509CertificateHolder> certs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        java.util.Collection<X509CertificateHolder> own = cms.getCertificates().getMatches(null);
        certs.addAll(own);
        X509CertificateHolder junk = new X509CertificateHolder(TestPki.get().untrustedRoot().getEncoded());
        for (int i = 0; i < copies; i++) {
            certs.add(junk);
        }
        return CMSSignedData.replaceCertificatesAndCRLs(cms, new CollectionStore<>(certs), null, null).getEncoded("DER");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void paddedSignaturesAreRefusedEachSubmissionCostsABoundedAmountAndRetentionPurgesIt(Store store, @TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("service");
        MovableClock clock = new MovableClock();
        Postgres pg = store == Store.POSTGRESQL ? Postgres.create() : null;
        try {
            ServiceConfig config = TestMaterial.bulk(TestMaterial.config(data)).jdbcUrl(pg == null ? null : pg.url()).build();
            long before;
            try (VerificationServer s = VerificationServer.start(config, clock)) {
                TestMaterial.Signed good = TestMaterial.sign(Persona.LLC_HEAD);
                Answer many = HostileKit.post(s.uri(), "127.0.0.1", good.payload(), padded(good, 8));
                assertEquals(400, many.status(), many.body());
                assertTrue(many.body().contains("\"error\":\"too_many_certificates\"") && many.body().contains("at most 5"), many.body());
                byte[] huge = padded(good, 820);
                System.out.printf("%s: a signature padded with 820 certificates: %d bytes%n", store, huge.length);
                Answer big = HostileKit.post(s.uri(), "127.0.0.1", good.payload(), huge);
                assertEquals(413, big.status(), big.body());
                assertTrue(big.body().contains("\"error\":\"too_large\""), big.body());
            }
            before = size(store, data, pg);

            List<TestMaterial.Signed> batch = TestMaterial.batch(N);
            long sent = 0;
            try (VerificationServer s = VerificationServer.start(config, clock)) {
                VerificationClient client = new VerificationClient(s.uri());
                List<Submission> accepted = new ArrayList<>();
                for (TestMaterial.Signed b : batch) {
                    accepted.add(client.submit(b.payload(), b.signature()));
                    sent += b.payload().length + b.signature().length;
                }
                for (Submission a : accepted) {
                    assertEquals(Verdict.VERIFIED, client.await(a, Duration.ofSeconds(120), (w, x, y, z) -> { }).verdict());
                }
                byte[] receipt = client.receipt(accepted.get(0).id(), accepted.get(0).token());
                System.out.printf("%s: one receipt is %d bytes%n", store, receipt.length);
            }
            long after = size(store, data, pg);
            long perSubmission = (after - before) / N;
            System.out.printf("%s: %d submissions of %d bytes each (payload + signature) grew the database by %d bytes: "
                    + "%d bytes per submission (one receipt included)%n", store, N, sent / N, after - before, perSubmission);
            assertTrue(perSubmission <= BOUND_PER_SUBMISSION, perSubmission + " bytes per submission");

            clock.advance(Duration.ofDays(91));
            try (VerificationServer s = VerificationServer.start(config, clock)) {
                s.retention().purgeNow();
            }
            try (Connection c = pg != null ? pg.connect()
                    : DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("orgsign"));
                 Statement st = c.createStatement()) {
                for (String table : List.of("submissions", "submission_content", "receipts", "outbox")) {
                    assertEquals(0, CrashRecoveryTest.one(st, "select count(*) from " + table), table + " after retention");
                }
            }
            assertTrue(HostileKit.audit(data).stream().anyMatch(l -> l.contains("\"event\":\"purged\"") && l.contains("\"outcome\":\""
                    + N + "\"")), "the purge is audited");
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /**
     * The database's size: H2's file once compacted (the service closed; before compaction the
     * MVStore file also holds old chunks it reuses later, so its raw size wanders), or PostgreSQL's
     * tables with their TOAST and indexes (dead row versions included, as they lie on disk).
     */
    private static long size(Store store, Path data, Postgres pg) throws Exception {
        if (store == Store.H2) {
            Path file = data.resolve("orgsign.mv.db");
            long raw = Files.size(file);
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("orgsign"));
                 Statement st = c.createStatement()) {
                st.execute("shutdown compact");
            }
            System.out.printf("H2 file: %d bytes as the service left it, %d compacted%n", raw, Files.size(file));
            return Files.size(file);
        }
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            return CrashRecoveryTest.one(st, "select sum(pg_total_relation_size(c.oid)) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'");
        }
    }
}
