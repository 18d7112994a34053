package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.orgsign.cli.CliFixture.LLC_OGRN;
import static dev.orgsign.cli.CliFixture.PIN_VAR;
import static dev.orgsign.cli.CliFixture.module;
import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static dev.orgsign.cli.WizardTerminalTest.FIRST_SCREEN;
import static dev.orgsign.cli.WizardTerminalTest.STEP;
import static dev.orgsign.cli.WizardTerminalTest.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After signing, whatever happens to the submission, the person is told where the signed files
 * are and the exact command, with the real endpoint, that submits them again or follows the
 * submission — and that command, run as printed, works. Real services: a port nothing listens on,
 * an instance that only takes submissions in (no workers, so no verdict comes), a full one.
 */
class FollowUpTest {
    static ProvisionedToken token;

    @BeforeAll
    static void provision() throws Exception {
        token = CliFixture.token("follow", Persona.LLC_HEAD);
    }

    static String[] register(Path out, String endpoint, String... more) throws Exception {
        List<String> a = new ArrayList<>(List.of("register", "--type", "LLC", "--ogrn", LLC_OGRN, "--module", module(),
                "--token", token.label(), "--key", "llc-head-ec-p256", "--pin-env", PIN_VAR, "--registry", registry(),
                "--ca", pki().resolve("ca/fns-ca.pem").toString(), "--out", out.toString(), "--endpoint", endpoint));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static ServiceConfig.Builder service(Path data, int port, int workers) throws Exception {
        return CliFixture.service(data, port, workers);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The arguments of an {@code orgsign ...} command line as printed (words, single-quoted ones kept whole). */
    static String[] args(String commandLine) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine.substring("orgsign ".length()));
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }

