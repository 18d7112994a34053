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
        for (String f : List.of("payload", "signature", "application", "receipt")) {
            used.add("file." + f);
        }
        assertTrue(used.size() > 150, "the scan finds the keys: " + used.size());
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), missing);
    }
}
