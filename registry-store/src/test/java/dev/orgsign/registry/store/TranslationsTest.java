package dev.orgsign.registry.store;

import dev.orgsign.testcerts.Translations;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register store's sentences exist in English and Russian, under every key the sources use. */
class TranslationsTest {
    static final String BUNDLE = "dev/orgsign/registry/store/Messages";

    @Test
    void everyKeyHasBothLanguagesAndEveryUsedKeyExists() {
        assertEquals(List.of(), Translations.bundleProblems(BUNDLE));
        List<String> used = new ArrayList<>(Translations.keysUsed(Path.of("src/main/java"),
                Pattern.compile("\\.text\\(\"([^\"]+)\"")));
        assertTrue(used.size() >= 13, used.toString());
        used.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), used);
    }
}
