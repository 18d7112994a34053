package dev.orgsign.pkcs11;

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

/** The token sentences exist in English and Russian, under every key the sources use. */
class TranslationsTest {
    static final String BUNDLE = "dev/orgsign/pkcs11/Messages";

    @Test
    void everyKeyHasBothLanguagesAndNoSentenceMixesThem() {
        assertEquals(List.of(), Translations.bundleProblems(BUNDLE));
    }

    @Test
    void everyKeyTheSourcesUseIsInTheBundle() {
        Path src = Path.of("src/main/java");
        Set<String> used = new TreeSet<>(Translations.keysUsed(src, Pattern.compile("\\b(?:T|t)\\.(?:text|format)\\((?:locale, )?\"([^\"]+)\"")));
        for (String action : Translations.keysUsed(src, Pattern.compile("Pkcs11Errors\\.of\\([^;]*?, \"(\\w+)\", "))) {
            used.add("action." + action);
        }
        used.removeIf(k -> k.endsWith("."));
        assertTrue(used.size() > 40, "the scan finds the keys: " + used);
        assertTrue(used.containsAll(List.of("action.signing", "action.login", "action.init")), used.toString());
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), missing);
    }
}
