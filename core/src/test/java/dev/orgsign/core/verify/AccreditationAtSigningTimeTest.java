package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import dev.orgsign.testcerts.TimestampAuthority;
import dev.orgsign.testcerts.TrustListFixtures;
import dev.orgsign.testcerts.TrustListFixtures.Centre;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * certificate.qualified with the list of accredited certification centres: the issuing centre must have
 * been accredited at the time that counts — a verified timestamp's (a real openssl TSA, backdated with
 * faketime), else the signing time — and when it issued the certificate.
 */
class AccreditationAtSigningTimeTest {
    private static final TrustListFixtures F = TrustListFixtures.get();
    private static final Instant NOW = F.now();
    private static TimestampAuthority twentyDaysAgo;
    private static TimestampAuthority fiftyDaysAgo;
    private static TrustMaterial trust;
    private static Path dir;

    @BeforeAll
    static void start(@TempDir Path d) throws Exception {
        dir = d;
        twentyDaysAgo = TimestampAuthority.startBackdated(F.archiveTsa(), d.resolve("tsa20"), Duration.ofDays(20));
        fiftyDaysAgo = TimestampAuthority.startBackdated(F.archiveTsa(), d.resolve("tsa50"), Duration.ofDays(50));
        TrustList list = TrustList.load(F.write(F.list(), d.resolve("tsl.xml"), true), F.listSigner().certificate());
        List<X509CRL> crls = List.of(TestPki.get().crl(), F.crl(Centre.ENDED), F.crl(Centre.SUSPENDED), F.crl(Centre.UNKNOWN));
        trust = new TrustMaterial(List.of(), crls, List.of()).withTrustList(list);
    }

    @AfterAll
    static void stop() {
        twentyDaysAgo.close();
        fiftyDaysAgo.close();
    }

    private static Credential head(Centre c, Instant from) {
        return F.issue(c, TestPki.get().person(Persona.LLC_HEAD), KeyKind.GOST_256, from, NOW.plus(Duration.ofDays(300)));
    }

