package dev.orgsign.core.verify;

import com.sun.net.httpserver.HttpServer;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OCSP answers from a real JDK HTTP server on an ephemeral port that builds them with
 * BouncyCastle: honest answers pass or fail as they say; every hostile or broken one (foreign
 * signer, responder not authorised, wrong certificate, stale, unknown, garbage, too big, too
 * slow, HTTP error, refusal) leaves revocation NOT_CHECKED with its own sentence and the
 * signature unverified; when OCSP gives no answer, the CRL at the distribution point decides.
 */
class OcspHostileResponderTest {
    private HttpServer server;
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private volatile Function<OCSPReq, byte[]> answer;
    private volatile int httpStatus = 200;
    private volatile long delayMillis;
    private volatile byte[] crl;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", exchange -> {
            ocspRequests.incrementAndGet();
            byte[] body;
            try {
                Thread.sleep(delayMillis);
                OCSPReq req = new OCSPReq(exchange.getRequestBody().readAllBytes());
                body = answer.apply(req);
            } catch (Exception e) {
                body = null;
            }
            if (body == null || httpStatus != 200) {
                exchange.sendResponseHeaders(httpStatus == 200 ? 500 : httpStatus, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.createContext("/fns.crl", exchange -> {
            byte[] body = crl;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
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

    /** How a test responder answers: who signs, which certificate id, which status and dates, whether the nonce is echoed. */
    private record Answer(PrivateKey key, X509Certificate respId, List<X509Certificate> certs, boolean wrongId,
                          CertificateStatus status, Instant thisUpdate, Instant nextUpdate, boolean echoNonce, byte[] nonce) {
        static Answer byIssuer(CertificateStatus status) {
            Instant now = Instant.now();
            return new Answer(TestPki.get().fnsCaKeys().getPrivate(), TestPki.get().fnsCa(), List.of(), false, status,
                    now.minusSeconds(10), now.plus(Duration.ofHours(1)), true, null);
        }

        static Answer byResponder(Credential responder, CertificateStatus status) {
            Answer a = byIssuer(status);
            return new Answer(responder.privateKey(), responder.certificate(), List.of(responder.certificate()), false, status,
                    a.thisUpdate(), a.nextUpdate(), true, null);
        }

        Answer dates(Instant thisUpdate, Instant nextUpdate) {
            return new Answer(key, respId, certs, wrongId, status, thisUpdate, nextUpdate, echoNonce, nonce);
        }

        Answer nonce(boolean echo, byte[] value) {
            return new Answer(key, respId, certs, wrongId, status, thisUpdate, nextUpdate, echo, value);
        }

        Answer otherCertificate() {
            return new Answer(key, respId, certs, true, status, thisUpdate, nextUpdate, echoNonce, nonce);
        }
    }

    private static Function<OCSPReq, byte[]> respond(Answer a) {
        return req -> {
            try {
                CertificateID asked = req.getRequestList()[0].getCertID();
                CertificateID id = a.wrongId() ? new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                        .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(TestPki.get().fnsCa()),
                        asked.getSerialNumber().add(java.math.BigInteger.ONE)) : asked;
                var b = new JcaBasicOCSPRespBuilder(a.respId().getPublicKey(),
                        new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
                b.addResponse(id, a.status(), Date.from(a.thisUpdate()), a.nextUpdate() == null ? null : Date.from(a.nextUpdate()));
                Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (a.nonce() != null) {
                    b.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new org.bouncycastle.asn1.DEROctetString(a.nonce()).getEncoded())));
                } else if (a.echoNonce() && nonce != null) {
                    b.setResponseExtensions(new Extensions(nonce));
                }
                List<X509CertificateHolder> chain = new ArrayList<>();
                for (X509Certificate c : a.certs()) {
                    chain.add(new JcaX509CertificateHolder(c));
                }
                BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(a.key()),
                        chain.toArray(X509CertificateHolder[]::new), new Date());
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Function<OCSPReq, byte[]> refuse(int status) {
        return req -> {
            try {
                return new OCSPRespBuilder().build(status, null).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private VerificationReport verify(OcspFixtures.Signer s, Duration timeout, int maxBytes) throws Exception {
        return OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(),
                new OnlineRevocation(new CrlFetcher(Duration.ofSeconds(15), 1 << 20, java.time.Clock.systemUTC()),
                        OcspFixtures.client(timeout, maxBytes)));
    }

    @Test
    void honestAnswersDecideAndGoodOnesAreCached() throws Exception {
        OcspFixtures.Signer s = OcspFixtures.signer(url("/ocsp"), null);
        answer = respond(Answer.byIssuer(CertificateStatus.GOOD));
        OnlineRevocation online = new OnlineRevocation(null, OcspFixtures.client(Duration.ofSeconds(15), 100_000));
        VerificationReport r = OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(), online);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertTrue(OcspFixtures.revocation(r).message().startsWith("Not revoked according to the OCSP responder " + url("/ocsp")));
        assertEquals(Verdict.VERIFIED, OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(), online).verdict());
        assertEquals(1, ocspRequests.get(), "a GOOD answer is reused within its maximum age");

        OnlineRevocation noCache = new OnlineRevocation(null, new OcspClient(Duration.ofSeconds(15), 100_000, Duration.ZERO));
        OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(), noCache);
        OcspFixtures.verifyContent(s, OcspFixtures.trustWithoutCrls(), noCache);
        assertEquals(3, ocspRequests.get(), "with a zero maximum age every verification asks");

        Credential delegated = TestPki.get().ocspResponder(true, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
        answer = respond(Answer.byResponder(delegated, CertificateStatus.GOOD).nonce(false, null));
        assertEquals(Verdict.VERIFIED, verify(OcspFixtures.signer(url("/ocsp"), null), Duration.ofSeconds(15), 100_000).verdict(),
                "a delegated responder's answer without a nonce but with a current nextUpdate is accepted");

        Instant revokedAt = Instant.now().minusSeconds(600);
        answer = respond(Answer.byResponder(delegated, new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise)));
        VerificationReport revoked = verify(OcspFixtures.signer(url("/ocsp"), null), Duration.ofSeconds(15), 100_000);
        assertEquals(List.of("certificate.revocation"), revoked.failed(), revoked.checks().toString());
        String m = OcspFixtures.revocation(revoked).message();
        assertTrue(m.contains("revoked on " + revokedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                && m.contains("key compromise"), m);

        // Signed two hours ago, revoked ten minutes ago: the signature predates the revocation, yet the
        // certificate is revoked now, and that fails — the same as a CRL entry.
        VerificationReport earlier = OcspFixtures.verifyContent(OcspFixtures.signer(url("/ocsp"), null),
                OcspFixtures.trustWithoutCrls(), new OnlineRevocation(null, OcspFixtures.client(Duration.ofSeconds(15), 100_000)),
                Instant.now().minus(Duration.ofHours(2)));
        assertEquals(List.of("certificate.revocation"), earlier.failed(), earlier.checks().toString());
    }

    @Test
    void everyHostileOrBrokenAnswerLeavesRevocationUnknown() throws Exception {
        Instant now = Instant.now();
        Credential noEku = TestPki.get().ocspResponder(false, now.minusSeconds(3600), now.plusSeconds(3600));
        Credential expired = TestPki.get().ocspResponder(true, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        KeyPair stranger = ecKeys();
        Credential foreignResponder = new Credential(stranger.getPrivate(), noEku.certificate(), List.of());
        // A responder certificate with id-kp-OCSPSigning, but issued by the root, not by the certificate's issuer.
        Credential rootIssued = rootIssuedResponder();
        byte[] garbage = "<html>not OCSP</html>".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[300_000];

        Map<String, Runnable> setups = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        setups.put("unrelated key", () -> answer = respond(new Answer(stranger.getPrivate(), TestPki.get().fnsCa(), List.of(),
                false, CertificateStatus.GOOD, now.minusSeconds(10), now.plusSeconds(3600), true, null)));
        expected.put("unrelated key", "is not signed by the certificate's issuer nor by a responder certificate the issuer authorised");
        setups.put("foreign key, responder certificate attached", () -> answer = respond(
                Answer.byResponder(foreignResponder, CertificateStatus.GOOD)));
        expected.put("foreign key, responder certificate attached", "is not signed by the certificate's issuer nor by");
        setups.put("responder without id-kp-OCSPSigning", () -> answer = respond(Answer.byResponder(noEku, CertificateStatus.GOOD)));
        expected.put("responder without id-kp-OCSPSigning", "lacks id-kp-OCSPSigning");
        setups.put("expired responder", () -> answer = respond(Answer.byResponder(expired, CertificateStatus.GOOD)));
        expected.put("expired responder", "which is not valid now");
        setups.put("responder issued by another CA", () -> answer = respond(Answer.byResponder(rootIssued, CertificateStatus.GOOD)));
        expected.put("responder issued by another CA", "which the certificate's issuer did not issue");
        setups.put("wrong CertID", () -> answer = respond(Answer.byIssuer(CertificateStatus.GOOD).otherCertificate()));
        expected.put("wrong CertID", "is about another certificate");
        setups.put("stale nextUpdate", () -> answer = respond(Answer.byIssuer(CertificateStatus.GOOD)
                .dates(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))));
        expected.put("stale nextUpdate", "expired on");
        setups.put("thisUpdate in the future", () -> answer = respond(Answer.byIssuer(CertificateStatus.GOOD)
                .dates(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))));
        expected.put("thisUpdate in the future", "in the future");
        setups.put("wrong nonce", () -> answer = respond(Answer.byIssuer(CertificateStatus.GOOD).nonce(false, new byte[16])));
        expected.put("wrong nonce", "carries a nonce other than the one sent");
        setups.put("old answer without nonce or nextUpdate", () -> answer = respond(Answer.byIssuer(CertificateStatus.GOOD)
                .dates(now.minus(Duration.ofMinutes(30)), null).nonce(false, null)));
        expected.put("old answer without nonce or nextUpdate", "it may be a replay");
        setups.put("status unknown", () -> answer = respond(Answer.byIssuer(new UnknownStatus())));
        expected.put("status unknown", "does not know the certificate (status unknown)");
        setups.put("garbage", () -> answer = req -> garbage);
        expected.put("garbage", "cannot be read as an OCSP response");
        setups.put("oversized", () -> answer = req -> huge);
        expected.put("oversized", "is larger than 100000 bytes");
        setups.put("slow", () -> {
            answer = respond(Answer.byIssuer(CertificateStatus.GOOD));
            delayMillis = 3000;
        });
        expected.put("slow", "did not answer within 400 ms");
        setups.put("HTTP 500", () -> httpStatus = 500);
        expected.put("HTTP 500", "answered HTTP 500");
        setups.put("tryLater", () -> answer = refuse(OCSPRespBuilder.TRY_LATER));
        expected.put("tryLater", "refused to answer ('tryLater')");
        setups.put("unauthorized", () -> answer = refuse(OCSPRespBuilder.UNAUTHORIZED));
        expected.put("unauthorized", "refused to answer ('unauthorized')");

        for (var e : setups.entrySet()) {
            delayMillis = 0;
            httpStatus = 200;
            e.getValue().run();
            boolean slow = e.getKey().equals("slow");
            // Only the slow case runs against a short deadline, so that a loaded machine does not turn the others into time-outs.
            VerificationReport r = verify(OcspFixtures.signer(url("/ocsp"), null), slow ? Duration.ofMillis(400) : Duration.ofSeconds(15),
                    100_000);
            Check c = OcspFixtures.revocation(r);
            assertEquals(Verdict.REJECTED, r.verdict(), e.getKey());
            assertEquals(CheckResult.NOT_CHECKED, c.result(), e.getKey() + ": " + c);
            assertTrue(c.message().contains(expected.get(e.getKey())), e.getKey() + ": " + c.message());
            assertTrue(c.message().endsWith("Revocation is unknown."), e.getKey() + ": " + c.message());
            assertTrue(r.failed().isEmpty(), e.getKey() + ": nothing else fails: " + r.checks());
            ReportLanguages.assertOneLanguage(r, e.getKey());
            assertTrue(c.message(ReportLanguages.RUSSIAN).endsWith("Отозван ли сертификат, неизвестно."),
                    e.getKey() + ": " + c.message(ReportLanguages.RUSSIAN));
        }
    }

    private static Credential rootIssuedResponder() throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(TestPki.get().rootCa(),
                java.math.BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(3600)),
                new javax.security.auth.x500.X500Principal("CN=Root-issued OCSP responder"), keys.getPublic());
        b.addExtension(Extension.extendedKeyUsage, false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning));
        X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(TestPki.get().rootCaKeys().getPrivate())));
        return new Credential(keys.getPrivate(), cert, List.of(cert));
    }

    @Test
    void whenOcspGivesNoAnswerTheCrlAtTheDistributionPointDecides() throws Exception {
        httpStatus = 500;
        crl = TestPki.get().crl().getEncoded();
        VerificationReport r = verify(OcspFixtures.signer(url("/ocsp"), url("/fns.crl")), Duration.ofSeconds(15), 100_000);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertTrue(OcspFixtures.revocation(r).message().contains("fetched from " + url("/fns.crl")),
                OcspFixtures.revocation(r).message());

        httpStatus = 200;
        answer = respond(Answer.byIssuer(new UnknownStatus()));
        OcspFixtures.Signer listed = OcspFixtures.signer(url("/ocsp"), url("/fns.crl"));
        Instant now = Instant.now();
        var b = new JcaX509v2CRLBuilder(TestPki.get().fnsCa(), Date.from(now.minusSeconds(60)));
        b.setNextUpdate(Date.from(now.plusSeconds(3600)));
        b.addCRLEntry(listed.cert().getSerialNumber(), Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
        crl = new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(TestPki.get().fnsCaKeys().getPrivate()))).getEncoded();
        VerificationReport revoked = verify(listed, Duration.ofSeconds(15), 100_000);
        assertEquals(List.of("certificate.revocation"), revoked.failed(), revoked.checks().toString());
        assertTrue(OcspFixtures.revocation(revoked).message().contains("according to the CRL at " + url("/fns.crl")),
                OcspFixtures.revocation(revoked).message());

        crl = null;
        VerificationReport neither = verify(OcspFixtures.signer(url("/ocsp"), url("/fns.crl")), Duration.ofSeconds(15), 100_000);
        String m = OcspFixtures.revocation(neither).message();
        assertEquals(CheckResult.NOT_CHECKED, OcspFixtures.revocation(neither).result());
        assertTrue(m.contains("status unknown") && m.contains("HTTP 404"), "both sources are named: " + m);
    }

    @Test
    void aCurrentOfflineCrlDecidesWithoutAskingOnline() throws Exception {
        answer = respond(Answer.byIssuer(CertificateStatus.GOOD));
        OcspFixtures.Signer s = OcspFixtures.signer(url("/ocsp"), url("/fns.crl"));
        VerificationReport r = OcspFixtures.verifyContent(s, new TrustMaterial(List.of(TestPki.get().rootCa()),
                List.of(TestPki.get().crl())), OnlineRevocation.defaults());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertTrue(OcspFixtures.revocation(r).message().startsWith("The certificate is not on the issuer's CRL of"));
        assertEquals(0, ocspRequests.get());
    }
}
