package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/design.md's PIN rules, on real SoftHSM tokens. */
class PinRulesTest {
    @TempDir
    Path dir;

    /**
     * A wrong PIN makes exactly one C_Login. The witness is independent of orgsign: the login runs
     * in a child JVM under gdb with a breakpoint on SoftHSM's own {@code C_Login}, which counts the
     * calls the token receives. The token's own state shows the failure (SoftHSM raises
     * CKF_USER_PIN_COUNT_LOW), and the error is the wrong-PIN sentence. (OpenSC 0.23's
     * pkcs11-spy would be the natural witness, but it crashes in its C_GetInterfaceList in front
     * of SoftHSM 2.6.)
     */
    @Test
    void wrongPinMakesExactlyOneLoginAttempt() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("wrong-pin", EnumSet.of(Persona.LLC_HEAD));
        assertTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is needed for this test: apt-get install gdb");
        Path commands = Files.writeString(dir.resolve("gdb-commands"), String.join("\n",
                "set pagination off", "set breakpoint pending on",
                "handle SIGSEGV nostop noprint pass", "handle SIGBUS nostop noprint pass",
                "handle SIGILL nostop noprint pass", "handle SIGFPE nostop noprint pass",
                "handle SIGUSR2 nostop noprint pass", "handle SIGQUIT nostop noprint pass",
                "break C_Login", "commands", "silent", "printf \"WITNESS C_Login\\n\"", "continue", "end", "run", ""));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/gdb", "-q", "-batch", "-x", commands.toString(), "--args",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xint",
                "-cp", System.getProperty("java.class.path"), LoginProbe.class.getName(),
                t.softHsm().libraryPath().toString(), t.label())
                .redirectErrorStream(true);
        pb.environment().putAll(t.softHsm().environment());
        pb.environment().put("PROBE_PIN", "00000000");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));

        assertTrue(out.contains("OUTCOME PIN_INCORRECT CKR=160"), out);
        assertTrue(out.contains("The PIN for") && out.contains("is wrong."), out);
        assertFalse(out.contains("00000000"), "the PIN never appears in output");
        long logins = out.lines().filter(l -> l.contains("WITNESS C_Login")).count();
        assertEquals(1, logins, "exactly one C_Login reached SoftHSM:\n" + out);

        try (Pkcs11Library lib = Pkcs11Library.open(t.softHsm().libraryPath());
             Pkcs11SigningToken token = lib.openToken(t.label(), Pkcs11Options.defaults())) {
            assertTrue(token.pinState().countLow(), "the token itself recorded the failed attempt");
        }
    }

    @Test
    void lockedTokenIsRefusedWithoutALoginAttempt() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("locked", EnumSet.of(Persona.LLC_HEAD));
        t.softHsm().setUserPinFlags(t.label(), true, false, true);
        AtomicInteger asked = new AtomicInteger();
        try (Pkcs11Library lib = Pkcs11Library.open(t.softHsm().libraryPath());
             Pkcs11SigningToken token = lib.openToken(t.label(), Pkcs11Options.defaults())) {
            assertTrue(token.info().pin().locked());
            OrgsignException e = assertThrows(OrgsignException.class, () -> token.login(r -> {
                asked.incrementAndGet();
                return SoftHsm.USER_PIN.toCharArray();
            }));
            assertEquals(ErrorCode.PIN_LOCKED, e.code());
            assertTrue(e.getMessage().contains("did not try to log in"), e.getMessage());
            assertEquals(0, asked.get(), "no PIN was even asked for");
            // Had orgsign called C_Login with the right PIN, SoftHSM (which never really locks) would have
            // logged in and listed the private keys; it did not.
            assertTrue(token.keys().stream().noneMatch(k -> k.hasPrivateKey()), "still not logged in");
        }
    }

    @Test
    void finalTryIsRefusedUnlessAllowed() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("final-try", EnumSet.of(Persona.LLC_HEAD));
        t.softHsm().setUserPinFlags(t.label(), true, true, false);
        try (Pkcs11Library lib = Pkcs11Library.open(t.softHsm().libraryPath())) {
            try (Pkcs11SigningToken token = lib.openToken(t.label(), Pkcs11Options.defaults())) {
                OrgsignException e = assertThrows(OrgsignException.class,
                        () -> token.login(r -> SoftHsm.USER_PIN.toCharArray()));
                assertEquals(ErrorCode.PIN_FINAL_TRY, e.code());
                assertTrue(e.getMessage().contains("--allow-final-try"));
            }
            try (Pkcs11SigningToken token = lib.openToken(t.label(), Pkcs11Options.defaults().withAllowFinalTry(true))) {
                AtomicInteger asked = new AtomicInteger();
                token.login(r -> {
                    asked.incrementAndGet();
                    assertTrue(r.finalTry(), "the PIN prompt is told it is the final try");
                    return SoftHsm.USER_PIN.toCharArray();
                });
                assertEquals(1, asked.get());
                assertTrue(token.keys().stream().anyMatch(k -> k.hasPrivateKey()));
            }
        }
    }

    @Test
    void thePinArrayIsWipedAfterLogin() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("wipe", EnumSet.of(Persona.IE));
        char[][] handedOut = new char[1][];
        try (Pkcs11Library lib = Pkcs11Library.open(t.softHsm().libraryPath());
             Pkcs11SigningToken token = lib.openToken(t.label(), Pkcs11Options.defaults())) {
            token.login(r -> handedOut[0] = SoftHsm.USER_PIN.toCharArray());
        }
        for (char c : handedOut[0]) {
            assertEquals('\0', c);
        }
    }
}
