package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.orgsign.cli.CliFixture.LLC_OGRN;
import static dev.orgsign.cli.CliFixture.PIN_VAR;
import static dev.orgsign.cli.CliFixture.module;
import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command in-process, on a real SoftHSM token and the test PKI: exit code and output. */
class CommandsTest {
    static ProvisionedToken token;

    @TempDir
    Path dir;

    @BeforeAll
    static void provision() throws Exception {
        token = CliFixture.token("cli", Persona.LLC_HEAD, Persona.LLC_EMPLOYEE);
    }

    @Test
    void helpListsCommandsExamplesAndExitCodes() {
        Result r = run("--help", "--lang", "en");
        assertEquals(0, r.exit(), r.toString());
        for (String s : new String[] {"tokens", "certs", "check", "register", "verify", "completion", "Exit codes:",
                "the signer is not entitled", "the verification service", "8     cancelled", "130   interrupted",
                "Examples:"}) {
            assertTrue(r.out().contains(s), s + "\n" + r);
        }
        Result ru = run("register", "--help", "--lang", "ru");
        assertEquals(0, ru.exit());
        assertTrue(ru.out().contains("Коды завершения:") && ru.out().contains("--pin-env=VAR")
                && ru.out().contains("Взять PIN-код из переменной окружения"), ru.toString());
        assertFalse(ru.out().matches("(?s).*--pin[ =]PIN.*"), "no option takes the PIN itself");
    }

