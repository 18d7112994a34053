package dev.orgsign.cli;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.orgsign.cli.LauncherTest.orgsign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A desk with several PKCS#11 modules, as separate {@code bin/orgsign} processes: SoftHSM with one
 * configuration ("ECP") loaded directly, a second SoftHSM configuration ("ECP-2") served by
 * {@code p11-kit server} in a process of its own and reached through p11-kit's client module,
 * OpenSC's pkcs11-spy in front of SoftHSM, a SoftHSM without its configuration, one without a
 * token, and a JVM crash.
 */
class DeskModulesTest {
    static final String PIN = CliFixture.PIN_VAR;
    static Path dir;
    static ProvisionedToken ecp;
    static ProvisionedToken ecp2;
    static Path client;
    static Path socket;
    static Process server;

    @BeforeAll
    static void desk() throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        dir = WizardTerminalTest.workDir();
        ecp = SoftHsm.at(dir.resolve("a")).provision("ECP", SoftHsm.USER_PIN, TestPki.get(), EnumSet.of(Persona.LLC_HEAD));
        ecp2 = SoftHsm.at(dir.resolve("b")).provision("ECP-2", SoftHsm.USER_PIN, TestPki.get(), EnumSet.of(Persona.IE));
        client = glob("/usr/lib", "pkcs11/p11-kit-client.so");
        assumeTrue(client != null, "p11-kit's client module is installed by scripts/setup");
        socket = dir.resolve("p11-kit.sock");
        ProcessBuilder pb = new ProcessBuilder("p11-kit", "server", "-f", "--provider", SoftHsm.library().toString(),
                "-n", socket.toString(), "pkcs11:").redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        pb.environment().putAll(ecp2.softHsm().environment());
        server = pb.start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(socket), "p11-kit server is listening: " + Files.readString(dir.resolve("server.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static Path glob(String root, String suffix) throws IOException {
        try (Stream<Path> arch = Files.list(Path.of(root))) {
            return arch.map(a -> a.resolve(suffix)).filter(Files::isRegularFile).findFirst().orElse(null);
        }
    }

    /** SoftHSM "a" directly, and the p11-kit client reaching SoftHSM "b" in the server process. */
    static Map<String, String> deskEnv() {
        Map<String, String> env = new HashMap<>(ecp.softHsm().environment());
        env.put("P11_KIT_SERVER_ADDRESS", "unix:path=" + socket);
        return env;
    }

    @Test
    void tokensOfTwoModulesAreBothListedAndAnExactLabelAlwaysChoosesItsOwn() throws Exception {
        String softhsm = SoftHsm.library().toString();
        LauncherTest.Run list = orgsign(deskEnv(), "tokens", "--module", softhsm, "--module", client.toString(), "--json");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("\"module\": \"" + softhsm + "\"") && list.out().contains("\"label\": \"ECP\""),
                list.toString());
        assertTrue(list.out().contains("\"module\": \"" + client + "\"") && list.out().contains("\"label\": \"ECP-2\""),
                list.toString());
        for (List<String> order : List.of(List.of(softhsm, client.toString()), List.of(client.toString(), softhsm))) {
            for (ProvisionedToken t : List.of(ecp, ecp2)) {
                LauncherTest.Run certs = orgsign(deskEnv(), "certs", "--module", order.get(0), "--module", order.get(1),
                        "--token", t.label(), "--login", "--pin-env", PIN, "--json");
                assertEquals(0, certs.exit(), order + " " + t.label() + ": " + certs);
                String key = t == ecp ? "llc-head-ec-p256" : "ie-ec-p256";
                assertTrue(certs.out().contains("\"label\": \"" + key + "\""), order + " " + t.label() + ": " + certs);
            }
        }
        // one token anywhere (SoftHSM "a" only; OpenSC and the p11-kit proxy searched too): used without asking
        LauncherTest.Run one = orgsign(ecp.softHsm().environment(), "certs", "--json");
        assertEquals(0, one.exit(), one.toString());
        assertTrue(one.out().contains("\"label\": \"llc-head-ec-p256\""), one.toString());
        LauncherTest.Run neither = orgsign(deskEnv(), "certs", "--module", softhsm, "--module", client.toString(),
                "--lang", "en");
        assertEquals(3, neither.exit(), neither.toString());
        assertTrue(neither.err().contains("module libsofthsm2.so") && neither.err().contains("module p11-kit-client.so"),
                neither.toString());
    }

