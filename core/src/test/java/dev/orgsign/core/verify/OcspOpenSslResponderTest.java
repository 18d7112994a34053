package dev.orgsign.core.verify;

import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation by a real {@code openssl ocsp} responder, run as a child process on a free port,
 * answering for the test FNS CA through a delegated OCSP signing certificate, from an
 * {@code index.txt} that lists one certificate as valid and one as revoked. No CRL is given, so
 * OCSP decides: the valid certificate passes, the revoked one fails, and a full registration
 * verifies online through {@link SignatureVerifier#verify}.
 */
class OcspOpenSslResponderTest {
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static Path dir;
    private static Process responder;
    private static String url;
    private static OcspFixtures.Signer good;
    private static OcspFixtures.Signer revoked;

    @BeforeAll
    static void startResponder() throws Exception {
        OpenSsl.require();
        dir = Files.createTempDirectory("orgsign-ocsp-");
        Instant now = Instant.now();
        Credential ocsp = TestPki.get().ocspResponder(true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        pem(dir.resolve("ca.pem"), TestPki.get().fnsCa());
        pem(dir.resolve("ocsp.pem"), ocsp.certificate());
        pem(dir.resolve("ocsp.key"), ocsp.privateKey());
        String problem = "";
        for (int attempt = 0; attempt < 5 && responder == null; attempt++) {
            int port = freePort();
            url = "http://127.0.0.1:" + port + "/";
            good = OcspFixtures.signer(url, null);
            revoked = OcspFixtures.signer(url, null);
            Files.writeString(dir.resolve("index.txt"), index(good.cert(), null) + index(revoked.cert(),
                    now.minus(Duration.ofHours(2))), StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-CA", "ca.pem", "-rsigner", "ocsp.pem",
                    "-rkey", "ocsp.key", "-port", String.valueOf(port), "-nmin", "10", "-ignore_err")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder output = new StringBuilder();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        if (line.contains("waiting for OCSP client connections")) {
                            ready.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
                ready.countDown();
            }, "openssl-ocsp-output");
            reader.setDaemon(true);
            reader.start();
            ready.await(30, TimeUnit.SECONDS);
            if (p.isAlive()) {
                responder = p;
            } else {
                synchronized (output) {
                    problem = output.toString();
                }
            }
        }
        assertTrue(responder != null, "openssl ocsp did not start: " + problem);
    }

    @AfterAll
    static void stopResponder() throws Exception {
        if (responder != null) {
            responder.destroy();
            if (!responder.waitFor(10, TimeUnit.SECONDS)) {
                responder.destroyForcibly();
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** One line of an OpenSSL CA database: V (valid) or R (revoked, with the time and reason). */
    private static String index(X509Certificate c, Instant revokedAt) {
        String serial = c.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        if (serial.length() % 2 == 1) {
            serial = "0" + serial;
        }
        return (revokedAt == null ? "V" : "R") + "\t" + INDEX_TIME.format(c.getNotAfter().toInstant()) + "\t"
                + (revokedAt == null ? "" : INDEX_TIME.format(revokedAt) + ",keyCompromise") + "\t" + serial
                + "\tunknown\t/CN=test" + serial + "\n";
    }

    private static void pem(Path file, Object o) throws java.io.IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

    private static OnlineRevocation ocspOnly() {
        return new OnlineRevocation(null, OcspFixtures.client(Duration.ofSeconds(20), 100_000));
    }

    @Test
    void aCertificateTheResponderListsAsValidPasses() throws Exception {
        VerificationReport r = OcspFixtures.verifyContent(good, OcspFixtures.trustWithoutCrls(), ocspOnly());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        Check c = OcspFixtures.revocation(r);
        assertEquals(CheckResult.PASSED, c.result());
        assertTrue(c.message().startsWith("Not revoked according to the OCSP responder " + url + ", answer of "), c.message());
    }

    @Test
    void aCertificateTheResponderListsAsRevokedFails() throws Exception {
        VerificationReport r = OcspFixtures.verifyContent(revoked, OcspFixtures.trustWithoutCrls(), ocspOnly());
        assertEquals(Verdict.REJECTED, r.verdict());
        assertEquals(List.of("certificate.revocation"), r.failed(), r.checks().toString());
        Check c = OcspFixtures.revocation(r);
        assertTrue(c.message().contains("revoked") && c.message().contains("key compromise")
                && c.message().contains("OCSP responder " + url), c.message());
        String russian = c.message(ReportLanguages.RUSSIAN);
        assertTrue(russian.contains("Сертификат отозван") && russian.contains("(компрометация ключа)")
                && russian.contains("OCSP-сервиса " + url), russian);
        ReportLanguages.assertOneLanguage(r, "revoked by the OCSP responder");
    }

    @Test
    void aFullRegistrationVerifiesOnlineThroughTheResponder() throws Exception {
        SignatureVerifier online = new SignatureVerifier(OcspFixtures.trustWithoutCrls(), SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), Clock.systemUTC(), Duration.ofDays(7), OnlineRevocation.defaults());
        var s = OcspFixtures.registration(good);
        VerificationReport r = online.verify(s.payload(), s.signature());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertTrue(OcspFixtures.revocation(r).message().contains("OCSP responder " + url), OcspFixtures.revocation(r).message());

        var bad = OcspFixtures.registration(revoked);
        VerificationReport rejected = online.verify(bad.payload(), bad.signature());
        assertEquals(Verdict.REJECTED, rejected.verdict());
        assertEquals(List.of("certificate.revocation"), rejected.failed(), rejected.checks().toString());

        SignatureVerifier offline = new SignatureVerifier(OcspFixtures.trustWithoutCrls(), SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), Clock.systemUTC(), Duration.ofDays(7));
        VerificationReport unknown = offline.verify(s.payload(), s.signature());
        assertEquals(Verdict.REJECTED, unknown.verdict(), "offline, nothing vouches for the certificate");
        assertEquals(CheckResult.NOT_CHECKED, OcspFixtures.revocation(unknown).result());
    }

    @Test
    void theOnlineSwitchOfACrlFetcherAlsoAsksOcsp() throws Exception {
        SignatureVerifier v = new SignatureVerifier(OcspFixtures.trustWithoutCrls(), SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), Clock.systemUTC(), Duration.ofDays(7), CrlFetcher.defaults());
        var s = OcspFixtures.registration(good);
        VerificationReport r = v.verify(s.payload(), s.signature());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertTrue(OcspFixtures.revocation(r).message().contains("OCSP responder"), OcspFixtures.revocation(r).message());
    }

    @Test
    void theClientAloneJudgesTheResponderAnswers() throws Exception {
        OcspClient client = OcspFixtures.client(Duration.ofSeconds(20), 100_000);
        X509Certificate issuer = TestPki.get().fnsCa();
        OcspAnswer yes = client.ask(java.net.URI.create(url), good.cert(), issuer, Instant.now());
        assertEquals(OcspAnswer.Status.GOOD, yes.status(), String.valueOf(yes.problem()));
        assertTrue(yes.nextUpdate() != null && yes.nextUpdate().isAfter(Instant.now()), "openssl -nmin 10 sets nextUpdate");
        OcspAnswer no = client.ask(java.net.URI.create(url), revoked.cert(), issuer, Instant.now());
        assertEquals(OcspAnswer.Status.REVOKED, no.status(), String.valueOf(no.problem()));
        assertEquals(java.security.cert.CRLReason.KEY_COMPROMISE, no.reason());
        OcspFixtures.Signer unlisted = OcspFixtures.signer(url, null);
        OcspAnswer unknown = client.check(unlisted.cert(), issuer, Instant.now());
        assertEquals(OcspAnswer.Status.NO_ANSWER, unknown.status());
        assertTrue(unknown.problem().toString().contains("does not know the certificate (status unknown)"), String.valueOf(unknown.problem()));
    }
}