    /** A registration of the LLC's head signed with {@code c} at {@code at}, timestamped by {@code tsa} (or not). */
    private static byte[][] sign(Credential c, Instant at, TimestampAuthority tsa) throws Exception {
        QualifiedCertificate q = QualifiedCertificate.parse(c.certificate());
        String ogrn = Fixtures.LLC.ogrn();
        byte[] payload = PayloadCodec.canonicalBytes(PayloadDraft.from(q, new AuthorityCheck(SignedRegistrations.REGISTRY)
                .decide(q, OrganizationType.LLC, ogrn), OrganizationType.LLC, ogrn, SignedRegistrations.REGISTRY,
                "buh@romashka.test", "+74951234567", "Главный бухгалтер", Clock.fixed(at, ZoneOffset.UTC)));
        Path p12 = Files.write(Files.createTempFile(dir, "head", ".p12"), TestPkiWriter.pkcs12(Persona.LLC_HEAD, c));
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12, "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            RegistrationSigner signer = new RegistrationSigner(Clock.fixed(at, ZoneOffset.UTC),
                    tsa == null ? null : dev.orgsign.core.verify.TimestampClient.of(URI.create(tsa.url())));
            return new byte[][] {payload, signer.sign(payload, token, token.keys().get(0))};
        }
    }

    /** A registration's report; each of its checks said in Russian and in English, neither mixed with the other. */
    private static VerificationReport registration(byte[][] s) {
        VerificationReport r = new SignatureVerifier(trust, SignedRegistrations.REGISTRY).verify(s[0], s[1]);
        ReportLanguages.assertOneLanguage(r.check("certificate.qualified").orElseThrow(), "registration");
        return r;
    }

    private static VerificationReport document(byte[][] s) {
        VerificationReport r = new DocumentVerifier(trust, Clock.systemUTC(), null).verify(s[0], s[1]).report();
        ReportLanguages.assertOneLanguage(r.check("certificate.qualified").orElseThrow(), "document");
        return r;
    }

    @Test
    void aSignatureAfterTheCentreLostItsAccreditationIsNotQualifiedAndTheSentenceNamesCentreAndDate() throws Exception {
        Credential c = head(Centre.ENDED, NOW.minus(Duration.ofDays(100)));
        VerificationReport r = registration(sign(c, Instant.now(), null));
        Check q = r.check("certificate.qualified").orElseThrow();
        assertEquals(CheckResult.FAILED, q.result(), r.checks().toString());
        String endDay = NOW.minus(TrustListFixtures.ENDED_AGO).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertTrue(q.message().startsWith("The certification centre 'Тестовый УЦ с прекращённой аккредитацией (ОГРН 1027700000031)'"
                + " that issued the certificate was not accredited at the time of signing, "), q.message());
        assertTrue(q.message().contains("its accreditation ended on " + endDay + " (status 'Прекращена')"), q.message());
        assertEquals(List.of("certificate.qualified"), r.failed(), "chain, validity, revocation, authority all pass: " + r.checks());
        assertEquals(Verdict.REJECTED, r.verdict());
    }

    @Test
    void theSameCertificateUsedBeforeTheEndPassesWhenATimestampProvesTheTime() throws Exception {
        Credential c = head(Centre.ENDED, NOW.minus(Duration.ofDays(100)));
        VerificationReport r = document(sign(c, Instant.now().minus(Duration.ofDays(20)).minus(Duration.ofMinutes(5)), twentyDaysAgo));
        assertEquals(CheckResult.PASSED, r.check("signature.timestamp").orElseThrow().result(), r.checks().toString());
        Check q = r.check("certificate.qualified").orElseThrow();
        assertEquals(CheckResult.PASSED, q.result(), r.checks().toString());
        assertTrue(q.message().contains("'Тестовый УЦ с прекращённой аккредитацией (ОГРН 1027700000031)' that issued the "
                + "certificate was accredited at the time of signing"), q.message());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());

        VerificationReport claimedOnly = document(sign(c, Instant.now().minus(Duration.ofDays(20)), null));
        assertEquals(CheckResult.PASSED, claimedOnly.check("certificate.qualified").orElseThrow().result(),
                "without a timestamp the signing time the signer claims is the time that counts");
    }

    @Test
    void aSuspendedAndRestoredCentreCountsForTheTimeItWasAccredited() throws Exception {
        Credential c = head(Centre.SUSPENDED, NOW.minus(Duration.ofDays(100)));
        VerificationReport now = registration(sign(c, Instant.now(), null));
        assertEquals(Verdict.VERIFIED, now.verdict(), now.checks().toString());
        assertTrue(now.check("certificate.qualified").orElseThrow().message().contains("(status 'Действует' since "),
                now.checks().toString());

        VerificationReport during = document(sign(c, Instant.now().minus(Duration.ofDays(50)).minus(Duration.ofMinutes(5)),
                fiftyDaysAgo));
        Check q = during.check("certificate.qualified").orElseThrow();
        assertEquals(CheckResult.FAILED, q.result(), during.checks().toString());
        assertTrue(q.message().contains("its accreditation was suspended on ") && q.message().contains("'Приостановлена'"),
                q.message());

        Credential issuedWhileSuspended = head(Centre.SUSPENDED, NOW.minus(Duration.ofDays(50)));
        VerificationReport later = registration(sign(issuedWhileSuspended, Instant.now(), null));
        Check q2 = later.check("certificate.qualified").orElseThrow();
        assertEquals(CheckResult.FAILED, q2.result(), later.checks().toString());
        assertTrue(q2.message().contains("but not when it issued the certificate on "), q2.message());
    }

    @Test
    void aCentreOutsideTheListIsNotQualifiedThoughItsChainIsTrusted() throws Exception {
        VerificationReport r = registration(sign(head(Centre.UNKNOWN, NOW.minus(Duration.ofDays(1))), Instant.now(), null));
        assertEquals(CheckResult.PASSED, r.check("certificate.chain").orElseThrow().result(), r.checks().toString());
        Check q = r.check("certificate.qualified").orElseThrow();
        assertEquals(CheckResult.FAILED, q.result());
        assertEquals("The certification centre that issued the certificate ('Тестовый УЦ вне перечня') is not in the list of "
                + "accredited certification centres, so the certificate is not qualified.", q.message());
    }

    @Test
    void withoutTheListOnlyTheProfileMarkersCount() throws Exception {
        TrustMaterial noList = new TrustMaterial(trust.anchors(), trust.crls(), List.of());
        byte[][] s = sign(head(Centre.ENDED, NOW.minus(Duration.ofDays(100))), Instant.now(), null);
        VerificationReport r = new SignatureVerifier(noList, SignedRegistrations.REGISTRY).verify(s[0], s[1]);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
    }

    @Test
    void theListsCrlAddressServesOnlineRevocationWhereTheCertificateNamesNone(@TempDir Path d) throws Exception {
        byte[] crl = F.crl(Centre.SUSPENDED).getEncoded();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/suspended.crl", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            ex.sendResponseHeaders(200, crl.length);
            ex.getResponseBody().write(crl);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/suspended.crl";
            TrustList list = TrustList.read(F.list(Map.of(Centre.SUSPENDED, url)).unsigned(), "tsl.xml", null);
            TrustMaterial online = new TrustMaterial(List.of(), List.of(), List.of()).withTrustList(list);
            Credential c = F.issue(Centre.SUSPENDED, TestPki.get().person(Persona.LLC_HEAD), KeyKind.GOST_256,
                    NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), false);
            assertTrue(CrlFetcher.distributionPoints(c.certificate()).isEmpty());
            byte[][] s = sign(c, Instant.now(), null);
            VerificationReport r = new DocumentVerifier(online, Clock.systemUTC(),
                    new OnlineRevocation(CrlFetcher.defaults(), null)).verify(s[0], s[1]).report();
            Check rev = r.check("certificate.revocation").orElseThrow();
            assertEquals(CheckResult.PASSED, rev.result(), r.checks().toString());
            assertTrue(rev.message().contains("fetched from " + url + " (an address the list of accredited certification centres "
                    + "gives for the issuer)"), rev.message());
            assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        } finally {
            server.stop(0);
        }
        assertTrue(new String(F.list().unsigned(), StandardCharsets.UTF_8).contains("crl.orgsign.invalid"));
    }
}
