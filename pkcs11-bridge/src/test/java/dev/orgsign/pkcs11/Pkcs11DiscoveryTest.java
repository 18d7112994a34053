package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.KeyPresence;
import dev.orgsign.core.token.PinCallbacks;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tokens across the modules really installed here (SoftHSM, OpenSC, the p11-kit proxy when
 * present), modules that fail beside ones that work, exact labels, a token pulled out between
 * listing and opening, and OpenSC's pkcs11-spy, which crashes a JVM through the 3.0 entry point.
 */
class Pkcs11DiscoveryTest {
    static final Path SPY = Path.of("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so");

    @TempDir
    Path dir;

    @Test
    void everyInstalledModuleIsSearchedAndTheSoftHsmTokenIsFoundOnceWithItsModule() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("disc", EnumSet.of(Persona.LLC_HEAD));
        List<Path> modules = Pkcs11Modules.resolveAll(List.of());
        assertTrue(modules.stream().anyMatch(p -> p.toString().contains("opensc-pkcs11")), "OpenSC is installed: " + modules);
        Pkcs11Discovery found = Pkcs11Discovery.scan(modules, false);
        List<Pkcs11Discovery.Found> mine = found.tokens().stream().filter(f -> f.token().serial().equals(t.serial())).toList();
        assertEquals(1, mine.size(), "listed once although the p11-kit proxy reaches it too: " + found.searched());
        assertTrue(mine.get(0).module().getFileName().toString().equals("libsofthsm2.so"), mine.toString());
        for (Pkcs11Discovery.ModuleReport r : found.modules()) {
            assertNull(r.failure(), r.module() + ": " + r.failure());
        }
        assertEquals(t.serial(), found.choose(t.label()).token().serial());
        Path proxy = modules.stream().filter(p -> p.toString().contains("p11-kit-proxy")).findFirst().orElse(null);
        if (proxy != null) {
            Pkcs11Discovery.ModuleReport r = found.modules().stream().filter(m -> m.module().equals(proxy.toAbsolutePath()))
                    .findFirst().orElseThrow();
            assertTrue(r.tokens() >= 1, "the proxy reaches SoftHSM's tokens: " + found.searched());
        }
    }

    @Test
    void aModuleThatFailsIsReportedAndNeverStopsTheOthers() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("disc-fail", EnumSet.of(Persona.IE));
        Path text = Files.writeString(dir.resolve("vendor.so"), "not a library");
        Path missing = dir.resolve("librtpkcs11ecp.so");
        Pkcs11Discovery found = Pkcs11Discovery.scan(List.of(text, missing, SoftHsm.library()), false);
        assertEquals(ErrorCode.MODULE_INVALID, found.modules().get(0).failure().code());
        assertEquals(ErrorCode.MODULE_NOT_FOUND, found.modules().get(1).failure().code());
        assertNull(found.modules().get(2).failure());
        assertEquals(t.serial(), found.choose(t.label()).token().serial());
        OrgsignException none = assertThrows(OrgsignException.class, () -> found.choose("no-such-token"));
        assertEquals(ErrorCode.TOKEN_NOT_PRESENT, none.code());
        assertTrue(none.getMessage().contains(missing + " (not loaded: The PKCS#11 module " + missing + " does not exist.)"),
                none.getMessage());
        OrgsignException only = assertThrows(OrgsignException.class,
                () -> Pkcs11Discovery.scan(List.of(missing), false).choose(null));
        assertEquals(ErrorCode.MODULE_NOT_FOUND, only.code(), "one module asked for: its own sentence");
    }

    @Test
    void aLabelNeverChoosesATokenWhoseLabelItBegins() throws Exception {
        String base = "ECP-" + Long.toHexString(System.nanoTime());
        SoftHsm softHsm = SoftHsmFixture.softHsm();
        // two pairs, made in opposite orders, so that whichever slot order SoftHSM reports, one pair
        // has the longer label first
        softHsm.initToken(base, SoftHsm.USER_PIN);
        softHsm.initToken(base + "-2", SoftHsm.USER_PIN);
        softHsm.initToken(base + "b-2", SoftHsm.USER_PIN);
        softHsm.initToken(base + "b", SoftHsm.USER_PIN);
        Pkcs11Discovery found = Pkcs11Discovery.scan(List.of(SoftHsm.library()), false);
        for (String label : List.of(base, base + "-2", base + "b", base + "b-2")) {
            assertEquals(label, found.choose(label).token().label());
            try (Pkcs11SigningToken token = found.open(found.choose(label), Pkcs11Options.defaults())) {
                assertEquals(label, token.info().label());
            }
        }
        List<String> order = found.tokens().stream().map(f -> f.token().label()).filter(l -> l.startsWith(base)).toList();
        assertEquals(4, order.size(), order.toString());
    }

    @Test
    void aTokenPulledOutBetweenListingAndOpeningHasItsOwnSentence() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("pulled", EnumSet.of(Persona.LLC_HEAD));
        Pkcs11Discovery found = Pkcs11Discovery.scan(List.of(SoftHsm.library()), false);
        Pkcs11Discovery.Found listed = found.choose(t.label());
        Process p = new ProcessBuilder("softhsm2-util", "--delete-token", "--token", t.label())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        OrgsignException e = assertThrows(OrgsignException.class, () -> found.open(listed, Pkcs11Options.defaults()));
        assertEquals(ErrorCode.TOKEN_REMOVED, e.code());
        assertTrue(e.getMessage().contains("was listed a moment ago through libsofthsm2.so but is no longer there"),
                e.getMessage());
    }

    @Test
    void keyPresenceIsUnknownBeforeTheLoginAndKnownAfter() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("presence", EnumSet.of(Persona.LLC_HEAD));
        try (Pkcs11SigningToken token = Pkcs11Tokens.open(SoftHsm.library(), t.label())) {
            List<TokenKey> before = token.keys();
            assertFalse(before.isEmpty());
            assertTrue(before.stream().allMatch(k -> k.privateKey() == KeyPresence.UNKNOWN), before.toString());
            token.login(request -> SoftHsm.USER_PIN.toCharArray());
            assertTrue(token.keys().stream().allMatch(k -> k.privateKey() == KeyPresence.PRESENT));
        }
    }

    @Test
    void openScPkcs11SpyIsRefusedWithASentenceUnlessThe240EntryPointIsInUse() throws Exception {
        assumeTrue(Files.isRegularFile(SPY), "OpenSC's pkcs11-spy is installed with opensc");
        assumeTrue(!Pkcs11EntryPoint.v240Only(), "this JVM uses the 3.0 entry point");
        assertTrue(Pkcs11EntryPoint.crashesOnV3(SPY));
        assertFalse(Pkcs11EntryPoint.crashesOnV3(SoftHsm.library()));
        Path renamed = Files.copy(SPY, dir.resolve("diagnostics.so"));
        for (Path spy : List.of(SPY, renamed)) {
            Pkcs11Discovery found = Pkcs11Discovery.scan(List.of(spy, SoftHsm.library()), false);
            OrgsignException e = found.modules().get(0).failure();
            assertEquals(ErrorCode.MODULE_NEEDS_PKCS11_V2, e.code());
            assertTrue(e.getMessage().contains("--pkcs11-v2"), e.getMessage());
            assertNull(found.modules().get(1).failure(), "the others are still searched");
        }
        OrgsignException asked = assertThrows(OrgsignException.class, () -> Pkcs11Library.open(SoftHsm.library(), true));
        assertEquals(ErrorCode.MODULE_NEEDS_PKCS11_V2, asked.code());
        assertTrue(asked.getMessage().contains(Pkcs11EntryPoint.VARIABLE + "=true"), asked.getMessage());
    }

    @Test
    void thePinFromTheEnvironmentComesAsCharacters() throws Exception {
        char[] value = PinCallbacks.environmentValue("SOFTHSM2_CONF"); // surefire sets it for every test JVM
        assertEquals(System.getenv("SOFTHSM2_CONF"), new String(value));
        assertNull(PinCallbacks.environmentValue("ORGSIGN_NO_SUCH_VARIABLE_" + System.nanoTime()));
    }
}
