package dev.orgsign.cli;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.token.KeyPresence;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Translations;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command's sentences and help texts exist in English and Russian, under every key the
 * sources use (a key only in English, or a Russian text with English words, fails here).
 */
class TranslationsTest {
    static final String BUNDLE = "dev/orgsign/cli/Messages";

    @Test
    void everyKeyHasBothLanguagesAndNoSentenceMixesThem() {
        assertEquals(List.of(), Translations.bundleProblems(BUNDLE));
    }

    /** Every help screen in Russian has no English sentence, and in English no Russian one. */
    @Test
    void helpIsInOneLanguage() {
        List<String> commands = List.of("", "tokens", "certs", "check", "register", "verify", "submit", "status", "serve",
                "demo", "completion", "registry", "registry import", "registry info");
        for (String c : commands) {
            List<String> args = new ArrayList<>(c.isEmpty() ? List.of() : List.of(c.split(" ")));
            args.add("--help");
            List<String> ru = new ArrayList<>(args);
            ru.addAll(List.of("--lang", "ru"));
            CliFixture.Result r = CliFixture.run(ru.toArray(String[]::new));
            assertEquals(0, r.exit(), c + ": " + r);
            assertEquals(List.of(), Translations.englishLines(r.out()), "orgsign " + c + " --help --lang ru:\n" + r.out());
            List<String> en = new ArrayList<>(args);
            en.addAll(List.of("--lang", "en"));
            CliFixture.Result e = CliFixture.run(en.toArray(String[]::new));
            assertEquals(List.of(), Translations.russianLines(e.out()), "orgsign " + c + " --help --lang en:\n" + e.out());
        }
    }

    @Test
    void everyKeyTheSourcesUseIsInTheBundle() {
        Path src = Path.of("src/main/java");
        Set<String> used = new TreeSet<>();
        for (String p : List.of("\\bget\\(\\s*\"([^\"]+)\"", "\\bget\\(\\s*\\w+ \\? \"([^\"]+)\"",
                "\\bget\\(\\s*\\w+ \\? \"[^\"]+\" : \"([^\"]+)\"", "Messages\\.text\\(\\s*\"([^\"]+)\"",
                "descriptionKey = \"([^\"]+)\"", "\"(opt\\.\\w+)\"", "\"(ask\\.\\w+)\"", "\"(wizard\\.\\w+)\"")) {
            used.addAll(Translations.keysUsed(src, Pattern.compile(p)));
        }
        used.removeIf(k -> k.endsWith(".") || !k.contains("."));
        for (OrganizationType t : OrganizationType.values()) {
            used.add("type." + t.name());
        }
        for (AuthorityDecision.Outcome o : AuthorityDecision.Outcome.values()) {
            used.add("check." + o.name());
        }
        for (Verdict v : Verdict.values()) {
            used.add("verdict." + v.name());
        }
        for (KeyPresence k : KeyPresence.values()) {
            used.add("certs.privateKey." + k.name());
        }
        for (String p : List.of("ok", "count-low", "final-try", "locked", "must-change")) {
            used.add("pinState." + p);
        }
        for (String f : List.of("payload", "signature", "application", "receipt")) {
            used.add("file." + f);
        }
        assertTrue(used.size() > 150, "the scan finds the keys: " + used.size());
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), missing);
    }
}
