package dev.orgsign.bench;

import dev.orgsign.core.registry.Registry;
import dev.orgsign.registry.store.RegisterImporter;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.registry.store.RegistryInfo;
import dev.orgsign.registry.store.StoreRegistry;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.SyntheticRegister;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whole-process measurements of the register store at scale (figures, not assertions):
 * <ul>
 * <li>{@code import DIR [JDBC_URL]}: records imported per second (generate DIR with {@link RegisterGenerator});</li>
 * <li>{@code lookups COUNT [JDBC_URL] [N]}: latency of N look-ups by OGRN (90% present, 10% absent) with the
 *     cache off and on, p50/p99/max, and the heap in use;</li>
 * <li>{@code fill FROM TO [JDBC_URL]}: rows for the synthetic OGRNs FROM..TO written straight into the store, each
 *     with the body of a record already there (for look-up latency and heap at 10 M rows without 70 GB of XML;
 *     look-ups do not read what a body says);</li>
 * <li>{@code daily COUNT [JDBC_URL] [CHANGES]}: a daily file of CHANGES newer records of a COUNT register, applied
 *     while a reader keeps looking up (its slowest answer is reported).</li>
 * </ul>
 * Without a JDBC URL the embedded H2 store under ./target/register-store is used. State the load
 * ({@code uptime}) with every figure.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.RegisterStoreScale import /tmp/reg1m</pre>
 */
public final class RegisterStoreScale {
    private RegisterStoreScale() {
    }

