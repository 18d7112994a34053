package dev.orgsign.registry.store;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real FNS files, the hard cases and a synthetic register imported into H2 and into PostgreSQL
 * give exactly the in-memory reader's records and decisions; importing again changes nothing; a
 * second reader of the same PostgreSQL store sees the same register and a new import without restart.
 */
class RegisterStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theStoreGivesTheInMemoryReadersRecordsAndDecisions(String kind) throws Exception {
        Path hard = StoreFixtures.hardCases(dir.resolve("hard"));
        Path synthetic = StoreFixtures.synthetic(dir.resolve("synthetic.xml"), 3_000, 11);
        List<Path> sources = List.of(RealWorld.path("registers"), hard, synthetic);
        TestPostgres pg = kind.equals("postgresql") ? TestPostgres.create() : null;
        String url = pg != null ? pg.url() : RegistryDatabase.h2Url(dir.resolve("store"));
        try (RegistryDatabase db = RegistryDatabase.open(url, 4)) {
            RegisterImporter.Result first = new RegisterImporter(db).importAll(sources, new RegisterImporter.Progress() { });
            assertEquals(4 + 4 + 1, first.imported());
            Registry memory = FnsExtractRegistry.load(sources);
            StoreRegistry store = new StoreRegistry(db);
            Set<String> ids = StoreFixtures.ids(sources);
            StoreFixtures.assertSameRecords(ids, memory, store);

            TestPki pki = TestPki.get();
            for (Persona p : List.of(Persona.LLC_HEAD, Persona.LLC_FORMER_HEAD, Persona.WRONG_OGRN, Persona.GOV_HEAD)) {
                QualifiedCertificate q = QualifiedCertificate.parse(pki.credential(p, KeyKind.EC_P256).certificate());
                OrganizationType type = p == Persona.GOV_HEAD ? OrganizationType.GOV : OrganizationType.LLC;
                String ogrn = p == Persona.GOV_HEAD ? Fixtures.GOV.ogrn() : q.ogrn();
                AuthorityDecision a = new AuthorityCheck(memory).decide(q, type, ogrn);
                AuthorityDecision b = new AuthorityCheck(store).decide(q, type, ogrn);
                assertEquals(a, b, p.toString());
            }
            assertEquals(AuthorityDecision.Outcome.ENTITLED, new AuthorityCheck(store).decide(QualifiedCertificate.parse(
                    pki.credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate()), OrganizationType.LLC, Fixtures.LLC.ogrn())
                    .outcome(), "the newer record in the earlier file wins");
            assertTrue(store.legalEntity(Fixtures.TERMINATED_LLC.ogrn()).orElseThrow().contested());
            assertEquals(List.of(store.legalEntity(Fixtures.LLC.ogrn()).orElseThrow()), store.legalEntitiesByInn(Fixtures.LLC.inn()));

            RegisterImporter.Result again = new RegisterImporter(db).importAll(sources, new RegisterImporter.Progress() { });
            assertEquals(0, again.imported());
            assertEquals(first.imported(), again.skipped());
            StoreFixtures.assertSameRecords(ids, memory, new StoreRegistry(db));

            RegistryInfo info = RegistryInfo.read(db);
            assertEquals(first.imported(), info.files().size());
            assertEquals(memory.size(), info.legalEntities() + info.entrepreneurs());
            assertTrue(info.newestExtract() != null && info.contested() >= 1, info.toString());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void twoReadersOfOnePostgresStoreSeeTheSameRegisterAndANewImportWithoutRestart() throws Exception {
        try (TestPostgres pg = TestPostgres.create();
             RegistryDatabase a = RegistryDatabase.open(pg.url(), 2);
             RegistryDatabase b = RegistryDatabase.open(pg.url(), 2)) {
            new RegisterImporter(a).importAll(List.of(RealWorld.path("registers")), new RegisterImporter.Progress() { });
            StoreRegistry first = new StoreRegistry(a, 1000, 0);
            StoreRegistry second = new StoreRegistry(b, 1000, 0);
            assertEquals(first.size(), second.size());
            assertTrue(second.legalEntity(Fixtures.LLC.ogrn()).isEmpty());
            Path hard = StoreFixtures.hardCases(dir.resolve("hard"));
            new RegisterImporter(a).importAll(List.of(hard), new RegisterImporter.Progress() { });
            assertTrue(second.legalEntity(Fixtures.LLC.ogrn()).isPresent(), "the other instance sees the import");
            assertEquals(first.legalEntity(Fixtures.LLC.ogrn()), second.legalEntity(Fixtures.LLC.ogrn()));
        }
    }
}
