package dev.orgsign.registry.store;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.FnsExtractReader;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import dev.orgsign.testcerts.SyntheticRegister;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Generated extracts for the store's tests, and the comparison with the in-memory reader. */
final class StoreFixtures {
    static final Charset CP1251 = Charset.forName("windows-1251");

    private StoreFixtures() {
    }

    /** The hard cases, split over files so that a newer record comes in an earlier file. */
    static Path hardCases(Path dir) throws Exception {
        Files.createDirectories(dir);
        LocalDate today = LocalDate.now();
        Files.write(dir.resolve("a-newer.xml"), RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA, CP1251, List.of(
                RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.FEDOROV).founder(Fixtures.KUZNETSOV)
                        .extractDate(today.minusDays(1)).entries(7, today.minusDays(2)),
                RegisterDocument.legalEntity(Fixtures.OTHER_LLC).managedBy(Fixtures.LLC),
                RegisterDocument.legalEntity(Fixtures.GOV).head(Fixtures.NIKOLAEV).status("107", "Регистрирующим органом "
                        + "принято решение о предстоящем исключении юридического лица из ЕГРЮЛ"))));
        Files.write(dir.resolve("b-older.xml"), RegisterFixtures.extract(ExtractWriter.Shape.SCHEMA, CP1251, List.of(
                RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.KUZNETSOV).extractDate(today.minusDays(30)),
                RegisterDocument.legalEntity(Fixtures.TERMINATED_LLC).disqualifiedHead(Fixtures.VOLKOV, today.minusDays(3),
                        today.plusYears(1)))));
        Files.write(dir.resolve("c-contested.xml"), RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA, CP1251, List.of(
                RegisterDocument.legalEntity(Fixtures.TERMINATED_LLC).unreliableHead(Fixtures.VOLKOV, "сведения недостоверны")
                        .disqualifiedHead(Fixtures.VOLKOV, today.minusDays(3), today.plusYears(1)))));
        Files.write(dir.resolve("d-ip.xml"), RegisterFixtures.egrip(Fixtures.IE, Fixtures.PETROVA, CP1251));
        return dir;
    }

    /** A synthetic EGRUL file of {@code count} documents. */
    static Path synthetic(Path file, long count, long seed) throws Exception {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ExtractWriter.write(ExtractWriter.Shape.OPEN_DATA, CP1251, new SyntheticRegister(count, seed, LocalDate.now()),
                    count, LocalDate.now(), out);
        }
        return file;
    }

    /** Every OGRN (prefixed "U") and OGRNIP ("I") in the files. */
    static Set<String> ids(List<Path> filesOrFolders) throws OrgsignException {
        Set<String> ids = new TreeSet<>();
        FnsExtractReader.Sink sink = new FnsExtractReader.Sink() {
            @Override
            public void legalEntity(LegalEntityRecord record) {
                ids.add("U" + record.ogrn());
            }

            @Override
            public void entrepreneur(EntrepreneurRecord record) {
                ids.add("I" + record.ogrnip());
            }
        };
        for (Path f : RegisterImporter.files(filesOrFolders)) {
            FnsExtractReader.read(f, Long.MAX_VALUE, sink);
        }
        return ids;
    }

    /** The store holds exactly the records the in-memory reader gives for the same files. */
    static void assertSameRecords(Set<String> ids, Registry memory, Registry store) {
        for (String id : ids) {
            String key = id.substring(1);
            if (id.charAt(0) == 'U') {
                assertEquals(memory.legalEntity(key), store.legalEntity(key), id);
            } else {
                assertEquals(memory.entrepreneur(key), store.entrepreneur(key), id);
            }
        }
        assertEquals(memory.size(), store.size());
    }
}
