package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link VerificationClient#receipt} against the real embedded service: the PDF when verified, a sentence otherwise. */
class ClientReceiptTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aVerifiedSubmissionsReceiptIsTheServicesPdfAndOtherStatesAreClearSentences(@TempDir Path data) throws Exception {
        TestMaterial.Signed good = TestMaterial.sign(Persona.LLC_HEAD);
        TestMaterial.Signed bad = TestMaterial.sign(Persona.REVOKED);
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).build())) {
            VerificationClient client = new VerificationClient(server.uri());
            Submission accepted = client.submit(good.payload(), good.signature());
            Submission refused = client.submit(bad.payload(), bad.signature());
            String id = accepted.id();
            String rejected = refused.id();
            assertEquals(Verdict.VERIFIED, client.await(accepted, WAIT, (a, b, c, d) -> { }).verdict());
            assertEquals(Verdict.REJECTED, client.await(refused, WAIT, (a, b, c, d) -> { }).verdict());

            byte[] pdf = client.receipt(id, accepted.token());
            assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
            HttpResponse<byte[]> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.uri().resolve("api/v1/submissions/" + id + "/receipt.pdf")).header("Authorization", "Bearer "
                    + accepted.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(raw.body(), pdf, "the client hands back the service's receipt unchanged");

            OrgsignException no = assertThrows(OrgsignException.class, () -> client.receipt(rejected, refused.token()));
            assertEquals(ErrorCode.SERVICE_ERROR, no.code());
            assertTrue(no.getMessage().contains("receipt of submission " + rejected)
                    && no.getMessage().contains("REJECTED") && no.getMessage().contains("only for a verified submission"), no.getMessage());

            String unknownId = "0b7e5c1e-1111-4222-8333-944455556666";
            OrgsignException unknown = assertThrows(OrgsignException.class, () -> client.receipt(unknownId, accepted.token()));
            assertEquals(ErrorCode.SUBMISSION_NOT_FOUND, unknown.code(), "the service answered 404: not found");
            assertTrue(unknown.getMessage().contains("knows no submission " + unknownId), unknown.getMessage());

            OrgsignException malformed = assertThrows(OrgsignException.class, () -> client.receipt("../health"));
            assertEquals(ErrorCode.INVALID_INPUT, malformed.code());
            assertEquals("\"../health\" is not a submission id.", malformed.getMessage());
        }
    }

    @Test
    void aPendingSubmissionHasNoReceiptYet(@TempDir Path data) throws Exception {
        TestMaterial.Signed good = TestMaterial.sign(Persona.LLC_HEAD);
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).workers(0).build())) {
            VerificationClient client = new VerificationClient(server.uri());
            Submission accepted = client.submit(good.payload(), good.signature());
            String id = accepted.id();
            assertEquals(Verdict.PENDING, client.status(id, accepted.token()).verdict());
            OrgsignException e = assertThrows(OrgsignException.class, () -> client.receipt(id, accepted.token()));
            assertEquals(ErrorCode.SERVICE_ERROR, e.code());
            assertTrue(e.getMessage().contains("HTTP 409") && e.getMessage().contains("is PENDING")
                    && e.getMessage().contains("only for a verified submission"), e.getMessage());
        }
    }

    @Test
    void noServiceAtTheAddressIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        VerificationClient client = new VerificationClient(java.net.URI.create("http://127.0.0.1:" + port + "/"));
        OrgsignException e = assertThrows(OrgsignException.class, () -> client.receipt("0b7e5c1e-1111-4222-8333-944455556666"));
        assertEquals(ErrorCode.SERVICE_UNREACHABLE, e.code());
        assertTrue(e.getMessage().startsWith("Could not fetch the receipt of submission"), e.getMessage());
    }
}