    @Test
    void eachOfTwoTokensInDifferentModulesSigns() throws Exception {
        Path pki = CliFixture.pki();
        String modules = SoftHsm.library() + ":" + client;
        Map<String, String> env = deskEnv();
        env.put("ORGSIGN_PKCS11_MODULE", modules); // the modules to search, as an installation would name them
        LauncherTest.Run llc = orgsign(env, "register", "--type", "LLC", "--ogrn", CliFixture.LLC_OGRN, "--token", "ECP",
                "--key", "llc-head-ec-p256", "--pin-env", PIN, "--registry", CliFixture.registry(), "--no-submit",
                "--email", "llc@example.test", "--ca", CliFixture.pki().resolve("ca/fns-ca.pem").toString(),
                "--out", dir.resolve("llc").toString(), "--json");
        assertEquals(0, llc.exit(), llc.toString());
        LauncherTest.Run ie = orgsign(env, "register", "--type", "IE", "--ogrn", CliFixture.IE_OGRNIP, "--token", "ECP-2",
                "--key", "ie-ec-p256", "--pin-env", PIN, "--registry", CliFixture.registry(), "--no-submit",
                "--email", "ie@example.test", "--ca", CliFixture.pki().resolve("ca/fns-ca.pem").toString(),
                "--out", dir.resolve("ie").toString(), "--json");
        assertEquals(0, ie.exit(), ie.toString());
        for (String who : List.of("llc", "ie")) {
            Path sig = dir.resolve(who).resolve("registration.json.sig");
            Process v = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(),
                    "-content", dir.resolve(who).resolve("registration.json").toString(), "-noverify", "-out", "/dev/null")
                    .redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(v.waitFor(60, TimeUnit.SECONDS) && v.exitValue() == 0, who + ": " + out);
        }
        assertTrue(pki.toFile().isDirectory());
    }

    @Test
    void throughOpenScPkcs11SpyTokensAndCertsWorkAndAWrongPinCostsOneLogin() throws Exception {
        Path spy = glob("/usr/lib", "pkcs11-spy.so");
        assumeTrue(spy != null, "OpenSC's pkcs11-spy is installed with opensc");
        Path log = dir.resolve("spy.log");
        Map<String, String> env = new HashMap<>(ecp.softHsm().environment());
        env.put("PKCS11SPY", SoftHsm.library().toString());
        env.put("PKCS11SPY_OUTPUT", log.toString());
        LauncherTest.Run tokens = orgsign(env, "tokens", "--module", spy.toString(), "--json");
        assertEquals(0, tokens.exit(), tokens.toString());
        assertTrue(tokens.out().contains("\"label\": \"ECP\""), tokens.toString());
        assertTrue(Files.readString(log).contains("C_GetFunctionList"), "the spy saw the 2.40 entry point");
        assertFalse(Files.readString(log).contains("C_GetInterfaceList"), "and never the 3.0 one");

        Files.delete(log);
        LauncherTest.Run wrong = orgsign(env, "certs", "--module", spy.toString(), "--login", "--pin-env",
                CliFixture.WRONG_PIN_VAR, "--json");
        assertEquals(3, wrong.exit(), wrong.toString());
        assertTrue(wrong.out().contains("\"error\": \"PIN_INCORRECT\""), wrong.toString());
        long logins = Files.readAllLines(log).stream().filter(l -> l.matches("\\d+: C_Login")).count();
        assertEquals(1, logins, "one C_Login for one wrong PIN, as the spy's log shows:\n" + Files.readString(log));

        LauncherTest.Run right = orgsign(env, "certs", "--module", spy.toString(), "--login", "--pin-env", PIN, "--json");
        assertEquals(0, right.exit(), right.toString());
        assertTrue(right.out().contains("\"hasPrivateKey\": true"), right.toString());
        LauncherTest.Run asked = orgsign(env, "tokens", "--module", SoftHsm.library().toString(), "--pkcs11-v2", "--json");
        assertEquals(0, asked.exit(), asked.toString());
    }

    @Test
    void aSoftHsmWithoutItsConfigurationOrWithoutATokenHasItsOwnSentence() throws Exception {
        String softhsm = SoftHsm.library().toString();
        Path missing = dir.resolve("no-such-softhsm2.conf");
        LauncherTest.Run one = orgsign(Map.of("SOFTHSM2_CONF", missing.toString()), "tokens", "--module", softhsm,
                "--lang", "en");
        assertEquals(3, one.exit(), one.toString());
        assertTrue(one.err().contains("SoftHSM (" + softhsm + ") cannot start: the configuration file " + missing
                + " that SOFTHSM2_CONF names does not exist."), one.toString());
        LauncherTest.Run all = orgsign(Map.of("SOFTHSM2_CONF", missing.toString()), "tokens", "--lang", "ru");
        assertEquals(0, all.exit(), all.toString());
        assertTrue(all.out().contains("не загружен: SoftHSM (" + softhsm + ") не запускается: не существует файл настроек "
                + missing + ", указанный в SOFTHSM2_CONF."), "reported per module, in Russian: " + all);
        assertTrue(all.out().contains("opensc-pkcs11.so"), "and the other modules still searched: " + all);

        SoftHsm empty = SoftHsm.at(dir.resolve("empty"));
        LauncherTest.Run none = orgsign(empty.environment(), "certs", "--module", softhsm, "--lang", "en");
        assertEquals(3, none.exit(), none.toString());
        assertTrue(none.err().contains("No token is inserted. Modules searched: " + softhsm
                + " (no token; 1 slot(s) without a token)."), none.toString());
        LauncherTest.Run listed = orgsign(empty.environment(), "tokens", "--module", softhsm, "--lang", "en");
        assertTrue(listed.out().contains("no token: 1 slot(s) without a token"), listed.toString());
    }

    @Test
    void aJvmCrashLeavesNoFileInTheUsersFolder() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("users-folder"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (ServerSocket silent = new ServerSocket(0)) { // accepts, never answers: the command waits
            ProcessBuilder pb = new ProcessBuilder(WizardTerminalTest.launcher().toString(), "status",
                    "00000000-0000-0000-0000-000000000000", "--endpoint", "http://127.0.0.1:" + silent.getLocalPort() + "/")
                    .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("crash.out").toFile());
            pb.environment().put("TMPDIR", tmp.toString());
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).contains("dev.orgsign.cli.Orgsign")) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    fail("the launcher did not start Java: " + Files.readString(dir.resolve("crash.out")));
                }
                Thread.sleep(100);
            }
            Thread.sleep(1500);
            assertTrue(p.isAlive(), Files.readString(dir.resolve("crash.out")));
            new ProcessBuilder("kill", "-SEGV", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertTrue(Files.readString(dir.resolve("crash.out")).contains("A fatal error has been detected"),
                    Files.readString(dir.resolve("crash.out")));
            try (Stream<Path> files = Files.list(cwd)) {
                assertEquals(List.of(), files.toList(), "nothing in the user's folder");
            }
            assertTrue(Files.isRegularFile(tmp.resolve("orgsign-crash-" + p.pid() + ".log")));
        }
    }
}
