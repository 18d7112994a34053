package dev.orgsign.service;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.pdf.PdfSignatureVerifier;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.Persona;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF receipt of a verified submission: its content, and a PAdES signature by the service's own key. */
class ReceiptTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aVerifiedSubmissionHasASignedReceiptNamingOrganizationSignerChecksAndTimes(@TempDir Path data) throws Exception {
        TestMaterial.Signed good = TestMaterial.sign(Persona.LLC_HEAD);
        TestMaterial.Signed bad = TestMaterial.sign(Persona.REVOKED);
        byte[] first;
        String id;
        Submission accepted;
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).build())) {
            VerificationClient client = new VerificationClient(server.uri());
            accepted = client.submit(good.payload(), good.signature());
            id = accepted.id();
            Submission rejected = client.submit(bad.payload(), bad.signature());
            assertEquals(Verdict.VERIFIED, client.await(accepted, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
            Submission r = client.await(rejected, Duration.ofSeconds(30), (a, b, c, d) -> { });
            assertEquals(Verdict.REJECTED, r.verdict());

            HttpResponse<byte[]> pdf = get(server, "api/v1/submissions/" + id + "/receipt.pdf", accepted.token());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertEquals("no-store", pdf.headers().firstValue("Cache-Control").orElse(""));
            first = pdf.body();
            assertArrayEquals(first, get(server, "api/v1/submissions/" + id + "/receipt.pdf", accepted.token()).body(),
                    "the receipt is made once");

            HttpResponse<byte[]> none = get(server, "api/v1/submissions/" + rejected.id() + "/receipt.pdf", rejected.token());
            assertEquals(409, none.statusCode());
            assertTrue(new String(none.body()).contains("\"error\":\"not_verified\""));
        }
        String text;
        try (PDDocument doc = Loader.loadPDF(first)) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String expected : List.of(id, "Квитанция о проверке регистрации", Fixtures.LLC.ogrn(), "Фёдоров", "signature.value",
                "certificate.revocation", "authority", "Получено", "Проверено", ApiHandler.sha256(good.payload()).substring(0, 20),
                "самоподписанный", "ДЕМОНСТРАЦИОННЫЙ", "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР")) {
            assertTrue(text.replace("\n", " ").contains(expected), "the receipt names " + expected + ":\n" + text);
        }
        // the position and the short name are the register's (organization.match), no longer the applicant's word
        assertTrue(!text.contains("со слов заявителя") && !text.contains("as stated"), text);

        X509Certificate serviceCert = serviceCertificate(data);
        PdfSignatureVerifier.Result v = new PdfSignatureVerifier(new TrustMaterial(List.of(serviceCert), List.of()),
                Clock.systemUTC()).verify(first);
        assertEquals(serviceCert, v.signer());
        for (String code : List.of("pdf.signature", "pdf.coverage", "signature.value", "certificate.chain")) {
            assertEquals(CheckResult.PASSED, v.report().check(code).orElseThrow().result(), code + ": " + v.report().checks());
        }
        byte[] tampered = first.clone();
        int at = new String(first, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[at + 1] = 'p';
        PdfSignatureVerifier.Result t = new PdfSignatureVerifier(new TrustMaterial(List.of(serviceCert), List.of()),
                Clock.systemUTC()).verify(tampered);
        assertEquals(Verdict.REJECTED, t.report().verdict());

        try (VerificationServer again = VerificationServer.start(TestMaterial.config(data).build())) {
            assertArrayEquals(first, get(again, "api/v1/submissions/" + id + "/receipt.pdf", accepted.token()).body(),
                    "the stored receipt survives a restart");
        }
        assertEquals(serviceCert, serviceCertificate(data), "the service keeps its receipt key across restarts");
    }

    @Test
    void anOperatorKeystoreSealsTheReceiptAndNoDemoKeyIsMade(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("operator-receipts.p12");
        X509Certificate operator = SelfSigned.write(keystore, "receipts", "operator-secret".toCharArray(),
                "CN=Receipts of the example operator,O=Example");
        TestMaterial.Signed good = TestMaterial.sign(Persona.IE);
        byte[] pdf;
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(dir.resolve("data"))
                .receiptKey(keystore, "operator-secret").build())) {
            VerificationClient client = new VerificationClient(server.uri());
            Submission s = client.await(client.submit(good.payload(), good.signature()), Duration.ofSeconds(30), (a, b, c, d) -> { });
            assertEquals(Verdict.VERIFIED, s.verdict());
            pdf = client.receipt(s.id(), s.token());
        }
        PdfSignatureVerifier.Result v = new PdfSignatureVerifier(new TrustMaterial(List.of(operator), List.of()),
                Clock.systemUTC()).verify(pdf);
        assertEquals(operator, v.signer());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace("\n", " ");
            assertTrue(text.contains("Ключ оператора сервиса") && !text.contains("ДЕМОНСТРАЦИОННЫЙ"), text);
        }
        assertTrue(!Files.exists(dir.resolve("data").resolve(ReceiptMaker.KEY_FILE)), "no demo key beside an operator's key");
    }

    @Test
    void aDemoKeyKeptWithItsPasswordFileByAnOlderVersionIsMovedOffIt(@TempDir Path data) throws Exception {
        X509Certificate old = SelfSigned.write(data.resolve(ReceiptMaker.KEY_FILE), "receipts", "old-random-password".toCharArray(),
                "CN=orgsign verification service (self-signed receipt key),O=orgsign");
        Files.writeString(data.resolve("receipt-key.password"), "old-random-password");
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).build())) {
            assertTrue(server.uri().getPort() > 0);
        }
        assertTrue(!Files.exists(data.resolve("receipt-key.password")), "the password file is gone");
        assertEquals(old, serviceCertificate(data), "the same key, now in the demo key's file alone");
    }

    private static X509Certificate serviceCertificate(Path data) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        assertTrue(Files.list(data).noneMatch(f -> f.getFileName().toString().contains("password")),
                "no password file lies beside the receipt key");
        char[] pw = ReceiptMaker.DEMO_KEY_PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(data.resolve(ReceiptMaker.KEY_FILE))) {
            ks.load(in, pw);
        }
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    private static HttpResponse<byte[]> get(VerificationServer s, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(s.uri().resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
