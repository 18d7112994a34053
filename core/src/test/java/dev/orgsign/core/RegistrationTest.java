package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fluent path over PKCS#12 keystores of the test personas. */
class RegistrationTest {
    private static final PinCallback PASSWORD = request -> TestPki.STORE_PASSWORD.toCharArray();
    private static Path pki;

    @BeforeAll
    static void writePki(@TempDir Path dir) throws Exception {
        pki = dir;
        TestPkiWriter.write(TestPki.get(), dir);
    }

    private static Path p12(Persona persona, KeyKind kind) {
        return pki.resolve("personas").resolve(persona.slug()).resolve(kind.slug() + ".p12");
    }

    @Test
    void theHeadSignsAndTheRegistrationVerifies(@TempDir Path out) throws Exception {
        try (KeyStoreSigningToken token = Orgsign.keystore(p12(Persona.LLC_HEAD, KeyKind.GOST_256))) {
            SignedRegistration signed = Orgsign.registration(token)
                    .login(PASSWORD)
                    .organization(OrganizationType.LLC, Fixtures.LLC.ogrn())
                    .registry(pki.resolve("registry/windows-1251"))
                    .contact("buh@romashka.test", "+74951234567")
                    .sign();
            assertEquals(AuthorityDecision.Outcome.ENTITLED, signed.decision().outcome());
            assertEquals(Fixtures.LLC.inn(), signed.payload().organization().inn());
            Path json = signed.writeTo(out);
            assertArrayEquals(signed.canonicalPayload(), Files.readAllBytes(json));
            assertTrue(PayloadCodec.isCanonical(Files.readAllBytes(json)));
            SignatureVerifier verifier = Orgsign.verifier(pki.resolve("trust"), List.of(pki.resolve("crl")),
                    pki.resolve("registry/utf-8"));
            VerificationReport report = verifier.verify(Files.readAllBytes(json),
                    Files.readAllBytes(out.resolve(SignedRegistration.SIGNATURE_FILE)));
            assertEquals(Verdict.VERIFIED, report.verdict(), report.checks().toString());
        }
    }

    @Test
    void anEmployeeIsRefusedBeforeAnythingIsSigned() throws Exception {
        try (KeyStoreSigningToken token = Orgsign.keystore(p12(Persona.LLC_EMPLOYEE, KeyKind.EC_P256))) {
            int[] signatures = {0};
            Registration r = Orgsign.registration(new CountingToken(token, signatures)).login(PASSWORD)
                    .organization(OrganizationType.LLC, Fixtures.LLC.ogrn())
                    .registry(pki.resolve("registry/utf-8"))
                    .contact("buh@romashka.test", null);
            NotEntitledException e = assertThrows(NotEntitledException.class, r::sign);
            assertEquals(ErrorCode.NOT_ENTITLED, e.code());
            assertTrue(e.decision().has("certificate.no-organization"), e.getMessage());
            assertTrue(e.getMessage().contains("power of attorney"), e.getMessage());
            assertEquals(0, signatures[0]);
        }
    }

    @Test
    void anOrganizationTheRegisterLacksIsUnknownNotEntitled(@TempDir Path partial) throws Exception {
        Files.copy(pki.resolve("registry/utf-8/egrip-" + Fixtures.IE.ogrn() + ".xml"), partial.resolve("egrip.xml"));
        try (KeyStoreSigningToken token = Orgsign.keystore(p12(Persona.LLC_HEAD, KeyKind.EC_P256))) {
            Registration r = Orgsign.registration(token).login(PASSWORD)
                    .organization(OrganizationType.LLC, Fixtures.LLC.ogrn()).registry(partial);
            NotEntitledException e = assertThrows(NotEntitledException.class, r::check);
            assertEquals(ErrorCode.AUTHORITY_UNKNOWN, e.code());
            assertTrue(e.decision().has("register.not-found"));
        }
    }

    @Test
    void aMistypedOgrnAndAMissingContactAreSaidPlainly() throws Exception {
        try (KeyStoreSigningToken token = Orgsign.keystore(p12(Persona.LLC_HEAD, KeyKind.EC_P256))) {
            Registration r = Orgsign.registration(token).login(PASSWORD).registry(pki.resolve("registry/utf-8"));
            assertEquals(ErrorCode.USAGE, assertThrows(OrgsignException.class, r::check).code());
            r.organization(OrganizationType.LLC, "1027700132196");
            assertEquals(ErrorCode.INVALID_IDENTIFIER, assertThrows(OrgsignException.class, r::check).code());
            r.organization(OrganizationType.LLC, Fixtures.LLC.ogrn()).contact("buh at romashka", null);
            OrgsignException e = assertThrows(OrgsignException.class, r::sign);
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertTrue(e.getMessage().contains("e-mail"), e.getMessage());
            r.contact(null, "8 (495) 123-45-67");
            SignedRegistration byCertificate = r.sign();
            assertEquals(TestPki.get().person(Persona.LLC_HEAD).email(), byCertificate.payload().contact().email(),
                    "without an address given, the verdict goes to the certificate's");
            assertEquals("+74951234567", byCertificate.payload().contact().phone(), "the usual spelling, normalized");
            OrgsignException k = assertThrows(OrgsignException.class, () -> r.key("no-such-key").signingKey());
            assertEquals(ErrorCode.KEY_NOT_FOUND, k.code());
            assertTrue(k.getMessage().contains("'llc-head'"), k.getMessage());
        }
    }