    /**
     * @param args the measurement and its arguments
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "import" -> importRate(Path.of(args[1]), url(args, 2));
            case "lookups" -> lookups(Long.parseLong(args[1].replace("_", "")), url(args, 2),
                    args.length > 3 ? Integer.parseInt(args[3]) : 200_000);
            case "fill" -> fill(Long.parseLong(args[1].replace("_", "")), Long.parseLong(args[2].replace("_", "")), url(args, 3));
            case "daily" -> daily(Long.parseLong(args[1].replace("_", "")), url(args, 2),
                    args.length > 3 ? Integer.parseInt(args[3]) : 10_000);
            default -> throw new IllegalArgumentException("import | lookups | daily");
        }
    }

    private static String url(String[] args, int i) {
        return args.length > i && !args[i].equals("-") ? args[i] : "jdbc:h2:file:" + Path.of("target/register-store/registry")
                .toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    static void importRate(Path dir, String url) throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(url, 2)) {
            long t0 = System.nanoTime();
            RegisterImporter.Result r = new RegisterImporter(db).importAll(List.of(dir), new RegisterImporter.Progress() {
                private long last = System.nanoTime();

                @Override
                public void advanced(long bytes, long records) {
                    if (System.nanoTime() - last > 10_000_000_000L) {
                        last = System.nanoTime();
                        System.out.printf("  %d records of the current file, %.0f s%n", records, (last - t0) / 1e9);
                    }
                }
            });
            double s = (System.nanoTime() - t0) / 1e9;
            RegistryInfo info = RegistryInfo.read(db);
            System.out.printf("import: %d files (%d skipped), %d records in %.1f s = %.0f records/s into %s%n",
                    r.imported(), r.skipped(), r.records(), s, r.records() / s, db.displayUrl());
            System.out.printf("store: %d legal entities, %d entrepreneurs, %d contested, newest extract %s%n",
                    info.legalEntities(), info.entrepreneurs(), info.contested(), info.newestExtract());
        }
    }

    static void lookups(long count, String url, int n) throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(url, 4)) {
            for (int cache : new int[] {0, 100_000}) {
                Registry r = new StoreRegistry(db, cache, 5_000);
                SplittableRandom random = new SplittableRandom(3);
                long[] nanos = new long[n];
                int found = 0;
                for (int warm = 0; warm < 20_000; warm++) {
                    r.legalEntity(SyntheticRegister.ogrn(random.nextLong(count)));
                }
                for (int i = 0; i < n; i++) {
                    long id = random.nextInt(10) == 0 ? count + random.nextLong(count) : random.nextLong(count);
                    String ogrn = SyntheticRegister.ogrn(id);
                    long t = System.nanoTime();
                    found += r.legalEntity(ogrn).isPresent() ? 1 : 0;
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf("lookups (cache %d): n=%d found=%d p50 %.3f ms p99 %.3f ms p99.9 %.3f ms max %.3f ms%n",
                        cache, n, found, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[(int) (n * 0.999)] / 1e6,
                        nanos[n - 1] / 1e6);
            }
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("heap in use after the look-ups: %.0f MB (max %.0f MB)%n", heap.getUsed() / 1e6, heap.getMax() / 1e6);
        }
    }

    static void fill(long from, long to, String url) throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(url, 2);
             java.sql.Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            String version;
            String hash;
            byte[] body;
            try (var ps = c.prepareStatement("select version, hash, body from registry_record where kind = 'U' and id = ?")) {
                ps.setString(1, SyntheticRegister.ogrn(0));
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("import the synthetic register first (its OGRN 0 is missing)");
                    }
                    version = rs.getString(1);
                    hash = rs.getString(2);
                    body = rs.getBytes(3);
                }
            }
            long t0 = System.nanoTime();
            try (var ins = c.prepareStatement("insert into registry_record (kind, id, inn, version, hash, contested, extract_date, "
                    + "terminated, body) values ('U', ?, null, ?, ?, false, null, false, ?)")) {
                for (long i = from; i < to; i++) {
                    ins.setString(1, SyntheticRegister.ogrn(i));
                    ins.setString(2, version);
                    ins.setString(3, hash);
                    ins.setBytes(4, body);
                    ins.addBatch();
                    if ((i - from + 1) % 10_000 == 0) {
                        ins.executeBatch();
                        c.commit();
                    }
                }
                ins.executeBatch();
                c.commit();
            }
            try (var up = c.prepareStatement("update registry_meta set meta_value = (select count(*) from registry_record) "
                    + "where meta_name = 'records'")) {
                up.executeUpdate();
                c.commit();
            }
            System.out.printf("filled %d rows in %.0f s%n", to - from, (System.nanoTime() - t0) / 1e9);
        }
    }

    static void daily(long count, String url, int changes) throws Exception {
        Path file = Files.createTempFile("orgsign-daily-", ".xml");
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        SplittableRandom random = new SplittableRandom(tomorrow.toEpochDay());
        List<RegisterDocument> docs = new ArrayList<>(changes);
        for (int i = 0; i < changes; i++) {
            docs.add(SyntheticRegister.change(random.nextLong(count), tomorrow));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ExtractWriter.write(ExtractWriter.Shape.OPEN_DATA, Charset.forName("windows-1251"), docs, changes, tomorrow, out);
        }
        try (RegistryDatabase db = RegistryDatabase.open(url, 4)) {
            StoreRegistry reader = new StoreRegistry(db, 0, 1_000);
            long[] slowest = {0};
            long[] lookups = {0};
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread t = new Thread(() -> { // stopped by a flag: H2 closes its file when a reading thread is interrupted
                SplittableRandom r = new SplittableRandom(9);
                while (!stop.get()) { // a verifier's pace: about 2,000 look-ups a second
                    long s = System.nanoTime();
                    reader.legalEntity(SyntheticRegister.ogrn(r.nextLong(count)));
                    slowest[0] = Math.max(slowest[0], System.nanoTime() - s);
                    if (++lookups[0] % 20 == 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            long t0 = System.nanoTime();
            RegisterImporter.Result r = new RegisterImporter(db).importAll(List.of(file), new RegisterImporter.Progress() { });
            double s = (System.nanoTime() - t0) / 1e9;
            stop.set(true);
            t.join();
            System.out.printf("daily file: %d changes applied in %.2f s; a reader meanwhile made %d look-ups, the slowest %.1f ms%n",
                    r.records(), s, lookups[0], slowest[0] / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
