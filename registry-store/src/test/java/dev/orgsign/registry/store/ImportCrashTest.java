package dev.orgsign.registry.store;

import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of a child JVM in the middle of an import: the next import resumes where the last durable
 * commit ended, and the store then holds exactly the in-memory reader's records — none lost, none twice.
 */
class ImportCrashTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anImportKilledMidwayResumesWithoutLossOrDoubles(String kind) throws Exception {
        Path file = StoreFixtures.synthetic(dir.resolve("big.xml"), 10_000, 5);
        TestPostgres pg = kind.equals("postgresql") ? TestPostgres.create() : null;
        String url = pg != null ? pg.url() : RegistryDatabase.h2Url(dir.resolve("store"));
        try {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", cp, ImportChild.class.getName(), url, file.toString())
                    .redirectError(dir.resolve("child.err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            long committed = 0;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("records ")) {
                    committed = Long.parseLong(line.substring(8));
                    if (committed >= 2 * RegisterImporter.BATCH) {
                        break;
                    }
                }
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
            assertTrue(committed >= 2 * RegisterImporter.BATCH, "the child committed " + committed + " records before it was killed");

            try (RegistryDatabase db = RegistryDatabase.open(url, 2)) {
                RegistryInfo.FileEntry interrupted = RegistryInfo.read(db).files().get(0);
                assertTrue(!interrupted.completed(), interrupted.toString());
                // PostgreSQL's commit is durable when it returns; H2 writes its file up to a second later, so a kill
                // may take the last commits with it — whole transactions, records and progress together.
                assertTrue(pg != null ? interrupted.records() >= committed : interrupted.records() <= committed,
                        interrupted + " after " + committed + " committed");
                long[] resumedFrom = {-1};
                RegisterImporter.Result r = new RegisterImporter(db).importAll(List.of(file), new RegisterImporter.Progress() {
                    @Override
                    public void started(Path f, long size, long resuming) {
                        resumedFrom[0] = resuming;
                    }
                });
                assertEquals(interrupted.records(), resumedFrom[0], "resumed after the last commit");
                assertEquals(1, r.imported());
                assertEquals(10_000, RegistryInfo.read(db).files().get(0).records());
                Registry memory = FnsExtractRegistry.load(file);
                Set<String> ids = StoreFixtures.ids(List.of(file));
                StoreFixtures.assertSameRecords(ids, memory, new StoreRegistry(db));
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