    static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + start + "…' in:\n" + text)).substring(start.length());
    }

    @Test
    void serviceDownSaysTheFilesAreSavedAndTheSubmitCommandThatThenWorks() throws Exception {
        Path out = workDir().resolve("reg");
        int port = freePort(); // nothing listens there
        String endpoint = "http://127.0.0.1:" + port + "/";
        Result r = run(register(out, endpoint, "--wait", "120s", "--lang", "ru"));
        assertEquals(6, r.exit(), r.toString());
        for (String f : List.of("registration.json", "registration.json.sig", "registration.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f + " is saved");
        }
        String dir = out.toAbsolutePath().normalize().toString();
        assertTrue(r.err().contains("Подписанное заявление сохранено в " + dir + "; ничего не потеряно."), r.toString());
        String again = line(r.err(), "Отправить ещё раз: ");
        assertEquals("orgsign submit --payload " + dir + "/registration.json --signature " + dir
                + "/registration.json.sig --endpoint " + endpoint + " --wait 120s", again);

        Result json = run(register(workDir().resolve("reg-json"), endpoint, "--json"));
        assertEquals(6, json.exit(), json.toString());
        assertTrue(json.out().contains("\"error\": \"SERVICE_UNREACHABLE\"") && json.out().contains("\"command\": \"orgsign submit")
                && json.out().contains("\"application\": \""), json.out());

        try (VerificationServer server = VerificationServer.start(service(workDir().resolve("svc"), port, 2).build())) {
            Result sent = run(args(again + " --lang en"));
            assertEquals(0, sent.exit(), "the command printed submits the saved files\n" + sent);
            assertTrue(sent.out().contains("VERIFIED "), sent.toString());
        }
    }

    @Test
    void aVerdictThatDoesNotComeInTimeGivesTheNumberAndTheStatusCommandThatThenWorks() throws Exception {
        Path out = workDir().resolve("slow");
        Path data = workDir().resolve("svc");
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port + "/";
        Result r;
        try (VerificationServer intakeOnly = VerificationServer.start(service(data, port, 0).build())) {
            r = run(register(out, endpoint, "--wait", "2s", "--lang", "ru"));
        }
        assertEquals(6, r.exit(), r.toString());
        assertTrue(Files.exists(out.resolve("registration.json.sig")), "the signed files stay");
        Matcher id = Pattern.compile("Заявление (\\S+) уже у сервиса, проверка продолжается\\.").matcher(r.err());
        assertTrue(id.find(), r.toString());
        String status = line(r.err(), "Узнать результат позже: ");
        assertEquals("orgsign status " + id.group(1) + " --endpoint " + endpoint + " --token-file "
                + out.toAbsolutePath().normalize().resolve("submission.json"), status, "the real endpoint, not 'URL'");

        try (VerificationServer full = VerificationServer.start(service(data, port, 2).build())) {
            Result later = null;
            for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < end; Thread.sleep(300)) {
                later = run(args(status + " --lang en"));
                if (!later.out().contains("PENDING")) {
                    break;
                }
            }
            assertEquals(0, later.exit(), "the command printed follows the submission\n" + later);
            assertTrue(later.out().contains("VERIFIED " + id.group(1)), later.toString());
        }
    }

    @Test
    void anUnknownNumberIsNotFoundWithItsOwnExitCode() throws Exception {
        try (VerificationServer server = VerificationServer.start(service(workDir().resolve("svc"), 0, 1).build())) {
            String unknown = "5c101270-be4c-48ea-bf09-ffac0a4203a0";
            // with a read token (the service answers 401 to a request with none, and 404 to a token that opens nothing)
            Result ru = run("status", unknown, "--endpoint", server.uri().toString(), "--token-env", CliFixture.PIN_VAR,
                    "--lang", "ru");
            assertEquals(7, ru.exit(), ru.toString());
            assertTrue(ru.err().contains("не знает заявления " + unknown), ru.toString());
            Result json = run("status", unknown, "--endpoint", server.uri().toString(), "--token-env", CliFixture.PIN_VAR,
                    "--json");
            assertEquals(7, json.exit(), json.toString());
            assertTrue(json.out().contains("\"error\": \"SUBMISSION_NOT_FOUND\""), json.toString());
        }
    }

    @Test
    void ctrlCWhileWaitingPrintsTheNumberAndTheStatusCommand() throws Exception {
        WizardLanguageTest.assumeTerminal();
        Path dir = workDir();
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port + "/";
        try (VerificationServer intakeOnly = VerificationServer.start(service(dir.resolve("svc"), port, 0).build());
             Tmux tty = Tmux.start(dir, WizardLanguageTest.command(token, "--type LLC --ogrn " + LLC_OGRN
                     + " --key llc-head-ec-p256 --email buh@romashka.test --phone 84951234567 --yes --registry "
                     + registry() + " --ca " + pki().resolve("ca/fns-ca.pem") + " --endpoint " + endpoint
                     + " --wait 600s --out " + dir.resolve("out")))) {
            tty.await("PIN-код для ", FIRST_SCREEN);
            tty.typeLine(System.getenv(PIN_VAR));
            tty.await("жду результата проверки", STEP);
            tty.key("C-c");
            String end = tty.await("EXIT=", STEP);
            Matcher id = Pattern.compile("Прервано\\. Заявление (\\S+) уже у сервиса, проверка продолжается\\.").matcher(end);
            assertTrue(id.find(), end);
            String status = "orgsign status " + id.group(1) + " --endpoint " + endpoint + " --token-file "
                    + dir.resolve("out").toAbsolutePath().normalize().resolve("submission.json");
            assertTrue(end.replace("\n", "").contains("Узнать результат позже: " + status), end);
            assertTrue(end.contains("EXIT=130"), end);
            for (String f : List.of("registration.json", "registration.json.sig", "registration.pdf", "submission.json")) {
                assertTrue(Files.exists(dir.resolve("out").resolve(f)), f + " is saved before the wait is interrupted");
            }
            assertFalse(end.lines().anyMatch(l -> l.contains("жду результата") && l.contains("Прервано")),
                    "the spinner line is ended before the message:\n" + end);
            Result known = run(args(status + " --json"));
            assertEquals(0, known.exit(), "the service has the submission\n" + known);
            assertTrue(known.out().contains("\"verdict\": \"PENDING\""), known.toString());
        }
    }
}
