package dev.orgsign.cli;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real launcher {@code bin/orgsign} as separate processes: version, certs on SoftHSM,
 * serve + register + submit + status against it, and the demo.
 */
class LauncherTest {
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    static Run orgsign(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(WizardTerminalTest.launcher().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("orgsign " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), out, err.get());
    }

    static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void versionAndCertsAsProcesses() throws Exception {
        ProvisionedToken token = CliFixture.token("launcher", Persona.LLC_HEAD);
        Map<String, String> env = token.softHsm().environment();
        Run v = orgsign(env, "--version");
        assertEquals(0, v.exit(), v.toString());
        assertTrue(v.out().startsWith("orgsign "), v.toString());
        Run c = orgsign(env, "certs", "--module", CliFixture.module(), "--token", token.label(), "--json");
        assertEquals(0, c.exit(), c.toString());
        assertTrue(c.out().contains("\"label\": \"llc-head-ec-p256\""), c.toString());
        Run wrong = orgsign(env, "certs", "--module", CliFixture.module(), "--token", token.label(), "--login",
                "--pin-env", CliFixture.WRONG_PIN_VAR, "--json");
        assertEquals(3, wrong.exit(), wrong.toString());
        assertTrue(wrong.out().contains("\"error\": \"PIN_INCORRECT\""), wrong.toString());
    }