    @Test
    void aTokenHoldingOnlyTheLeafSignsWithTheCaCertificateGiven(@TempDir Path out) throws Exception {
        try (KeyStoreSigningToken keystore = Orgsign.keystore(p12(Persona.LLC_HEAD, KeyKind.EC_P256))) {
            keystore.login(PASSWORD);
            LeafOnlyToken token = new LeafOnlyToken(keystore);
            SignatureVerifier rootOnly = Orgsign.verifier(pki.resolve("trust/root-ca.pem"), List.of(pki.resolve("crl")),
                    pki.resolve("registry/utf-8"));
            SignedRegistration bare = Orgsign.registration(token).organization(OrganizationType.LLC, Fixtures.LLC.ogrn())
                    .registry(pki.resolve("registry/utf-8")).contact("buh@romashka.test", null).sign();
            VerificationReport without = bare.verify(rootOnly);
            assertEquals(List.of("certificate.chain"), without.failed(), without.checks().toString());
            dev.orgsign.core.verify.IssuerChain.Completion before = Orgsign.registration(token).chain();
            assertEquals(before.chain().get(0), before.missing(), "said before signing: the holder's issuer is missing");
            String problem = before.problem().in(java.util.Locale.ENGLISH);
            assertTrue(problem.contains("'Тестовый УЦ ФНС России'") && problem.contains("--ca"), problem);
            String russian = before.problem().in(java.util.Locale.forLanguageTag("ru"));
            assertTrue(russian.contains("«Тестовый УЦ ФНС России»") && russian.contains("--ca ФАЙЛ"), russian);

            SignedRegistration completed = Orgsign.registration(token).organization(OrganizationType.LLC, Fixtures.LLC.ogrn())
                    .registry(pki.resolve("registry/utf-8")).contact("buh@romashka.test", null)
                    .caCertificates(List.of(TestPki.get().fnsCa(), TestPki.get().credential(Persona.LLC_HEAD,
                            KeyKind.EC_P256).certificate()))
                    .sign();
            assertEquals(2, completed.key().chain().size(), "the holder's certificate is not repeated");
            VerificationReport with = completed.verify(rootOnly);
            assertEquals(Verdict.VERIFIED, with.verdict(), with.checks().toString());
        }
    }

    /** A real keystore whose keys show only the holder's certificate, as most hardware tokens do. */
    private record LeafOnlyToken(KeyStoreSigningToken inner) implements dev.orgsign.core.token.SigningToken {
        @Override public String description() { return inner.description(); }
        @Override public void login(PinCallback pins) throws OrgsignException { inner.login(pins); }
        @Override public List<dev.orgsign.core.token.TokenKey> keys() throws OrgsignException {
            return inner.keys().stream().map(k -> new dev.orgsign.core.token.TokenKey(k.id(), k.label(), k.certificate(),
                    List.of(k.certificate()), k.keyAlgorithm(), k.keySizeBits(), k.hasPrivateKey())).toList();
        }
        @Override public byte[] sign(dev.orgsign.core.token.TokenKey key, dev.orgsign.core.token.SignatureAlgorithm a,
                                     byte[] data) throws OrgsignException {
            return inner.sign(key, a, data);
        }
        @Override public void close() { inner.close(); }
    }

    /** Counts signatures made through a real token. */
    private record CountingToken(KeyStoreSigningToken inner, int[] count) implements dev.orgsign.core.token.SigningToken {
        @Override public String description() { return inner.description(); }
        @Override public void login(PinCallback pins) throws OrgsignException { inner.login(pins); }
        @Override public List<dev.orgsign.core.token.TokenKey> keys() throws OrgsignException { return inner.keys(); }
        @Override public byte[] sign(dev.orgsign.core.token.TokenKey key, dev.orgsign.core.token.SignatureAlgorithm a,
                                     byte[] data) throws OrgsignException {
            count[0]++;
            return inner.sign(key, a, data);
        }
        @Override public void close() { inner.close(); }
    }
}
