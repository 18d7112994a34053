package dev.orgsign.service;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TrustListFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on the list of accredited certification centres alone: it verifies by it and shows it on /health. */
class TrustListServiceTest {
    private static final TrustListFixtures F = TrustListFixtures.get();

    @Test
    void theServiceRunsOnTheListAndShowsItOnHealth(@TempDir Path data, @TempDir Path dir) throws Exception {
        Path list = F.write(F.list(), dir.resolve("tsl.xml"), true);
        Path signer = Files.write(dir.resolve("signer.cer"), F.listSigner().certificate().getEncoded());
        ServiceConfig config = TestMaterial.config(data).trust(null).trustList(list, signer).build();
        try (VerificationServer s = VerificationServer.start(config)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.uri().resolve("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"trustList\":{\"version\":42,") && health.body().contains("\"centres\":4")
                    && health.body().contains("\"accreditedNow\":3"), health.body());
            VerificationClient client = new VerificationClient(s.uri());
            TestMaterial.Signed signed = TestMaterial.sign(Persona.LLC_HEAD);
            Submission done = client.await(client.submit(signed.payload(), signed.signature()), Duration.ofSeconds(60),
                    (x, y, z, w) -> { });
            assertEquals(Verdict.VERIFIED, done.verdict(), done.checks().toString());
        }

        Path altered = Files.writeString(dir.resolve("altered.xml"), Files.readString(list, StandardCharsets.UTF_8)
                .replace("<Статус>Прекращена</Статус>", "<Статус>Действует</Статус>"), StandardCharsets.UTF_8);
        OrgsignException e = assertThrows(OrgsignException.class, () -> VerificationServer.start(
                TestMaterial.config(data).trust(null).trustList(altered, signer).build()).close());
        assertTrue(e.getMessage().contains("was changed after it was signed"), e.getMessage());
    }
}
