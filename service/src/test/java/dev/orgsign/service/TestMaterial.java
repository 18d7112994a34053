package dev.orgsign.service;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The test PKI on disk for the service, and registrations signed by personas. */
final class TestMaterial {
    static final Path DIR;
    static final Registry REGISTRY;
    static final TrustMaterial TRUST;

    static {
        try {
            DIR = Files.createTempDirectory("orgsign-service-pki-");
            TestPkiWriter.write(TestPki.get(), DIR);
            REGISTRY = FnsExtractRegistry.load(DIR.resolve("registry/windows-1251"));
            TRUST = TrustMaterial.load(DIR.resolve("trust"), List.of(DIR.resolve("crl")));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    record Signed(byte[] payload, byte[] signature, String email) {
    }

    private TestMaterial() {
    }

    static ServiceConfig.Builder config(Path data) {
        return ServiceConfig.builder().dataDir(data).trust(DIR.resolve("trust")).crls(List.of(DIR.resolve("crl")))
                .registry(DIR.resolve("registry/utf-8"));
    }

    /**
     * Limits wide enough for tests that pour a thousand submissions from one client to one
     * recipient (the crash and two-instance tests, the benchmark): what they test is not the limits.
     */
    static ServiceConfig.Builder bulk(ServiceConfig.Builder b) {
        return b.perClient(new Rate(1_000_000, Duration.ofSeconds(1))).perRecipient(new Rate(1_000_000, Duration.ofSeconds(1)));
    }

    /** An operator API key, random per call, whose hash is written to {@code file} (named "test-operator"). */
    static String operatorKey(Path file) throws java.io.IOException {
        String key = ApiKeys.newToken();
        Files.writeString(file, "# operator keys of a test\nsha256:" + ApiKeys.sha256(key) + " test-operator\n");
        return key;
    }

    static SignatureVerifier inProcessVerifier() {
        return new SignatureVerifier(TRUST, REGISTRY);
    }

    /** The organization type and OGRN a persona claims. */
    static OrganizationType typeOf(Persona p) {
        return p == Persona.IE ? OrganizationType.IE : p == Persona.GOV_HEAD ? OrganizationType.GOV : OrganizationType.LLC;
    }

    static String idOf(Persona p) {
        return p == Persona.IE ? Fixtures.IE.ogrn() : p == Persona.GOV_HEAD ? Fixtures.GOV.ogrn() : Fixtures.LLC.ogrn();
    }

    /** A persona's registration, signed with its P-256 key, contact {@code <slug>@romashka.test}. */
    static Signed sign(Persona persona) throws Exception {
        return sign(persona, KeyKind.EC_P256, persona.slug() + "@romashka.test");
    }

    static Signed sign(Persona persona, KeyKind kind, String email) throws Exception {
        QualifiedCertificate q = QualifiedCertificate.parse(TestPki.get().credential(persona, kind).certificate());
        RegistrationPayload p = PayloadDraft.from(q, typeOf(persona), idOf(persona), REGISTRY, email, "+74951234567",
                "Главный бухгалтер", Clock.systemUTC());
        return sign(persona, kind, PayloadCodec.canonicalBytes(p), email);
    }

    static Signed sign(Persona persona, KeyKind kind, byte[] payload, String email) throws Exception {
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12(persona, kind), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey key = token.keys().get(0);
            return new Signed(payload, new RegistrationSigner().sign(payload, token, key), email);
        }
    }

    /** Many distinct registrations by the LLC head (P-256), each with its own request id, signed with one login. */
    static List<Signed> batch(int n) throws Exception {
        QualifiedCertificate q = QualifiedCertificate.parse(TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate());
        RegistrationPayload base = PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(), REGISTRY,
                "batch@romashka.test", "+74951234567", null, Clock.systemUTC());
        java.util.ArrayList<Signed> out = new java.util.ArrayList<>();
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12(Persona.LLC_HEAD, KeyKind.EC_P256), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey key = token.keys().get(0);
            RegistrationSigner signer = new RegistrationSigner();
            for (int i = 0; i < n; i++) {
                RegistrationPayload p = new RegistrationPayload(UUID.randomUUID(), base.createdAt(), base.organization(),
                        base.head(), base.contact());
                byte[] bytes = PayloadCodec.canonicalBytes(p);
                out.add(new Signed(bytes, signer.sign(bytes, token, key), base.contact().email()));
            }
        }
        return out;
    }

    static Path p12(Persona persona, KeyKind kind) {
        return DIR.resolve("personas").resolve(persona.slug()).resolve(kind.slug() + ".p12");
    }
}
