package dev.orgsign.samples;

import dev.orgsign.core.SignedRegistration;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SubmitAndWait against the verification service started embedded on an ephemeral port. */
class ServiceSamplesTest {
    private static Path pki;
    private static VerificationServer service;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pki = TestWorld.write(dir);
        service = TestWorld.service(pki);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static SampleProcess.Result signAndSubmit(Persona persona, Path out) throws Exception {
        var signed = SampleProcess.run(SignWithPkcs12.class, Map.of("ORGSIGN_KEYSTORE_PASSWORD", TestPki.STORE_PASSWORD),
                pki.resolve("personas").resolve(persona.slug()).resolve(KeyKind.EC_P256.slug() + ".p12").toString(), "LLC",
                Fixtures.LLC.ogrn(), pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        return SampleProcess.run(SubmitAndWait.class, Map.of(), out.resolve(SignedRegistration.PAYLOAD_FILE).toString(),
                out.resolve(SignedRegistration.SIGNATURE_FILE).toString(), service.uri().toString(), "60");
    }

    @Test
    void theHeadsRegistrationIsVerifiedByTheService(@TempDir Path out) throws Exception {
        var r = signAndSubmit(Persona.LLC_HEAD, out);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s)Submitted: [A-Za-z0-9-]+ \\(PENDING\\)\nPoll 1: .*"), r.toString());
        assertTrue(r.out().contains("\nVerdict: VERIFIED\n"), r.toString());
        assertEquals(11, r.out().lines().filter(l -> l.startsWith("  PASSED ")).count(), r.toString());
    }

    @Test
    void aRevokedCertificateIsRejectedByTheService(@TempDir Path out) throws Exception {
        var r = signAndSubmit(Persona.REVOKED, out).withoutStackTrace();
        assertEquals(5, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\nVerdict: REJECTED\n") && r.out().contains("  FAILED certificate.revocation: "),
                r.toString());
    }

    @Test
    void anUnreachableServiceIsExitCodeSixAndASentence(@TempDir Path out) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var signed = SampleProcess.run(SignWithPkcs12.class, Map.of("ORGSIGN_KEYSTORE_PASSWORD", TestPki.STORE_PASSWORD),
                pki.resolve("personas/llc-head/ec-p256.p12").toString(), "LLC", Fixtures.LLC.ogrn(),
                pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        var r = SampleProcess.run(SubmitAndWait.class, Map.of(), out.resolve(SignedRegistration.PAYLOAD_FILE).toString(),
                out.resolve(SignedRegistration.SIGNATURE_FILE).toString(), "http://127.0.0.1:" + port + "/", "5")
                .withoutStackTrace();
        assertEquals(6, r.exitCode(), r.toString());
        assertTrue(r.err().contains("127.0.0.1:" + port), r.toString());
    }
}
