package dev.orgsign.samples;

import dev.orgsign.core.SignedRegistration;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples that need no token and no service: PKCS#12 signing, the authority check, offline verification. */
class OfflineSamplesTest {
    private static final Map<String, String> PASSWORD = Map.of("ORGSIGN_KEYSTORE_PASSWORD", TestPki.STORE_PASSWORD);
    private static final String LLC = Fixtures.LLC.ogrn();
    private static Path pki;

    @BeforeAll
    static void writePki(@TempDir Path dir) throws Exception {
        pki = dir;
        TestPkiWriter.write(TestPki.get(), dir);
    }

    private static String persona(Persona p, KeyKind k, String suffix) {
        return pki.resolve("personas").resolve(p.slug()).resolve(k.slug() + suffix).toString();
    }

    private static SampleProcess.Result verify(Path out) throws Exception {
        return SampleProcess.run(VerifyOffline.class, Map.of(), out.resolve(SignedRegistration.PAYLOAD_FILE).toString(),
                out.resolve(SignedRegistration.SIGNATURE_FILE).toString(), pki.resolve("trust").toString(),
                pki.resolve("crl/fns-ca.crl").toString(), pki.resolve("registry/windows-1251").toString());
    }

    @Test
    void theHeadSignsWithAGostPkcs12FileAndTheSignatureVerifiesOffline(@TempDir Path out) throws Exception {
        var signed = SampleProcess.run(SignWithPkcs12.class, PASSWORD, persona(Persona.LLC_HEAD, KeyKind.GOST_256, ".p12"),
                "LLC", LLC, pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        assertTrue(signed.out().contains("Authority: ENTITLED\n"), signed.toString());
        assertTrue(signed.out().contains("Signed with GOST3410_2012_256 key 'llc-head'"), signed.toString());
        assertTrue(signed.out().matches("(?s).*Request id: [0-9a-f-]{36}\n.*"), signed.toString());
        assertTrue(Files.size(out.resolve(SignedRegistration.SIGNATURE_FILE)) > 500);

        var verified = verify(out);
        assertEquals(0, verified.exitCode(), verified.toString());
        assertTrue(verified.out().startsWith("Verdict: VERIFIED\n"), verified.toString());
        assertEquals(11, verified.out().lines().filter(l -> l.startsWith("  PASSED ")).count(), verified.toString());
    }

    @Test
    void anEmployeeIsNotEntitledAndNothingIsWritten(@TempDir Path out) throws Exception {
        var r = SampleProcess.run(SignWithPkcs12.class, PASSWORD, persona(Persona.LLC_EMPLOYEE, KeyKind.EC_P256, ".p12"),
                "LLC", LLC, pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString())
                .withoutStackTrace();
        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("power of attorney") && r.err().contains("certificate.no-organization"), r.toString());
        assertFalse(Files.exists(out.resolve(SignedRegistration.PAYLOAD_FILE)));
    }

    @Test
    void aWrongKeystorePasswordIsATokenError(@TempDir Path out) throws Exception {
        var r = SampleProcess.run(SignWithPkcs12.class, Map.of("ORGSIGN_KEYSTORE_PASSWORD", "not-the-password"),
                persona(Persona.LLC_HEAD, KeyKind.EC_P256, ".p12"), "LLC", LLC, pki.resolve("registry/utf-8").toString(),
                "buh@romashka.test", out.toString()).withoutStackTrace();
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("password") && r.err().contains("incorrect"), r.toString());
        var missing = SampleProcess.run(SignWithPkcs12.class, Map.of(), persona(Persona.LLC_HEAD, KeyKind.EC_P256, ".p12"),
                "LLC", LLC, pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString()).withoutStackTrace();
        assertEquals(3, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("ORGSIGN_KEYSTORE_PASSWORD"), missing.toString());
    }

    @Test
    void aRevokedCertificateSignsButIsRejectedOnVerification(@TempDir Path out) throws Exception {
        var signed = SampleProcess.run(SignWithPkcs12.class, PASSWORD, persona(Persona.REVOKED, KeyKind.EC_P256, ".p12"),
                "LLC", LLC, pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        var r = verify(out).withoutStackTrace();
        assertEquals(5, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Verdict: REJECTED\n"), r.toString());
        assertTrue(r.out().contains("  FAILED certificate.revocation: "), r.toString());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("  FAILED ")).count(), r.toString());
    }

    @Test
    void aTamperedPayloadIsRejected(@TempDir Path out) throws Exception {
        var signed = SampleProcess.run(SignWithPkcs12.class, PASSWORD, persona(Persona.LLC_HEAD, KeyKind.RSA_2048, ".p12"),
                "LLC", LLC, pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        Path json = out.resolve(SignedRegistration.PAYLOAD_FILE);
        Files.writeString(json, Files.readString(json).replace("buh@romashka.test", "evil@romashka.test"));
        var r = verify(out).withoutStackTrace();
        assertEquals(5, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  FAILED signature.value: "), r.toString());
    }

    @Test
    void theAuthorityCheckSaysWhoMayRegister() throws Exception {
        String registry = pki.resolve("registry/windows-1251").toString();
        var head = SampleProcess.run(CheckAuthority.class, Map.of(), persona(Persona.LLC_HEAD, KeyKind.EC_P256, ".pem"),
                "LLC", LLC, registry);
        assertEquals(0, head.exitCode(), head.toString());
        assertTrue(head.out().contains("Signer: Фёдоров Алексей Петрович\nDecision: ENTITLED\n  signer.head: "), head.toString());

        var ie = SampleProcess.run(CheckAuthority.class, Map.of(), persona(Persona.IE, KeyKind.GOST_256, ".pem"),
                "IE", Fixtures.IE.ogrn(), registry);
        assertEquals(0, ie.exitCode(), ie.toString());
        assertTrue(ie.out().contains("Decision: ENTITLED\n  signer.entrepreneur: "), ie.toString());

        var former = SampleProcess.run(CheckAuthority.class, Map.of(), persona(Persona.LLC_FORMER_HEAD, KeyKind.EC_P256, ".pem"),
                "LLC", LLC, registry);
        assertEquals(4, former.exitCode(), former.toString());
        assertTrue(former.out().contains("Decision: NOT_ENTITLED\n  signer.not-listed: "), former.toString());

        var mistyped = SampleProcess.run(CheckAuthority.class, Map.of(), persona(Persona.LLC_HEAD, KeyKind.EC_P256, ".pem"),
                "LLC", "1027700132196", registry).withoutStackTrace();
        assertEquals(2, mistyped.exitCode(), mistyped.toString());
        assertTrue(mistyped.err().contains("1027700132196"), mistyped.toString());
    }
}
