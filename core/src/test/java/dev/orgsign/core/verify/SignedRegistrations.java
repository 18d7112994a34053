package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The test PKI on disk, and registrations signed by personas through PKCS#12 keystores. */
public final class SignedRegistrations {
    public static final Path DIR;
    public static final Registry REGISTRY;
    public static final TrustMaterial TRUST;

    static {
        try {
            DIR = Files.createTempDirectory("orgsign-verify-");
            TestPkiWriter.write(TestPki.get(), DIR);
            REGISTRY = FnsExtractRegistry.load(DIR.resolve("registry/windows-1251"));
            TRUST = TrustMaterial.load(DIR.resolve("trust"), List.of(DIR.resolve("crl")));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public record Signed(byte[] payload, byte[] signature) {
    }

    private SignedRegistrations() {
    }

    public static Path p12(Persona persona, KeyKind kind) {
        return DIR.resolve("personas").resolve(persona.slug()).resolve(kind.slug() + ".p12");
    }

    public static Signed sign(Persona persona, KeyKind kind, OrganizationType type, String claimedId, SignatureAlgorithm alg)
            throws Exception {
        byte[] payload = payload(persona, kind, type, claimedId);
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12(persona, kind), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey key = token.keys().get(0);
            RegistrationSigner signer = new RegistrationSigner();
            return new Signed(payload, alg == null ? signer.sign(payload, token, key) : signer.sign(payload, token, key, alg));
        }
    }

    /** Signs given payload bytes with a persona's keystore (e.g. a payload a test has altered before signing). */
    public static Signed signBytes(Persona persona, KeyKind kind, byte[] payload) throws Exception {
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12(persona, kind), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            return new Signed(payload, new RegistrationSigner().sign(payload, token, token.keys().get(0)));
        }
    }

    public static byte[] payload(Persona persona, KeyKind kind, OrganizationType type, String claimedId) throws Exception {
        QualifiedCertificate q = QualifiedCertificate.parse(TestPki.get().credential(persona, kind).certificate());
        AuthorityDecision decision = new dev.orgsign.core.authority.AuthorityCheck(REGISTRY).decide(q, type, claimedId);
        return PayloadCodec.canonicalBytes(PayloadDraft.from(q, decision, type, claimedId, REGISTRY,
                "buh@romashka.test", "+74951234567", "Главный бухгалтер", Clock.systemUTC()));
    }
}