    @Test
    void theLightCacheServesTheCommandsThatNeverSetUpTheCryptoProvider() throws Exception {
        Map<String, String> print = Map.of("ORGSIGN_LAUNCHER", "print");
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"certs"}, {"-v", "certs", "--json"}, {"tokens"},
                {"completion", "bash"}}) {
            Run run = orgsign(print, args);
            assertTrue(run.out().contains("kind=light") && run.out().contains("cache=") && !run.out().contains("-full."),
                    String.join(" ", args) + ": " + run);
        }
        for (String[] args : new String[][] {{"verify", "--signature", "x.sig"}, {"trust-list", "info", "x.xml"}, {"serve"},
                {"--lang", "ru", "register"}}) {
            Run run = orgsign(print, args);
            assertTrue(run.out().contains("kind=full") && run.out().contains("-full."), String.join(" ", args) + ": " + run);
        }
    }

    @Test
    void serveThenRegisterSubmitAndStatus() throws Exception {
        ProvisionedToken token = CliFixture.token("served", Persona.LLC_HEAD);
        Path pki = CliFixture.pki();
        Path dir = WizardTerminalTest.workDir();
        // receipts sealed with a key on the SoftHSM token (here the LLC head's, the only one provisioned), by PKCS#11 URI
        ProcessBuilder pb = new ProcessBuilder(WizardTerminalTest.launcher().toString(), "serve", "--lang", "en", "--port", "0",
                "--data", dir.resolve("data").toString(), "--trust", pki.resolve("trust").toString(),
                "--crl", pki.resolve("crl/fns-ca.crl").toString(), "--registry", pki.resolve("registry/utf-8").toString(),
                "--receipt-key", "pkcs11:token=" + token.label() + ";object=llc-head-ec-p256?module-path=" + CliFixture.module(),
                "--receipt-secret-env", CliFixture.PIN_VAR)
                .redirectErrorStream(true);
        pb.environment().putAll(token.softHsm().environment());
        Process server = pb.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = null;
            StringBuilder seen = new StringBuilder();
            for (String line; endpoint == null && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("listening on (\\S+)").matcher(line);
                if (m.find()) {
                    endpoint = m.group(1);
                }
            }
            assertTrue(endpoint != null, "serve printed no address:\n" + seen);
            CompletableFuture.runAsync(() -> read(server.getInputStream()));
            Map<String, String> env = token.softHsm().environment();

            Run reg = orgsign(env, "register", "--type", "LLC", "--ogrn", CliFixture.LLC_OGRN, "--module",
                    CliFixture.module(), "--token", token.label(), "--key", "llc-head-ec-p256", "--pin-env",
                    CliFixture.PIN_VAR, "--registry", pki.resolve("registry/utf-8").toString(), "--ca",
                    pki.resolve("ca/fns-ca.pem").toString(), "--out", dir.resolve("reg").toString(), "--endpoint",
                    endpoint, "--wait", "120s", "--json");
            assertEquals(0, reg.exit(), reg.toString());
            assertTrue(reg.out().contains("\"verdict\": \"VERIFIED\""), reg.toString());
            assertTrue(Files.exists(dir.resolve("reg/receipt.pdf")) && reg.out().contains("\"receipt\""), reg.toString());
            String id = field(reg.out(), "id");
            for (String f : new String[] {"registration.json", "registration.json.sig", "registration.pdf", "receipt.pdf",
                "submission.json"}) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("reg").resolve(f))), f + " holds personal data: owner-only");
            }
            assertTrue(reg.out().contains("\"submission\": \"" + dir.resolve("reg/submission.json").toAbsolutePath()),
                    reg.toString());
            Matcher readToken = Pattern.compile("\"token\" ?: \"([^\"]+)\"").matcher(Files.readString(dir.resolve("reg/submission.json")));
            assertTrue(readToken.find() && !reg.out().contains(readToken.group(1)) && !reg.err().contains(readToken.group(1)),
                    "the read token is kept in the file, never printed");

            try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("reg/receipt.pdf").toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace("\n", " ");
                // register ran in the test's locale, English here: the receipt is the submission's language
                assertTrue(text.contains("The key of the service's operator") && !text.contains("DEMO"), text);
            }
            assertFalse(Files.exists(dir.resolve("data/receipt-key.p12")), "no demo key is made when the operator gives one");

            Run anonymous = orgsign(Map.of(), "status", id, "--endpoint", endpoint, "--json");
            assertEquals(6, anonymous.exit(), anonymous.toString());
            assertTrue(anonymous.out().contains("HTTP 401") && anonymous.out().contains("read token"), anonymous.toString());

            Run status = orgsign(Map.of(), "status", id, "--endpoint", endpoint, "--token-file",
                    dir.resolve("reg/submission.json").toString(), "--json");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().contains("\"verdict\": \"VERIFIED\"") && status.out().contains("\"id\": \"" + id + "\""),
                    status.toString());

            Run again = orgsign(Map.of(), "submit", "--payload", dir.resolve("reg/registration.json").toString(),
                    "--signature", dir.resolve("reg/registration.json.sig").toString(), "--endpoint", endpoint, "--json");
            assertEquals(0, again.exit(), again.toString());
            assertEquals(id, field(again.out(), "id"), "an identical resubmission has the same id");

            Files.writeString(dir.resolve("garbage.sig"), "not a signature");
            Run bad = orgsign(Map.of(), "submit", "--payload", dir.resolve("reg/registration.json").toString(),
                    "--signature", dir.resolve("garbage.sig").toString(), "--endpoint", endpoint, "--wait", "120s",
                    "--json");
            assertTrue(bad.exit() == 5 || bad.exit() == 6, bad.toString());
            assertTrue(bad.out().contains("\"verdict\": \"REJECTED\"") || bad.out().contains("\"error\": \"SERVICE_ERROR\""),
                    bad.toString());

            Run unknown = orgsign(Map.of("ORGSIGN_T", "not-a-token"), "status", "00000000-0000-0000-0000-000000000000",
                    "--endpoint", endpoint, "--token-env", "ORGSIGN_T", "--lang", "en");
            assertEquals(7, unknown.exit(), "the service answered 404: not found, not a service error\n" + unknown);
            assertTrue(unknown.err().startsWith("Error: The service at ") && unknown.err().contains(
                    "knows no submission 00000000-0000-0000-0000-000000000000"), unknown.toString());
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        Run down = orgsign(Map.of(), "status", "00000000-0000-0000-0000-000000000000", "--endpoint",
                "http://127.0.0.1:9/", "--json");
        assertEquals(6, down.exit(), down.toString());
        assertTrue(down.out().contains("\"error\": \"SERVICE_UNREACHABLE\""), down.toString());
    }

    @Test
    void demoRegistersTheDemoLlcEndToEnd() throws Exception {
        Path dir = WizardTerminalTest.workDir();
        Run demo = orgsign(Map.of(), "demo", "--out", dir.toString(), "--lang", "en");
        assertEquals(0, demo.exit(), demo.toString());
        assertTrue(demo.out().contains("VERIFIED ") && demo.out().contains("Demo finished (exit code 0)."), demo.toString());
        assertTrue(demo.out().contains("handed to orgsign in the environment variable ORGSIGN_DEMO_PIN"), demo.toString());
        // The demo's child `orgsign register` runs on the launcher's runtime: no JVM warnings (native access, Unsafe).
        assertFalse(demo.toString().contains("WARNING:"), demo.toString());
        assertTrue(demo.out().contains("Receipt: " + dir.resolve("registration/receipt.pdf")), demo.toString());
        assertTrue(Files.readString(dir.resolve("registration/receipt.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        for (String f : new String[] {"registration.json", "registration.json.sig", "registration.pdf"}) {
            assertTrue(Files.size(dir.resolve("registration").resolve(f)) > 100, f);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": \"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
