package dev.orgsign.samples;

import dev.orgsign.core.SignedRegistration;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The samples that use a PKCS#11 token, on a real SoftHSM2 token holding three personas' keys. */
class Pkcs11SamplesTest {
    private static final Map<String, String> PIN = Map.of("ORGSIGN_PIN", SoftHsm.USER_PIN);
    private static Path pki;
    private static ProvisionedToken token;
    private static String module;
    private static VerificationServer service;

    @BeforeAll
    static void provision(@TempDir Path dir) throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        pki = TestWorld.write(dir);
        token = SoftHsm.fromEnvironment().provision("samples-" + Long.toHexString(System.nanoTime()), SoftHsm.USER_PIN,
                TestPki.get(), EnumSet.of(Persona.LLC_HEAD, Persona.LLC_EMPLOYEE, Persona.IE));
        module = token.softHsm().libraryPath().toString();
        service = TestWorld.service(pki);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void listsTheCertificatesAndAfterLoginTheKeysThatSign() throws Exception {
        var before = SampleProcess.run(ListCertificates.class, Map.of(), module, token.label());
        assertEquals(0, before.exitCode(), before.toString());
        assertTrue(before.out().matches("(?s)Token: SoftHSM[^\n]* '" + token.label() + "', serial " + token.serial() + ", PIN ok\n.*"),
                before.toString());
        assertTrue(before.out().contains("  holder: Фёдоров Алексей Петрович, Генеральный директор (HEAD_OF_LEGAL_ENTITY)\n"
                + "  organization: " + Fixtures.LLC.shortName() + ", OGRN " + Fixtures.LLC.ogrn() + "\n"), before.toString());
        assertTrue(before.out().contains("  organization: OGRNIP " + Fixtures.IE.ogrn() + "\n"), before.toString());
        assertEquals(token.keys().size(), before.out().lines().filter(l -> l.contains("  id ")).count(), before.toString());

        var after = SampleProcess.run(ListCertificates.class, PIN, module, token.label());
        assertEquals(0, after.exitCode(), after.toString());
        String id = token.key(Persona.LLC_HEAD, KeyKind.RSA_2048).idHex();
        assertTrue(after.out().contains("llc-head-rsa2048  id " + id + "  RSA 2048  can sign\n"), after.toString());
        assertEquals(token.keys().size(), after.out().lines().filter(l -> l.endsWith("  can sign")).count(), after.toString());
    }

    @Test
    void theHeadSignsOnTheTokenAndTheSignatureVerifiesOffline(@TempDir Path out) throws Exception {
        var signed = SampleProcess.run(SignWithPkcs11.class, PIN, module, token.label(), "llc-head-ec-p256", "LLC",
                Fixtures.LLC.ogrn(), pki.resolve("registry/utf-8").toString(), "buh@romashka.test", out.toString());
        assertEquals(0, signed.exitCode(), signed.toString());
        assertTrue(signed.out().matches("(?s)Authority: ENTITLED\nSigned with llc-head-ec-p256 on SoftHSM[^\n]* '" + token.label() + "'.*"),
                signed.toString());
        // The token holds the signer's certificate only, so the CMS carries no intermediate: the verifier is given
        // the accredited CAs' certificates (root and FNS CA), as the trusted list of CAs provides them.
        Path cas = pki.resolve("cas");
        var verified = SampleProcess.run(VerifyOffline.class, Map.of(), out.resolve(SignedRegistration.PAYLOAD_FILE).toString(),
                out.resolve(SignedRegistration.SIGNATURE_FILE).toString(), cas.toString(),
                pki.resolve("crl").toString(), pki.resolve("registry/utf-8").toString());
        assertEquals(0, verified.exitCode(), verified.toString());
        assertTrue(verified.out().startsWith("Verdict: VERIFIED\n"), verified.toString());
    }

    @Test
    void theEntrepreneurSignsByKeyIdAndTheEmployeeIsRefused(@TempDir Path out) throws Exception {
        var ie = SampleProcess.run(SignWithPkcs11.class, PIN, module, token.serial(),
                token.key(Persona.IE, KeyKind.EC_P256).idHex(), "IE", Fixtures.IE.ogrn(),
                pki.resolve("registry/windows-1251").toString(), "petrova@example.test", out.resolve("ie").toString());
        assertEquals(0, ie.exitCode(), ie.toString());
        assertTrue(Files.isRegularFile(out.resolve("ie").resolve(SignedRegistration.SIGNATURE_FILE)));

        var employee = SampleProcess.run(SignWithPkcs11.class, PIN, module, token.label(), "llc-employee-ec-p256", "LLC",
                Fixtures.LLC.ogrn(), pki.resolve("registry/utf-8").toString(), "buh@romashka.test",
                out.resolve("employee").toString()).withoutStackTrace();
        assertEquals(4, employee.exitCode(), employee.toString());
        assertTrue(employee.err().contains("power of attorney"), employee.toString());
        assertFalse(Files.exists(out.resolve("employee")));
    }

    @Test
    void aWrongPinIsOneAttemptAndASentence(@TempDir Path out) throws Exception {
        var r = SampleProcess.run(SignWithPkcs11.class, Map.of("ORGSIGN_PIN", "00000000"), module, token.label(),
                "llc-head-ec-p256", "LLC", Fixtures.LLC.ogrn(), pki.resolve("registry/utf-8").toString(),
                "buh@romashka.test", out.toString()).withoutStackTrace();
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("PIN") && r.err().contains(token.label()), r.toString());
        assertFalse(r.err().contains("00000000"), "the PIN must never be printed");

        var noToken = SampleProcess.run(ListCertificates.class, Map.of(), module, "no-such-token").withoutStackTrace();
        assertEquals(3, noToken.exitCode(), noToken.toString());
        assertTrue(noToken.err().contains("no-such-token") && noToken.err().contains(token.label()), noToken.toString());
    }

    @Test
    void theReadmeSnippetSignsOnTheTokenAndTheServiceVerifies(@TempDir Path out) throws Exception {
        var r = SampleProcess.run(ReadmeSnippet.class, PIN, module, token.label(),
                token.key(Persona.LLC_HEAD, KeyKind.RSA_2048).idHex(), Fixtures.LLC.ogrn(),
                pki.resolve("registry/utf-8").toString(), out.toString(), service.uri().toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("[A-Za-z0-9-]+: VERIFIED\n"), r.toString());
        String json = Files.readString(out.resolve(SignedRegistration.PAYLOAD_FILE));
        assertTrue(json.contains("\"ogrn\":\"" + Fixtures.LLC.ogrn() + "\"") && json.contains("buh@romashka.example"), json);
        assertTrue(Files.size(out.resolve(SignedRegistration.SIGNATURE_FILE)) > 500);
    }
}
