package dev.orgsign.service;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OcspResponder;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service with {@code onlineRevocation(true)} and no CRL: the OCSP responder the signer's
 * certificate names (a real HTTP server for the test FNS CA) decides revocation.
 */
class OnlineRevocationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theServiceAsksTheOcspResponderWhenOnline(@TempDir Path data) throws Exception {
        try (OcspResponder responder = OcspResponder.start(TestPki.get())) {
            Credential good = TestPki.get().issue(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, responder.url(), null);
            Credential revoked = TestPki.get().issue(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, responder.url(), null);
            responder.revoke(revoked.certificate().getSerialNumber(), Instant.now().minusSeconds(3600));
            ServiceConfig config = TestMaterial.config(data).crls(List.of()).onlineRevocation(true).build();
            try (VerificationServer server = VerificationServer.start(config)) {
                VerificationClient client = new VerificationClient(server.uri());
                TestMaterial.Signed a = sign(good);
                TestMaterial.Signed b = sign(revoked);
                Submission verified = client.await(client.submit(a.payload(), a.signature()), WAIT, (w, x, y, z) -> { });
                Submission rejected = client.await(client.submit(b.payload(), b.signature()), WAIT, (w, x, y, z) -> { });
                assertEquals(Verdict.VERIFIED, verified.verdict(), verified.checks().toString());
                assertTrue(revocation(verified).message().contains("OCSP responder " + responder.url()), revocation(verified).message());
                assertEquals(Verdict.REJECTED, rejected.verdict());
                assertEquals(CheckResult.FAILED, revocation(rejected).result(), revocation(rejected).message());
            }
        }
    }

    @Test
    void offlineByDefault() {
        assertTrue(!ServiceConfig.builder().dataDir(Path.of("d")).trust(Path.of("t")).registry(Path.of("r")).build()
                .onlineRevocation());
    }

    private static Check revocation(Submission s) {
        return s.checks().stream().filter(c -> c.code().equals("certificate.revocation")).findFirst().orElseThrow();
    }

    private static TestMaterial.Signed sign(Credential c) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "x".toCharArray();
        ks.setKeyEntry("signer", c.privateKey(), pw, c.chain().toArray(X509Certificate[]::new));
        QualifiedCertificate q = QualifiedCertificate.parse(c.certificate());
        byte[] payload = PayloadCodec.canonicalBytes(PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(),
                TestMaterial.REGISTRY, "online@romashka.test", "+74951234567", null, Clock.systemUTC()));
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofLoaded(ks, pw, "test keystore")) {
            return new TestMaterial.Signed(payload, new RegistrationSigner().sign(payload, token, token.keys().get(0)),
                    "online@romashka.test");
        }
    }
}
