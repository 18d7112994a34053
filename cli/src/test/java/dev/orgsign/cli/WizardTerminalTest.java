package dev.orgsign.cli;

import dev.orgsign.pkcs11.Pkcs11Library;
import dev.orgsign.pkcs11.Pkcs11Options;
import dev.orgsign.pkcs11.Pkcs11SigningToken;
import dev.orgsign.pkcs11.PinState;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registration wizard as a person uses it: the real launcher {@code bin/orgsign} in a tmux
 * terminal, keys typed, the screen read.
 */
class WizardTerminalTest {
    /** The first start after a build also makes the class-data-sharing archive. */
    static final Duration FIRST_SCREEN = Duration.ofMinutes(4);
    static final Duration STEP = Duration.ofSeconds(60);

    static Path launcher() {
        return Path.of("").toAbsolutePath().getParent().resolve("bin/orgsign");
    }

    static Path workDir() throws Exception {
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tty-");
    }

    static String command(ProvisionedToken token, String args) {
        return "env SOFTHSM2_CONF=" + token.softHsm().configFile() + " " + launcher() + " register --lang en"
                + " --module " + token.softHsm().libraryPath() + " --token " + token.label() + " " + args
                + "; echo EXIT=$?; sleep 600";
    }

    @Test
    void wizardFromTypeToVerdict() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        ProvisionedToken token = CliFixture.token("wizard", Persona.LLC_HEAD, Persona.LLC_EMPLOYEE);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        ServiceConfig config = ServiceConfig.builder().port(0).dataDir(dir.resolve("service"))
                .trust(pki.resolve("trust")).crls(List.of(pki.resolve("crl"))).registry(pki.resolve("registry/utf-8"))
                .build();
        try (VerificationServer server = VerificationServer.start(config);
             Tmux tty = Tmux.start(dir, command(token, "--registry " + pki.resolve("registry/utf-8")
                     + " --ca " + pki.resolve("ca/fns-ca.pem") + " --endpoint " + server.uri()
                     + " --wait 120s --out " + dir.resolve("out")))) {
            tty.await("What is being registered?", FIRST_SCREEN);
            tty.await("Number (1-3) [2]:", STEP);
            tty.typeLine("2");
            String list = tty.await("Certificates on the token:", STEP);
            list = tty.await("Number (1-3) [1]:", STEP);
            assertTrue(list.contains("Фёдоров Алексей Петрович  <- entitled by the register"), list);
            assertTrue(list.contains("Смирнова Ольга Викторовна") && list.contains("OGRN: 1027700132195"), list);
            int choice = number(list, "(llc-head-ec-p256)");
            tty.typeLine(Integer.toString(choice));
            tty.await("OGRN of the organization [1027700132195]:", STEP);
            tty.typeLine("");
            String beforePin = tty.await("PIN for ", STEP);
            assertTrue(beforePin.indexOf("The register confirms") < beforePin.indexOf("PIN for "),
                    "authority is checked before the PIN is asked:\n" + beforePin);
            String pin = System.getenv(CliFixture.PIN_VAR);
            tty.typeLine(pin);
            tty.await("E-mail for the verdict [fedorov@romashka.test]:", STEP);
            tty.typeLine("");
            tty.await("Contact phone", STEP);
            tty.typeLine("+74951234567");
            String summary = tty.await("Sign and submit? [y/N]", STEP);
            assertTrue(summary.contains("Organization: ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"РОМАШКА\"")
                    && summary.contains("phone +74951234567"), summary);
            tty.typeLine("y");
            String end = tty.await("EXIT=", Duration.ofMinutes(3));
            assertTrue(end.contains("VERIFIED "), end);
            assertTrue(end.contains("EXIT=0"), end);
            assertFalse(end.contains(pin), "the PIN is never echoed");
            assertTrue(Files.size(dir.resolve("out/registration.pdf")) > 1000);
        }
    }

    @Test
    void wrongPinOnceGivesExitThreeAndOneFailedLogin() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        ProvisionedToken token = CliFixture.token("wizard-wrong", Persona.LLC_HEAD);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        try (Tmux tty = Tmux.start(dir, command(token, "--type LLC --ogrn " + CliFixture.LLC_OGRN
                + " --key llc-head-ec-p256 --registry " + pki.resolve("registry/utf-8") + " --ca " + pki.resolve("ca/fns-ca.pem")
                + " --no-submit --out " + dir.resolve("out")))) {
            tty.await("PIN for ", FIRST_SCREEN);
            tty.typeLine(System.getenv(CliFixture.WRONG_PIN_VAR));
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("Error: The PIN for") && end.contains("is wrong."), end);
            assertTrue(end.contains("EXIT=3"), end);
            assertEquals(1, end.lines().filter(l -> l.startsWith("PIN for ")).count(),
                    "the PIN was asked once, never again:\n" + end);
            assertFalse(Files.exists(dir.resolve("out/registration.json.sig")));
        }
        try (Pkcs11Library lib = Pkcs11Library.open(Path.of(CliFixture.module()));
             Pkcs11SigningToken t = lib.openToken(token.label(), Pkcs11Options.defaults())) {
            PinState state = t.pinState();
            assertTrue(state.countLow(), "the token recorded the failed login");
            assertFalse(state.locked() || state.finalTry(), "one failure, no lock");
        }
        assertEquals(SoftHsm.USER_PIN.length(), System.getenv(CliFixture.PIN_VAR).length());
    }

    @Test
    void onTheFinalTryTheWizardAsksFirstAndDecliningTriesNothing() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        ProvisionedToken token = CliFixture.token("wizard-final", Persona.LLC_HEAD);
        token.softHsm().setUserPinFlags(token.label(), true, true, false);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        try (Tmux tty = Tmux.start(dir, command(token, "--type LLC --ogrn " + CliFixture.LLC_OGRN
                + " --key llc-head-ec-p256 --registry " + pki.resolve("registry/utf-8") + " --ca " + pki.resolve("ca/fns-ca.pem")
                + " --no-submit --out " + dir.resolve("out")))) {
            tty.await("Enter the PIN anyway? [y/N]", FIRST_SCREEN);
            tty.typeLine("n");
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("The PIN was not tried"), end);
            assertTrue(end.contains("EXIT=3"), end);
            assertFalse(end.lines().anyMatch(l -> l.startsWith("PIN for ")), "no PIN was asked:\n" + end);
        }
    }

    @Test
    void withTwoTokensInsertedTheWizardOffersANumberedChoice() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        Path dir = workDir();
        SoftHsm softHsm = SoftHsm.at(dir.resolve("softhsm"));
        ProvisionedToken first = softHsm.provision("ECP", SoftHsm.USER_PIN, dev.orgsign.testcerts.TestPki.get(),
                java.util.EnumSet.of(Persona.LLC_HEAD));
        ProvisionedToken second = softHsm.provision("ECP-2", SoftHsm.USER_PIN, dev.orgsign.testcerts.TestPki.get(),
                java.util.EnumSet.of(Persona.LLC_HEAD));
        Path pki = CliFixture.pki();
        // no --module, no --token: every installed module is searched, as on an accountant's desk
        String command = "env SOFTHSM2_CONF=" + softHsm.configFile() + " " + launcher() + " register --lang en --type LLC"
                + " --ogrn " + CliFixture.LLC_OGRN + " --registry " + pki.resolve("registry/utf-8") + " --ca "
                + pki.resolve("ca/fns-ca.pem") + " --no-submit --out " + dir.resolve("out") + "; echo EXIT=$?; sleep 600";
        try (Tmux tty = Tmux.start(dir, command)) {
            String choice = tty.await("Number (1-2): ", FIRST_SCREEN);
            assertTrue(choice.contains("Several tokens are inserted. Which one holds your signature?"), choice);
            assertTrue(choice.contains("ECP — SoftHSM v2, serial " + first.serial() + ", module libsofthsm2.so"), choice);
            assertTrue(choice.contains("ECP-2 — SoftHSM v2, serial " + second.serial() + ", module libsofthsm2.so"), choice);
            tty.typeLine(Integer.toString(number(choice, "ECP-2 — ")));
            tty.await("Certificates on the token:", STEP);
            tty.await("Number (1-2) [1]:", STEP);
            tty.typeLine("");
            String pin = tty.await("PIN for ", STEP);
            assertTrue(pin.contains("PIN for SoftHSM v2 'ECP-2', serial " + second.serial()), pin);
            tty.typeLine(System.getenv(CliFixture.PIN_VAR));
            tty.await("E-mail for the verdict [", STEP);
            tty.typeLine("");
            tty.await("Contact phone", STEP);
            tty.typeLine("");
            tty.await("Sign? [y/N]", STEP);
            tty.typeLine("y");
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("EXIT=0"), end);
            assertTrue(Files.size(dir.resolve("out/registration.json.sig")) > 100);
        }
    }

    @Test
    void withoutTheIssuingCaCertificateTheWizardWarnsBeforeThePinAndDecliningSignsNothing() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        ProvisionedToken token = CliFixture.token("wizard-chain", Persona.LLC_HEAD); // the token holds the leaf only
        Path pki = CliFixture.pki();
        Path dir = workDir();
        try (Tmux tty = Tmux.start(dir, command(token, "--type LLC --ogrn " + CliFixture.LLC_OGRN
                + " --key llc-head-ec-p256 --registry " + pki.resolve("registry/utf-8") + " --no-submit --out "
                + dir.resolve("out")))) {
            String warning = tty.await("Sign anyway? [y/N]", FIRST_SCREEN);
            assertTrue(warning.contains("Warning: The certificate chain cannot be built: the certificate of the issuing CA "
                    + "'Тестовый УЦ ФНС России' is neither on the token nor given with --ca"), warning);
            tty.typeLine("n");
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("Registration cancelled; nothing was signed.") && end.contains("EXIT=2"), end);
            assertFalse(end.lines().anyMatch(l -> l.startsWith("PIN for ")), "no PIN was asked:\n" + end);
            assertFalse(Files.exists(dir.resolve("out/registration.json.sig")));
        }
    }

    /** The list number of the entry whose key line contains {@code marker}. */
    static int number(String screen, String marker) {
        int at = screen.indexOf(marker);
        String before = screen.substring(0, at);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)\\. ").matcher(before);
        int n = -1;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        return n;
    }
}
