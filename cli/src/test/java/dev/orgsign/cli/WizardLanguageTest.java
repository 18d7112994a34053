package dev.orgsign.cli;

import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.Translations;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.orgsign.cli.WizardTerminalTest.FIRST_SCREEN;
import static dev.orgsign.cli.WizardTerminalTest.STEP;
import static dev.orgsign.cli.WizardTerminalTest.launcher;
import static dev.orgsign.cli.WizardTerminalTest.number;
import static dev.orgsign.cli.WizardTerminalTest.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The wizard as an accountant meets it: the real launcher in a tmux terminal whose locale is
 * {@code ru_RU.UTF-8}, with mistakes typed on the way (a mistyped OGRN, an address that is not one,
 * an answer that is neither yes nor no), each said and asked again, to the verdict — and not one
 * English sentence on the screen. The same run with {@code --lang en} has not one Russian sentence.
 */
class WizardLanguageTest {
    static final String LOCALE = "ru_RU.UTF-8";

    static void assumeTerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String locales = new String(p.getInputStream().readAllBytes());
        assumeTrue(locales.lines().anyMatch(l -> l.equalsIgnoreCase("ru_RU.utf8") || l.equalsIgnoreCase(LOCALE)),
                "scripts/setup generates " + LOCALE);
    }

    /** A shell command line: the launcher in the Russian locale on the token's SoftHSM. */
    static String command(ProvisionedToken token, String args) {
        return "env LANG=" + LOCALE + " LC_ALL=" + LOCALE + " SOFTHSM2_CONF=" + token.softHsm().configFile() + " "
                + launcher() + " register --module " + token.softHsm().libraryPath() + " --token " + token.label()
                + " " + args + "; echo EXIT=$?; sleep 600";
    }

    @Test
    void russianFromAMistypedOgrnToTheVerdictWithoutOneEnglishSentence() throws Exception {
        String screen = wizard("ru", "", new Answers("Что регистрируем?", "Номер (1-3) [2]:", "Сертификаты на токене:",
                "Номер (1-3) [1]:", "ОГРН организации [1027700132195]:", "содержит опечатку: контрольная цифра должна быть 5",
                "Реестр подтверждает", "PIN-код для ", "Электронная почта для результата [fedorov@romashka.test]:",
                "не адрес электронной почты", "Контактный телефон", "Подписать и отправить? [д/Н]",
                "Ответьте д (да) или н (нет).", "ПОДТВЕРЖДЕНО "));
        assertTrue(screen.contains("Контакт: fedorov@romashka.test, телефон +74951234567"),
                "the usual Russian phone form is written +7…:\n" + screen);
        assertEquals(List.of(), Translations.englishLines(screen), "no English sentence on the screen:\n" + screen);
    }

    @Test
    void englishWithLangEnWithoutOneRussianSentence() throws Exception {
        String screen = wizard("en", "--lang en", new Answers("What is being registered?", "Number (1-3) [2]:",
                "Certificates on the token:", "Number (1-3) [1]:", "OGRN of the organization [1027700132195]:",
                "is mistyped: its check digit should be 5", "The register confirms", "PIN for ",
                "E-mail for the verdict [fedorov@romashka.test]:", "is not an e-mail address", "Contact phone",
                "Sign and submit? [y/N]", "Answer y (yes) or n (no).", "VERIFIED "));
        assertTrue(screen.contains("Contact: fedorov@romashka.test, phone +74951234567"), screen);
        assertEquals(List.of(), Translations.russianLines(screen), "no Russian sentence on the screen:\n" + screen);
    }

    /** What the screen says at each step, in the order the wizard gets there. */
    record Answers(String type, String typeNumber, String certificates, String certificateNumber, String ogrn,
                   String ogrnTypo, String authority, String pin, String email, String emailTypo, String phone,
                   String confirm, String confirmTypo, String verdict) {
    }

    private static String wizard(String name, String args, Answers a) throws Exception {
        assumeTerminal();
        ProvisionedToken token = CliFixture.token("lang-" + name, Persona.LLC_HEAD, Persona.LLC_EMPLOYEE);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        try (VerificationServer server = VerificationServer.start(CliFixture.service(dir.resolve("service"), 0, 2).build());
             Tmux tty = Tmux.start(dir, command(token, args + " --registry " + pki.resolve("registry/utf-8")
                     + " --ca " + pki.resolve("ca/fns-ca.pem") + " --endpoint " + server.uri()
                     + " --wait 120s --out " + dir.resolve("out")))) {
            tty.await(a.type(), FIRST_SCREEN);
            tty.await(a.typeNumber(), STEP);
            tty.typeLine("2");
            tty.await(a.certificates(), STEP);
            String list = tty.await(a.certificateNumber(), STEP);
            tty.typeLine(Integer.toString(number(list, "(llc-head-ec-p256)")));
            tty.await(a.ogrn(), STEP);
            tty.typeLine("1027700132194"); // the last digit mistyped
            tty.await(a.ogrnTypo(), STEP);
            tty.await(a.ogrn(), 2, STEP); // asked again: the session goes on
            tty.typeLine("");
            String beforePin = tty.await(a.pin(), STEP);
            assertTrue(beforePin.indexOf(a.authority()) < beforePin.lastIndexOf(a.pin()), beforePin);
            String pin = System.getenv(CliFixture.PIN_VAR);
            tty.typeLine(pin);
            tty.await(a.email(), STEP);
            tty.typeLine("fedorov.romashka.test");
            tty.await(a.emailTypo(), STEP);
            tty.await(a.email(), 2, STEP);
            tty.typeLine("");
            tty.await(a.phone(), STEP);
            tty.typeLine("8 (495) 123-45-67");
            tty.await(a.confirm(), STEP);
            tty.typeLine("ага");
            tty.await(a.confirmTypo(), STEP);
            tty.await(a.confirm(), 2, STEP); // neither yes nor no: asked again
            tty.typeLine(a.confirm().endsWith("[д/Н]") ? "д" : "y");
            String end = tty.await("EXIT=", Duration.ofMinutes(3));
            assertTrue(end.contains(a.verdict()) && end.contains("EXIT=0"), end);
            assertFalse(end.contains(pin), "the PIN is never echoed");
            assertTrue(Files.size(dir.resolve("out/registration.pdf")) > 1000);
            // the launcher's last lines are the shell's, not orgsign's
            return end.substring(0, end.indexOf("EXIT="));
        }
    }

    @Test
    void noAtTheSummaryCancelsWithNothingSignedAndWhatTheCommandLineGaveIsNotAsked() throws Exception {
        assumeTerminal();
        ProvisionedToken token = CliFixture.token("lang-no", Persona.LLC_HEAD);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        try (Tmux tty = Tmux.start(dir, command(token, "--type LLC --ogrn " + CliFixture.LLC_OGRN
                + " --key llc-head-ec-p256 --email buh@romashka.test --phone '+7 (495) 765-43-21' --registry "
                + pki.resolve("registry/utf-8") + " --ca " + pki.resolve("ca/fns-ca.pem") + " --no-submit --out "
                + dir.resolve("out")))) {
            tty.await("PIN-код для ", FIRST_SCREEN);
            tty.typeLine(System.getenv(CliFixture.PIN_VAR));
            String summary = tty.await("Подписать? [д/Н]", STEP);
            assertTrue(summary.contains("Контакт: buh@romashka.test, телефон +74957654321"), summary);
            assertFalse(summary.contains("Электронная почта для результата") || summary.contains("Контактный телефон"),
                    "what the command line gave is not asked again:\n" + summary);
            tty.typeLine("нет");
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("Регистрация отменена; ничего не подписано.") && end.contains("EXIT=8"), end);
            assertFalse(end.contains("Ошибка"), "a cancellation is the person's choice, not an error:\n" + end);
            assertFalse(Files.exists(dir.resolve("out/registration.json.sig")), "nothing was signed");
        }
    }
}
