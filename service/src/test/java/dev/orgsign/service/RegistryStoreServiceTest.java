package dev.orgsign.service;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.registry.store.RegisterImporter;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service instances read one register store in PostgreSQL ({@code serve --registry-db}): both
 * verify against it, both show the register's date on /health, and both pick up a daily file
 * imported while they run — without a restart.
 */
class RegistryStoreServiceTest {
    @Test
    void twoInstancesReadOneRegisterStoreAndSeeADailyImportWithoutRestart(@TempDir Path data) throws Exception {
        try (Postgres pg = Postgres.create()) {
            try (RegistryDatabase db = RegistryDatabase.open(pg.url(), 2)) {
                new RegisterImporter(db).importAll(List.of(RealWorld.path("registers"),
                        TestMaterial.DIR.resolve("registry/windows-1251")), new RegisterImporter.Progress() { });
            }
            try (VerificationServer a = VerificationServer.start(TestMaterial.bulk(TestMaterial.config(data.resolve("a")))
                         .jdbcUrl(pg.url()).registry(null).registryDatabase(pg.url()).instanceName("a").build());
                 VerificationServer b = VerificationServer.start(TestMaterial.bulk(TestMaterial.config(data.resolve("b")))
                         .jdbcUrl(pg.url()).registry(null).registryDatabase(pg.url()).instanceName("b").build())) {
                for (VerificationServer s : List.of(a, b)) {
                    String health = health(s.uri());
                    assertTrue(health.contains("\"newestExtract\":\"2026-11-20\""), health);
                    Submission ok = submitAndAwait(s, TestMaterial.sign(Persona.LLC_HEAD));
                    assertEquals(Verdict.VERIFIED, ok.verdict(), ok.checks().toString());
                }

                // a daily file: the register now marks the LLC's head unreliable (a newer extract)
                LocalDate tomorrow = LocalDate.now().plusDays(1);
                Path daily = Files.write(data.resolve("daily.xml"), RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA,
                        StandardCharsets.UTF_8, List.of(RegisterDocument.legalEntity(Fixtures.LLC).extractDate(tomorrow)
                                .entries(9, tomorrow).unreliableHead(Fixtures.FEDOROV, "сведения недостоверны"))));
                try (RegistryDatabase db = RegistryDatabase.open(pg.url(), 2)) {
                    new RegisterImporter(db).importAll(List.of(daily), new RegisterImporter.Progress() { });
                }
                Thread.sleep(5_500); // the instances look for a finished import at most every 5 s
                for (VerificationServer s : List.of(a, b)) {
                    assertTrue(health(s.uri()).contains("\"newestExtract\":\"" + tomorrow + "\""), health(s.uri()));
                    Submission refused = submitAndAwait(s, TestMaterial.sign(Persona.LLC_HEAD));
                    assertEquals(Verdict.REJECTED, refused.verdict());
                    assertEquals(CheckResult.FAILED, refused.checks().stream().filter(c -> c.code().equals("authority"))
                            .findFirst().orElseThrow().result(), refused.checks().toString());
                }
            }
        }
    }

    private static Submission submitAndAwait(VerificationServer s, TestMaterial.Signed signed) throws Exception {
        VerificationClient client = new VerificationClient(s.uri());
        Submission accepted = client.submit(signed.payload(), signed.signature());
        return client.await(accepted, Duration.ofSeconds(60), (x, y, z, w) -> { });
    }

    private static String health(URI uri) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
