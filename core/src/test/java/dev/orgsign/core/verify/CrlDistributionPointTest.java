package dev.orgsign.core.verify;

import com.sun.net.httpserver.HttpServer;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation from the CRL distribution point a certificate names, fetched from a real JDK HTTP
 * server on an ephemeral port: a good CRL passes (and is fetched once), a CRL listing the
 * certificate fails, and a missing, slow, oversized, garbage or foreign CRL leaves revocation
 * NOT_CHECKED, so the signature is never verified.
 */
class CrlDistributionPointTest {
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            boolean trickle = path.startsWith("/trickle");
            try {
                byte[] body = files.get(path);
                if (!trickle) {
                    Thread.sleep(delayMillis);
                }
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    // A trickling server answers at once, then sends its body a byte at a time, slowly.
                    for (int i = 0; i < body.length; i += trickle ? 1 : body.length) {
                        exchange.getResponseBody().write(body, i, trickle ? 1 : body.length);
                        exchange.getResponseBody().flush();
                        if (trickle) {
                            Thread.sleep(delayMillis / 10);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // the client gave up: nothing more to send
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static X509CRL crl(KeyPair issuerKeys, X509Certificate issuer, X509Certificate revoked) throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v2CRLBuilder(issuer, Date.from(now.minusSeconds(60)));
        b.setNextUpdate(Date.from(now.plusSeconds(86_400)));
        if (revoked != null) {
            b.addCRLEntry(revoked.getSerialNumber(), Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    /** The signer's detached signature over a receipt, verified with CRLs fetched online by {@code fetcher} (null: offline). */
    private static VerificationReport verify(OcspFixtures.Signer s, CrlFetcher fetcher) throws Exception {
        return OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(), fetcher == null ? null : new OnlineRevocation(fetcher, null));
    }

    /** The LLC head's certificate from the test FNS CA, naming {@code cdp} as its CRL distribution point. */
    private static OcspFixtures.Signer signer(String cdp) throws Exception {
        return OcspFixtures.signer(null, cdp);
    }

    private static CrlFetcher fetcher(Duration timeout, int maxBytes) {
        return new CrlFetcher(timeout, maxBytes, Clock.systemUTC());
    }

    private static Check revocation(VerificationReport r) {
        return r.check("certificate.revocation").orElseThrow();
    }

    @Test
    void aCurrentCrlFromTheDistributionPointPassesAndIsFetchedOnce() throws Exception {
        files.put("/fns.crl", TestPki.get().crl().getEncoded());
        OcspFixtures.Signer s = signer(url("/fns.crl"));
        CrlFetcher f = fetcher(Duration.ofSeconds(5), 1 << 20);
        VerificationReport r = verify(s, f);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertEquals(CheckResult.PASSED, revocation(r).result());
        VerificationReport again = verify(s, f);
        assertEquals(Verdict.VERIFIED, again.verdict());
        assertEquals(1, requests.get(), "the CRL is cached until its nextUpdate");
    }

    @Test
    void aCrlListingTheCertificateFailsRevocation() throws Exception {
        OcspFixtures.Signer s = signer(url("/fns.crl"));
        files.put("/fns.crl", crl(TestPki.get().fnsCaKeys(), TestPki.get().fnsCa(), s.cert()).getEncoded());
        VerificationReport r = verify(s, fetcher(Duration.ofSeconds(5), 1 << 20));
        assertEquals(List.of("certificate.revocation"), r.failed(), r.checks().toString());
        assertTrue(revocation(r).message().contains("revoked"), revocation(r).message());
    }

    @Test
    void whatCannotBeFetchedOrTrustedLeavesRevocationUnknownAndTheSignatureUnverified() throws Exception {
        files.put("/garbage.crl", "not a CRL at all".getBytes(StandardCharsets.UTF_8));
        files.put("/big.crl", new byte[200_000]);
        files.put("/foreign.crl", crl(TestPki.get().rootCaKeys(), TestPki.get().rootCa(), null).getEncoded());
        files.put("/slow.crl", TestPki.get().crl().getEncoded());
        files.put("/trickle.crl", TestPki.get().crl().getEncoded());
        Map<String, String> expected = Map.of(
                "/missing.crl", "HTTP 404",
                "/garbage.crl", "could not be fetched or read",
                "/big.crl", "larger than",
                "/foreign.crl", "not signed by the certificate's issuer",
                "/slow.crl", "did not arrive within",
                // headers at once, the body a byte every 300 ms: the limit covers the body too
                "/trickle.crl", "did not arrive within");
        for (var e : expected.entrySet()) {
            boolean slow = e.getKey().equals("/slow.crl") || e.getKey().equals("/trickle.crl");
            delayMillis = slow ? 3000 : 0;
            // Only the slow case runs against a short deadline: a loaded CI machine must not turn
            // the other answers into time-outs.
            VerificationReport r = verify(signer(url(e.getKey())),
                    fetcher(slow ? Duration.ofMillis(400) : Duration.ofSeconds(15), 100_000));
            assertEquals(Verdict.REJECTED, r.verdict(), e.getKey());
            assertEquals(CheckResult.NOT_CHECKED, revocation(r).result(), e.getKey() + ": " + revocation(r));
            assertTrue(revocation(r).message().contains(e.getValue()), e.getKey() + ": " + revocation(r).message());
            assertTrue(r.failed().isEmpty(), "nothing else fails: " + r.checks());
        }
        VerificationReport offline = verify(signer(url("/fns.crl")), null);
        assertEquals(CheckResult.NOT_CHECKED, revocation(offline).result());
        assertEquals(Verdict.REJECTED, offline.verdict());
    }
}
