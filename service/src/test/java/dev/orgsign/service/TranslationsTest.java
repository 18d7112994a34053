package dev.orgsign.service;

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

/** The service's sentences (errors, mail, receipt, start line) exist in English and Russian. */
class TranslationsTest {
    static final String BUNDLE = "dev/orgsign/service/Messages";

    @Test
    void everyKeyHasBothLanguagesAndEveryUsedKeyExists() {
        assertEquals(List.of(), Translations.bundleProblems(BUNDLE));
        Path src = Path.of("src/main/java");
        Set<String> used = new TreeSet<>();
        for (String p : List.of("\\bT\\.text\\(\\s*\"([^\"]+)\"", "\\bT\\.format\\(\\w+(?:\\(\\))?, \"([^\"]+)\"",
                "\\bT\\.text\\(\\w+[^\"]*\\? \"([^\"]+)\"", "\\bT\\.text\\(\\w+[^\"]*\\? \"[^\"]+\" : \"([^\"]+)\"",
                "\\bt\\.format\\(l, \"([^\"]+)\"", "\\bt\\.format\\(l, ok \\? \"[^\"]+\" : \"([^\"]+)\"",
                "\\bt\\.format\\(l, ok \\? \"([^\"]+)\"", "format\\(l, demoKey \\? \"([^\"]+)\"",
                "format\\(l, demoKey \\? \"[^\"]+\" : \"([^\"]+)\"", "format\\(l, ie \\? \"([^\"]+)\"",
                "ApiHandler\\.T\\.(?:text|format)\\((?:[\\w.()]+, )?\"([^\"]+)\"", "\\brow\\(\"([^\"]+)\"",
                "\\brow\\(ie \\? \"([^\"]+)\" : \"([^\"]+)\"")) {
            used.addAll(Translations.keysUsed(src, Pattern.compile(p)));
        }
        used.removeIf(k -> k.endsWith("."));
        for (String r : List.of("PASSED", "FAILED", "NOT_CHECKED")) {
            used.add("mail.result." + r);
            used.add("receipt.result." + r);
        }
        for (String v : List.of("VERIFIED", "REJECTED", "PENDING")) {
            used.add("mail.subject." + v);
            used.add("receipt.verdict." + v);
        }
        for (String k : List.of("operator", "client")) {
            used.add("apiKeys.of." + k);
        }
        for (String t : List.of("IE", "LLC", "GOV")) {
            used.add("receipt.type." + t);
        }
        assertTrue(used.size() > 80, "the scan finds the keys: " + used.size());
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), missing);
    }
}