    @Test
    void versionAndCompletion() {
        Result v = run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("orgsign 0."), v.toString());
        Result c = run("completion");
        assertEquals(0, c.exit());
        assertTrue(c.out().contains("complete -F") && c.out().contains("register") && c.out().contains("--pin-env"),
                c.out());
    }

    @Test
    void usageErrorsExitTwoWithoutStackTrace() {
        Result r = run("certs", "--no-such-option", "--lang", "en");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        Result missing = run("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--no-submit", "--lang", "en");
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("Missing: --registry"), missing.toString());
        Result both = run("register", "--no-submit", "--endpoint", "http://127.0.0.1:1/", "--lang", "en");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("contradict"), both.toString());
    }

    @Test
    void serveLimitsThatAreNoLimitsAreUsageErrors() throws Exception {
        String[] base = {"serve", "--port", "0", "--trust", pki().resolve("trust").toString(), "--registry", registry(),
            "--data", Files.createTempDirectory(Path.of("target"), "serve-").toString(), "--lang", "en"};
        Result rate = run(concat(base, "--client-limit", "thirty"));
        assertEquals(2, rate.exit(), rate.toString());
        assertTrue(rate.err().contains("--client-limit thirty is not a rate; write N/DURATION, e.g. 30/10m."), rate.toString());
        Result zero = run(concat(base, "--recipient-limit", "0/1h"));
        assertEquals(2, zero.exit(), zero.toString());
        Result certs = run(concat(base, "--max-certificates", "0"));
        assertEquals(2, certs.exit(), certs.toString());
        assertTrue(certs.err().contains("between 1 and 100"), certs.toString());
        Result retain = run(concat(base, "--retain", "ninety days"));
        assertEquals(2, retain.exit(), retain.toString());
        Result tokenFile = run("status", "0b7e5c1e-1111-4222-8333-944455556666", "--endpoint", "http://127.0.0.1:9/",
                "--token-file", "no-such-submission.json", "--lang", "en");
        assertTrue(tokenFile.err().contains("no-such-submission.json does not exist"), tokenFile.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void tokensListsTheSoftHsmToken() {
        Result r = run("tokens", "--module", module(), "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"label\": \"" + token.label() + "\""), r.out());
        assertTrue(r.out().contains("\"serial\": \"" + token.serial() + "\""), r.out());
        Result text = run("tokens", "--module", module(), "--lang", "ru");
        assertTrue(text.out().contains(token.label()) && text.out().contains("серийный номер " + token.serial()), text.out());
    }

    @Test
    void tokensWithoutModuleSearchesEveryInstalledModule() {
        Result r = run("tokens", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"label\": \"" + token.label() + "\""), r.out());
        assertTrue(r.out().contains("\"module\": \"" + module() + "\""), "held by SoftHSM's module: " + r.out());
        Result text = run("tokens", "--lang", "en");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("Module: ") && l.endsWith("/opensc-pkcs11.so")), text.out());
        assertTrue(text.out().contains("Module: " + module()) && text.out().contains(token.label()), text.out());
        // several tokens and no terminal: the error lists them with their modules, exact labels only
        Result several = run("certs", "--lang", "en");
        assertEquals(3, several.exit(), several.toString());
        assertTrue(several.err().contains("Several tokens are present; choose one with --token")
                && several.err().contains("'" + token.label() + "' (SoftHSM v2, serial " + token.serial()
                + ", module libsofthsm2.so)"), several.toString());
        Result prefix = run("certs", "--token", token.label().substring(0, token.label().length() - 1), "--lang", "ru");
        assertEquals(3, prefix.exit(), prefix.toString());
        assertTrue(prefix.err().contains("метка должна совпадать полностью"), prefix.toString());
    }

    @Test
    void certsGivesDesignShapeWithQualifiedFields() {
        Result r = run("certs", "--module", module(), "--token", token.label(), "--json");
        assertEquals(0, r.exit(), r.toString());
        String id = token.key(Persona.LLC_HEAD, KeyKind.EC_P256).idHex();
        assertTrue(r.out().contains("\"id\": \"" + id + "\""), r.out());
        for (String f : new String[] {"\"label\"", "\"subject\"", "\"issuer\"", "\"serialNumber\"", "\"notBefore\"",
                "\"notAfter\"", "\"keyAlgorithm\": \"EC-256\"", "\"hasPrivateKey\"", "\"ogrn\": \"1027700132195\"",
                "\"surname\": \"Фёдоров\"", "\"snils\"", "\"innle\": \"7701012342\""}) {
            assertTrue(r.out().contains(f), f + "\n" + r.out());
        }
        // SoftHSM hides private keys until the PIN: their presence is unknown (null), never false
        assertTrue(r.out().contains("\"hasPrivateKey\": null") && !r.out().contains("\"hasPrivateKey\": false"), r.out());
        Result login = run("certs", "--module", module(), "--token", token.label(), "--login", "--pin-env", PIN_VAR,
                "--json");
        assertEquals(0, login.exit(), login.toString());
        assertTrue(login.out().contains("\"hasPrivateKey\": true") && !login.out().contains("\"hasPrivateKey\": null"),
                login.out());
        Result text = run("certs", "--module", module(), "--token", token.label(), "--lang", "ru");
        assertTrue(text.out().contains("Организация: ООО \"РОМАШКА\"") && text.out().contains("ОГРН: 1027700132195"),
                text.out());
        assertTrue(text.out().contains("Закрытый ключ: виден после ввода PIN-кода"), text.out());
        Result en = run("certs", "--module", module(), "--token", token.label(), "--lang", "en", "--login", "--pin-env",
                PIN_VAR);
        assertTrue(en.out().contains("Private key: on the token"), en.out());
    }

    @Test
    void certsOfAKeystoreNeedsItsPassword() throws Exception {
        String p12 = pki().resolve("personas/ie/ec-p256.p12").toString();
        Result r = run("certs", "--keystore", p12, "--pin-env", CliFixture.STORE_PASSWORD_VAR, "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"ogrnip\": \"319774600123453\""), r.out());
        Result none = run("certs", "--keystore", p12, "--lang", "en");
        assertEquals(3, none.exit(), none.toString());
        assertTrue(none.err().contains("there is no terminal to ask on"), none.toString());
        Result unset = run("certs", "--keystore", p12, "--pin-env", "ORGSIGN_NO_SUCH_VARIABLE", "--json");
        assertEquals(3, unset.exit());
        assertTrue(unset.out().contains("\"error\": \"PIN_MISSING\""), unset.toString());
    }

    @Test
    void checkDecidesByTheRegister() throws Exception {
        Result ok = run("check", "--module", module(), "--token", token.label(), "--key", "llc-head-ec-p256",
                "--type", "LLC", "--ogrn", LLC_OGRN, "--registry", registry(), "--json");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("\"decision\": \"ENTITLED\""), ok.out());
        Result employee = run("check", "--cert", pki().resolve("personas/llc-employee/ec-p256.pem").toString(),
                "--type", "LLC", "--ogrn", LLC_OGRN, "--registry", registry(), "--json", "--lang", "ru");
        assertEquals(4, employee.exit(), employee.toString());
        assertTrue(employee.out().contains("\"decision\": \"NOT_ENTITLED\"")
                && employee.out().contains("\"code\": \"certificate.no-organization\"")
                && employee.out().contains("доверенность"), employee.out());
        Result typo = run("check", "--cert", pki().resolve("personas/llc-head/ec-p256.pem").toString(),
                "--type", "LLC", "--ogrn", "1027700132194", "--registry", registry(), "--lang", "en");
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().startsWith("Error: "), typo.toString());
        Result neither = run("check", "--type", "LLC", "--ogrn", LLC_OGRN, "--registry", registry());
        assertEquals(2, neither.exit());
    }

    @Test
    void registerSignsOnTheTokenAndVerifyAcceptsIt() throws Exception {
        Path out = dir.resolve("reg");
        Result r = run("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(), "--token", token.label(),
                "--key", "llc-head-ec-p256", "--pin-env", PIN_VAR, "--registry", registry(), "--phone", "+74951234567",
                "--ca", pki().resolve("ca/fns-ca.pem").toString(), "--no-submit", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        // signed, not submitted: nothing is pending anywhere, so no verdict at all
        assertTrue(r.out().contains("\"status\": \"SIGNED\"") && r.out().contains("\"submitted\": false")
                && !r.out().contains("\"verdict\""), r.out());
        assertTrue(Files.size(out.resolve("registration.pdf")) > 1000, "the signed application is written too");
        assertTrue(Files.size(out.resolve("registration.json.sig")) > 500);
        String payload = Files.readString(out.resolve("registration.json"));
        assertTrue(payload.contains("\"phone\":\"+74951234567\"") && payload.contains("fedorov@romashka.test"), payload);
        assertFalse(r.out().contains("12345678") || r.err().contains("12345678"), "the PIN never appears");

        String[] verify = {"verify", "--payload", out.resolve("registration.json").toString(), "--signature",
                out.resolve("registration.json.sig").toString(), "--trust", pki().resolve("trust").toString(),
                "--crl", pki().resolve("crl/fns-ca.crl").toString(), "--registry", registry(), "--json"};
        Result v = run(verify);
        assertEquals(0, v.exit(), v.toString());
        assertTrue(v.out().contains("\"verdict\": \"VERIFIED\""), v.out());
        assertEquals(11, v.out().split("\"result\": \"PASSED\"", -1).length - 1, v.out());

        Files.writeString(out.resolve("registration.json"), payload.replace("+74951234567", "+74951234568"),
                StandardCharsets.UTF_8);
        Result tampered = run(verify);
        assertEquals(5, tampered.exit(), tampered.toString());
        assertTrue(tampered.out().contains("\"verdict\": \"REJECTED\""), tampered.out());
    }

    @Test
    void registerWithAKeystoreInTextMode() throws Exception {
        Path out = dir.resolve("ie");
        Result r = run("register", "--type", "IE", "--ogrn", CliFixture.IE_OGRNIP, "--keystore",
                pki().resolve("personas/ie/gost256.p12").toString(), "--pin-env", CliFixture.STORE_PASSWORD_VAR,
                "--registry", pki().resolve("registry/windows-1251").toString(), "--no-submit", "--out", out.toString(),
                "--lang", "ru");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Подписано. Файлы в") && r.out().contains("registration.json.sig"), r.out());
    }

    @Test
    void registerRefusesASignerWhoIsNotEntitledBeforeAnyLogin() throws Exception {
        Result r = run("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(), "--token", token.label(),
                "--key", "llc-employee-ec-p256", "--pin-env", "ORGSIGN_NO_SUCH_VARIABLE", "--registry", registry(),
                "--no-submit", "--out", dir.toString(), "--lang", "en");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("may not register the organization 1027700132195"), r.toString());
        assertFalse(Files.exists(dir.resolve("registration.json")));
    }

    @Test
    void registerWithoutAPinSourceAndNoTerminalFailsClearly() throws Exception {
        Result r = run("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(), "--token", token.label(),
                "--key", "llc-head-ec-p256", "--registry", registry(), "--ca", pki().resolve("ca/fns-ca.pem").toString(),
                "--no-submit", "--out", dir.toString(), "--json");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("\"error\": \"PIN_MISSING\""), r.out());
    }

    @Test
    void registerSaysBeforeThePinThatTheIssuingCaCertificateIsMissing() throws Exception {
        // The SoftHSM token holds only the holder's certificate, as the tokens of the Russian guide do; no PIN source
        // is given: the chain is judged before the PIN would be asked for.
        String[] args = {"register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(), "--token", token.label(),
            "--key", "llc-head-ec-p256", "--pin-env", "ORGSIGN_NO_SUCH_VARIABLE", "--registry", registry(), "--no-submit",
            "--out", dir.toString()};
        Result en = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--lang", "en"))
                .toArray(String[]::new));
        assertEquals(2, en.exit(), en.toString());
        assertTrue(en.err().contains("The certificate chain cannot be built: the certificate of the issuing CA 'Тестовый УЦ "
                + "ФНС России' is neither on the token nor given with --ca") && en.err().contains("give it with --ca FILE")
                && en.err().contains("add --yes"), en.toString());
        Result ru = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--lang", "ru"))
                .toArray(String[]::new));
        assertEquals(2, ru.exit(), ru.toString());
        assertTrue(ru.err().contains("Цепочка сертификатов не строится") && ru.err().contains("--ca ФАЙЛ"), ru.toString());
        assertFalse(Files.exists(dir.resolve("registration.json.sig")));

        Result yes = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--yes", "--lang", "en")).toArray(String[]::new));
        assertEquals(3, yes.exit(), "with --yes it is a warning, and the PIN is next: " + yes);
        assertTrue(yes.err().contains("Warning: The certificate chain cannot be built"), yes.toString());
    }

    @Test
    void severalKeysAndNoKeyChosenIsAnError() throws Exception {
        Result r = run("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(), "--token", token.label(),
                "--pin-env", PIN_VAR, "--registry", registry(), "--no-submit", "--out", dir.toString(), "--lang", "en");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("choose one with --key") && r.err().contains("llc-head-ec-p256"), r.toString());
    }

    @Test
    void verboseShowsTheStackTraceOnlyWhenAsked() throws Exception {
        String[] args = {"verify", "--payload", dir.resolve("missing.json").toString(), "--signature", "x.sig",
                "--trust", pki().resolve("trust").toString(), "--registry", registry(), "--lang", "en"};
        Result quiet = run(args);
        assertEquals(2, quiet.exit());
        assertTrue(quiet.err().contains("does not exist") && !quiet.err().contains("\tat "), quiet.toString());
        String[] loud = java.util.Arrays.copyOf(args, args.length + 1);
        loud[args.length] = "-v";
        Result verbose = run(loud);
        assertEquals(2, verbose.exit());
        assertTrue(verbose.err().contains("\tat "), verbose.toString());
    }
}
