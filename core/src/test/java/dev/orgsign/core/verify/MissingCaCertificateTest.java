package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.FileServer;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token that holds only the holder's certificate makes a signature without its issuing CA's
 * certificate. Offline the chain check names where that certificate is published and how to
 * supply it; given as an intermediate ({@code --ca}) it completes the chain; online it is fetched
 * from the certificate's AIA caIssuers URL (a real HTTP server on loopback: DER or PKCS#7, bounded,
 * cached), and what cannot be fetched is said with the URL.
 */
class MissingCaCertificateTest {
    @TempDir
    Path dir;

    /** A registration signed by a key whose certificate names {@code url} for its issuer, the signature carrying the leaf only. */
    private SignedRegistrations.Signed signLeafOnly(String url) throws Exception {
        Credential c = TestPki.get().issueWithIssuerUrl(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, url);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("leaf-only", c.privateKey(), TestPki.STORE_PASSWORD.toCharArray(), new X509Certificate[] {c.certificate()});
        Path p12 = dir.resolve("leaf-only-" + System.nanoTime() + ".p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, TestPki.STORE_PASSWORD.toCharArray());
        }
        byte[] payload = PayloadCodec.canonicalBytes(PayloadDraft.from(QualifiedCertificate.parse(c.certificate()),
                OrganizationType.LLC, Fixtures.LLC.ogrn(), SignedRegistrations.REGISTRY, "buh@romashka.test", "+74951234567",
                null, Clock.systemUTC()));
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12, "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            byte[] sig = new RegistrationSigner().sign(payload, token, token.keys().get(0));
            assertEquals(1, new CMSSignedData(sig).getCertificates().getMatches(null).size(), "only the leaf is carried");
            return new SignedRegistrations.Signed(payload, sig);
        }
    }

    private static VerificationReport verify(SignedRegistrations.Signed s, TrustMaterial trust, IssuerFetcher fetcher) {
        return new SignatureVerifier(trust, SignedRegistrations.REGISTRY, RequestIdLedger.inMemory(), Clock.systemUTC(),
                java.time.Duration.ofDays(7), fetcher == null ? null : new OnlineRevocation(null, null, fetcher)).verify(s.payload(),
                s.signature());
    }

    @Test
    void offlineTheSentenceNamesTheUrlAndGivenAsCaTheChainIsBuilt() throws Exception {
        try (FileServer server = FileServer.start()) {
            String url = server.url("/crt/fns-ca.crt");
            SignedRegistrations.Signed s = signLeafOnly(url);
            VerificationReport offline = verify(s, SignedRegistrations.TRUST, null);
            assertEquals(List.of("certificate.chain"), offline.failed(), offline.checks().toString());
            String m = offline.check("certificate.chain").orElseThrow().message();
            assertTrue(m.startsWith("The certificate chain cannot be built: the certificate of 'Тестовый УЦ ФНС России', which "
                    + "issued 'ООО \"РОМАШКА\"', is missing; it is published at " + url
                    + ": give it with --ca FILE, or use --online to fetch it."), m);
            assertEquals(0, server.requests(), "offline, nothing is fetched");

            TrustMaterial withCa = SignedRegistrations.TRUST.withIntermediates(List.of(SignedRegistrations.DIR.resolve("ca/fns-ca.pem")));
            VerificationReport given = verify(s, withCa, null);
            assertEquals(Verdict.VERIFIED, given.verdict(), given.checks().toString());
        }
    }

    @Test
    void onlineTheIssuerIsFetchedFromItsAiaUrlOnceAsDerOrPkcs7() throws Exception {
        X509Certificate fnsCa = TestPki.get().fnsCa();
        CMSSignedDataGenerator certsOnly = new CMSSignedDataGenerator();
        certsOnly.addCertificates(new JcaCertStore(List.of(fnsCa)));
        byte[] p7c = certsOnly.generate(new CMSAbsentContent()).getEncoded();
        try (FileServer server = FileServer.start()) {
            for (String[] served : new String[][] {{"/crt/fns-ca.crt", "der"}, {"/crt/fns-ca.p7c", "p7c"}}) {
                String url = server.serve(served[0], served[1].equals("der") ? fnsCa.getEncoded() : p7c);
                SignedRegistrations.Signed s = signLeafOnly(url);
                IssuerFetcher fetcher = IssuerFetcher.defaults();
                int before = server.requests();
                VerificationReport online = verify(s, SignedRegistrations.TRUST, fetcher);
                assertEquals(Verdict.VERIFIED, online.verdict(), served[1] + ": " + online.checks());
                assertEquals(before + 1, server.requests());
                SignatureVerifier again = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY,
                        RequestIdLedger.inMemory(), Clock.systemUTC(), java.time.Duration.ofDays(7),
                        new OnlineRevocation(null, null, fetcher));
                assertEquals(Verdict.VERIFIED, again.verify(s.payload(), s.signature()).verdict());
                assertEquals(before + 1, server.requests(), "the fetched certificate is cached");
            }
        }
    }

    @Test
    void onlineWhatCannotBeFetchedIsSaidWithTheUrl() throws Exception {
        try (FileServer server = FileServer.start()) {
            String missing = server.url("/crt/nothing-here.crt");
            VerificationReport notFound = verify(signLeafOnly(missing), SignedRegistrations.TRUST, IssuerFetcher.defaults());
            String m = notFound.check("certificate.chain").orElseThrow().message();
            assertTrue(m.contains("is missing, and the one at " + missing + " could not be fetched (HTTP 404): give it with --ca FILE."), m);

            String wrong = server.serve("/crt/wrong.crt", TestPki.get().untrustedRoot().getEncoded());
            VerificationReport other = verify(signLeafOnly(wrong), SignedRegistrations.TRUST, IssuerFetcher.defaults());
            m = other.check("certificate.chain").orElseThrow().message();
            assertTrue(m.contains("is missing, and the file at " + wrong + " holds another certificate: give it with --ca FILE."), m);

            String big = server.serve("/crt/big.crt", new byte[64 * 1024]);
            VerificationReport tooLarge = verify(signLeafOnly(big), SignedRegistrations.TRUST,
                    new IssuerFetcher(java.time.Duration.ofSeconds(5), 16 * 1024, Clock.systemUTC()));
            m = tooLarge.check("certificate.chain").orElseThrow().message();
            assertTrue(m.contains("the one at " + big + " is larger than 16384 bytes and was not read"), m);
            assertEquals(Verdict.REJECTED, tooLarge.verdict());
        }
    }

    @Test
    void aChainThatLeadsToAnUntrustedRootSaysSo() throws Exception {
        var s = SignedRegistrations.sign(Persona.UNTRUSTED, KeyKind.EC_P256, OrganizationType.LLC, Fixtures.LLC.ogrn(), null);
        VerificationReport r = verify(s, SignedRegistrations.TRUST, null);
        String m = r.check("certificate.chain").orElseThrow().message();
        assertEquals("The certificate does not chain to a trusted root: it leads to the root 'Неизвестный УЦ', which is not "
                + "among the trust anchors given.", m);
    }

    @Test
    void aChainThatReachesTheRootButDoesNotValidateNamesTheFaultInEitherLanguage() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.security.KeyPair root = TestPki.get().rootCaKeys();
        org.bouncycastle.asn1.x500.X500Name rootName = org.bouncycastle.asn1.x500.X500Name.getInstance(
                TestPki.get().rootCa().getSubjectX500Principal().getEncoded());
        java.security.KeyPair caKeys = ecKeys();
        java.security.KeyPair leafKeys = ecKeys();
        org.bouncycastle.asn1.x500.X500Name caName = new org.bouncycastle.asn1.x500.X500Name("CN=Истёкший УЦ");
        org.bouncycastle.asn1.x500.X500Name leafName = new org.bouncycastle.asn1.x500.X500Name("CN=Иванов Иван");
        java.time.Duration day = java.time.Duration.ofDays(1);

        // an intermediate CA that had expired when the signature was made
        X509Certificate expiredCa = issue(rootName, root, caName, caKeys, now.minus(day.multipliedBy(30)), now.minus(day), true);
        X509Certificate leaf = issue(caName, caKeys, leafName, leafKeys, now.minus(day.multipliedBy(20)), now.plus(day), false);
        String english = IssuerChain.verify(List.of(leaf, expiredCa), SignedRegistrations.TRUST, now).in(java.util.Locale.ENGLISH);
        assertTrue(english.startsWith("The certificate's chain to the trusted root '") && english.contains("is not valid: the "
                + "certificate 'Истёкший УЦ' was not valid at " + now + " (valid "), english);
        String russian = IssuerChain.verify(List.of(leaf, expiredCa), SignedRegistrations.TRUST, now).in(ReportLanguages.RUSSIAN);
        assertTrue(russian.contains("недействительна: сертификат «Истёкший УЦ» не действовал в момент " + now), russian);
        assertEquals(List.of(), dev.orgsign.testcerts.Translations.englishWords(russian), russian);

        // an issuer that is no CA
        X509Certificate notCa = issue(rootName, root, caName, caKeys, now.minus(day.multipliedBy(30)), now.plus(day), false);
        dev.orgsign.core.Text why = IssuerChain.verify(List.of(leaf, notCa), SignedRegistrations.TRUST, now);
        assertTrue(why.in(java.util.Locale.ENGLISH).endsWith("the certificate 'Истёкший УЦ', which issued 'Иванов Иван', is not a CA "
                + "certificate."), why.in(java.util.Locale.ENGLISH));
        assertTrue(why.in(ReportLanguages.RUSSIAN).endsWith("сертификат «Истёкший УЦ», выпустивший сертификат «Иванов Иван», — не "
                + "сертификат удостоверяющего центра."), why.in(ReportLanguages.RUSSIAN));
    }

    private static java.security.KeyPair ecKeys() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate issue(org.bouncycastle.asn1.x500.X500Name issuer, java.security.KeyPair issuerKeys,
                                         org.bouncycastle.asn1.x500.X500Name subject, java.security.KeyPair keys,
                                         java.time.Instant from, java.time.Instant to, boolean ca) throws Exception {
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(issuer, java.math.BigInteger.valueOf(System.nanoTime()),
                java.util.Date.from(from), java.util.Date.from(to), subject, keys.getPublic());
        if (ca) {
            b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(true));
        }
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(issuerKeys.getPrivate())));
    }
}
