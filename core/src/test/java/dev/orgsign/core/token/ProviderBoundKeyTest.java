package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.SignedRegistrations;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Keys only their own provider can use: the JDK's SunPKCS11 provider over a SoftHSM2 token,
 * opened as a PKCS11 keystore and wrapped with {@link KeyStoreSigningToken#ofLoaded}.
 */
class ProviderBoundKeyTest {
    private static Provider sunPkcs11;
    private static KeyStoreSigningToken token;
    private static KeyStore store;

    @BeforeAll
    static void openToken() throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        SoftHsm softHsm = SoftHsm.fromEnvironment();
        ProvisionedToken provisioned = softHsm.provision("jca-" + Long.toHexString(System.nanoTime()),
                SoftHsm.USER_PIN, TestPki.get(), EnumSet.of(Persona.LLC_HEAD));
        Path config = Files.createTempFile("sunpkcs11-", ".cfg");
        Files.writeString(config, "name = orgsign-" + Long.toHexString(System.nanoTime()) + "\n"
                + "library = " + softHsm.libraryPath() + "\n"
                + "slot = " + slotOf(softHsm, provisioned.serial()) + "\n");
        sunPkcs11 = sunPkcs11Template().configure(config.toString());
        Files.delete(config);
        store = KeyStore.getInstance("PKCS11", sunPkcs11);
        char[] pin = SoftHsm.USER_PIN.toCharArray();
        store.load(null, pin);
        token = KeyStoreSigningToken.ofLoaded(store, pin, "SoftHSM token " + provisioned.label() + " via SunPKCS11");
    }

    /** The slot ID of the token with this serial, as softhsm2-util lists it (JDK 17's SunPKCS11 has no tokenLabel). */
    private static long slotOf(SoftHsm softHsm, String serial) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("softhsm2-util", "--show-slots").redirectErrorStream(true);
        pb.environment().putAll(softHsm.environment());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        long slot = -1;
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Slot ") && !t.startsWith("Slot info")) {
                slot = Long.parseLong(t.substring(5).trim());
            } else if (t.startsWith("Serial number:") && t.substring(14).trim().equalsIgnoreCase(serial)) {
                return slot;
            }
        }
        throw new AssertionError("softhsm2-util lists no token with serial " + serial + ":\n" + out);
    }

    private static Provider sunPkcs11Template() {
        Provider p = java.security.Security.getProvider("SunPKCS11");
        assertTrue(p != null, "the JDK ships the SunPKCS11 provider");
        return p;
    }

    @AfterAll
    static void close() {
        if (token != null) {
            token.close();
        }
    }

    private static TokenKey key(KeyKind kind) throws Exception {
        String label = Persona.LLC_HEAD.slug() + "-" + kind.slug();
        List<TokenKey> keys = token.keys();
        TokenKey k = keys.stream().filter(x -> x.id().equals(label)).findFirst().orElseThrow(
                () -> new AssertionError("no key " + label + " among " + keys));
        // The token holds only the end-entity certificate; the CMS carries the issuing CA too,
        // as it would from a real token whose chain the accountant installed.
        return new TokenKey(k.id(), k.label(), k.certificate(), List.of(k.certificate(), TestPki.get().fnsCa()),
                k.keyAlgorithm(), k.keySizeBits(), k.hasPrivateKey());
    }

    private static PrivateKey privateKey(KeyKind kind) throws Exception {
        return (PrivateKey) store.getKey(Persona.LLC_HEAD.slug() + "-" + kind.slug(), null);
    }

    @Test
    void bouncyCastleAloneRefusesTheTokenKeys() throws Exception {
        for (KeyKind kind : List.of(KeyKind.EC_P256, KeyKind.RSA_2048)) {
            PrivateKey pk = privateKey(kind);
            assertTrue(pk.getClass().getName().startsWith("sun.security.pkcs11."),
                    "a SunPKCS11 key object: " + pk.getClass());
            String name = kind == KeyKind.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
            Signature bc = Signature.getInstance(name, Providers.bouncyCastle());
            assertThrows(InvalidKeyException.class, () -> bc.initSign(pk), kind.toString());
        }
    }

    @Test
    void ecAndRsaKeysSignThroughTheirOwnProviderAndVerify() throws Exception {
        SignatureVerifier verifier = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
        for (KeyKind kind : List.of(KeyKind.EC_P256, KeyKind.RSA_2048)) {
            byte[] payload = SignedRegistrations.payload(Persona.LLC_HEAD, kind, OrganizationType.LLC, Fixtures.LLC.ogrn());
            byte[] cms = new RegistrationSigner().sign(payload, token, key(kind));
            VerificationReport report = verifier.verify(payload, cms);
            assertEquals(Verdict.VERIFIED, report.verdict(), kind + ": " + report.checks());
        }
    }

    @Test
    void rsaPssKeySignsThroughItsOwnProviderAndVerifies() throws Exception {
        SignatureVerifier verifier = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
        byte[] payload = SignedRegistrations.payload(Persona.LLC_HEAD, KeyKind.RSA_2048, OrganizationType.LLC,
                Fixtures.LLC.ogrn());
        byte[] cms = new RegistrationSigner().sign(payload, token, key(KeyKind.RSA_2048),
                SignatureAlgorithm.SHA256_WITH_RSA_PSS);
        VerificationReport report = verifier.verify(payload, cms);
        assertEquals(Verdict.VERIFIED, report.verdict(), report.checks().toString());
    }

    @Test
    void aKeyNoProviderCanUseGetsAClearSentence() throws Exception {
        // An EC key asked for a GOST signature: no provider signs GOST with a SunPKCS11 EC key.
        PrivateKey ec = privateKey(KeyKind.EC_P256);
        OrgsignException e = assertThrows(OrgsignException.class, () -> ProviderBoundSigning.sign("llc-head-ec-p256", ec,
                SignatureAlgorithm.GOST3411_2012_256_WITH_GOST3410_2012_256, sunPkcs11, new byte[] {1, 2, 3}));
        assertEquals(ErrorCode.KEY_NOT_USABLE, e.code());
        assertTrue(e.getMessage().contains("'llc-head-ec-p256'"), e.getMessage());
        assertTrue(e.getMessage().contains("GOST3411_2012_256_WITH_GOST3410_2012_256"), e.getMessage());
        assertNotEquals(-1, e.getMessage().indexOf("No installed security provider can sign"), e.getMessage());
    }
}
