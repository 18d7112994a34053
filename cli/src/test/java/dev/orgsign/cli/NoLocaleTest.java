package dev.orgsign.cli;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.orgsign.cli.WizardTerminalTest.FIRST_SCREEN;
import static dev.orgsign.cli.WizardTerminalTest.STEP;
import static dev.orgsign.cli.WizardTerminalTest.launcher;
import static dev.orgsign.cli.WizardTerminalTest.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A shell without LANG (a fresh container, ssh, cron) says US-ASCII; orgsign still writes Russian
 * in UTF-8, never '?', and reads a Russian answer typed on such a terminal.
 */
class NoLocaleTest {
    private static final String UNSET = "env -u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES ";

    @Test
    void russianComesOutAsUtf8WithoutALocale() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "LC_MESSAGES",
                launcher().toString(), "check", "--lang", "ru"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString(); // fails on anything that is not UTF-8
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("Ошибка: Не задан обязательный параметр: --type IE|LLC|GOV"), text);
        assertFalse(text.contains("??"), "no letter lost:\n" + text);
    }

    @Test
    void aRussianAnswerIsReadOnATerminalWithoutALocale() throws Exception {
        WizardLanguageTest.assumeTerminal();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by scripts/setup");
        ProvisionedToken token = CliFixture.token("no-locale", Persona.LLC_HEAD);
        Path pki = CliFixture.pki();
        Path dir = workDir();
        String command = UNSET + "SOFTHSM2_CONF=" + token.softHsm().configFile() + " " + launcher() + " register --lang ru"
                + " --module " + token.softHsm().libraryPath() + " --token " + token.label() + " --type LLC --ogrn "
                + CliFixture.LLC_OGRN + " --key llc-head-ec-p256 --email buh@romashka.test --registry "
                + pki.resolve("registry/utf-8") + " --ca " + pki.resolve("ca/fns-ca.pem") + " --no-submit --out " + dir.resolve("out") + "; echo EXIT=$?; sleep 600";
        try (Tmux tty = Tmux.start(dir, command)) {
            tty.await("PIN-код для ", FIRST_SCREEN);
            tty.typeLine(System.getenv(CliFixture.PIN_VAR));
            tty.await("Контактный телефон", STEP);
            tty.typeLine("");
            tty.await("Подписать? [д/Н]", STEP);
            tty.typeLine("нет");
            String end = tty.await("EXIT=", STEP);
            assertTrue(end.contains("Регистрация отменена; ничего не подписано.") && end.contains("EXIT=8"), end);
            assertFalse(Files.exists(dir.resolve("out/registration.json.sig")));
        }
    }
}
