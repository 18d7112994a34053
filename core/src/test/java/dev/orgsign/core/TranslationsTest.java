package dev.orgsign.core;

import dev.orgsign.testcerts.Translations;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's sentences exist in English and Russian, under every key the sources use. */
class TranslationsTest {
    static final String BUNDLE = "dev/orgsign/core/Messages";

    @Test
    void everyKeyHasBothLanguagesAndNoSentenceMixesThem() {
        assertEquals(List.of(), Translations.bundleProblems(BUNDLE));
    }

    @Test
    void everyKeyTheSourcesUseIsInTheBundle() {
        Set<String> used = new TreeSet<>(Translations.keysUsed(Path.of("src/main/java"),
                Pattern.compile("\\bT\\.text\\(\\s*\"([^\"]+)\"")));
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.text\\(\\s*\\w+ \\? \"([^\"]+)\"")));
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.format\\(\\w+, \"([^\"]+)\"")));
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.format\\(\\w+, \\w+ \\? \"([^\"]+)\"")));
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.format\\(\\w+, \\w+ \\? \"[^\"]+\" : \"([^\"]+)\"")));
        for (OrganizationType t : OrganizationType.values()) {
            used.add("application.type." + t.name());
        }
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.text\\(\\s*\\w+[^\"]*\\? \"[^\"]+\" : \"([^\"]+)\"")));
        // a condition that runs over lines: T.text(a == b\n ? "x" : "y"
        used.addAll(Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\bT\\.text\\(\\s*[^;\"]*?\\?\\s*\"([^\"]+)\"")));
        used.addAll(Translations.keysUsed(Path.of("src/main/java"),
                Pattern.compile("\\bT\\.text\\(\\s*[^;\"]*?\\?\\s*\"[^\"]+\"\\s*:\\s*\"([^\"]+)\"")));
        used.removeIf(k -> k.endsWith(".")); // a prefix completed at run time: its keys are listed below
        for (String kind : List.of("attached", "detached")) {
            used.add("cms." + kind + ".notes");
        }
        for (String what : List.of("anchors", "crls")) {
            used.add("trust.folder." + what);
            used.add("trust.missing." + what);
        }
        for (java.security.cert.CRLReason r : java.security.cert.CRLReason.values()) {
            used.add("revocation.reason." + r.name());
        }
        used.add("trustList.why.algorithm.canonicalization");
        Translations.keysUsed(Path.of("src/main/java"), Pattern.compile("\\brefused\\(name, \"(\\w+)\"")).forEach(k -> used.add("trustList.why." + k));
        for (String field : List.of("fullName", "shortName", "position")) {
            used.add("match.field." + field);
        }
        for (String f : List.of("OGRN", "OGRNIP", "INN", "SNILS", "KPP")) {
            used.add("field." + f);
        }
        assertTrue(used.size() > 100, "the scan finds the keys: " + used.size());
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(Translations.keys(BUNDLE));
        assertEquals(List.of(), missing);
    }

    @Test
    void aFailureSaysItsSentenceInTheReadersLanguage() {
        OrgsignException e = assertThrows(() -> dev.orgsign.core.identifier.Identifiers.ogrn("OGRN", "1027700132194"));
        assertEquals(ErrorCode.INVALID_IDENTIFIER, e.code());
        assertEquals("The OGRN '1027700132194' is mistyped: its check digit should be 5. Check it against the document "
                + "it was copied from.", e.getMessage());
        assertEquals("ОГРН «1027700132194» содержит опечатку: контрольная цифра должна быть 5. Сверьте значение с "
                + "документом, из которого оно переписано.", e.message(Locale.forLanguageTag("ru-RU")));
        assertEquals(e.getMessage(), e.message(Locale.GERMAN), "other languages get English");
        OrgsignException plain = new OrgsignException(ErrorCode.USAGE, "Как есть.");
        assertEquals("Как есть.", plain.message(Locale.ENGLISH));
    }

    @Test
    void theDetectorTellsTheLanguagesApart() {
        assertEquals(List.of("is", "not"), Translations.englishWords("Файл «x» is not тут"));
        assertEquals(List.of(), Translations.englishWords("Ключ: llc-head-ec-p256 (EC-256), файл /tmp/a/out.json, "
                + "--endpoint http://127.0.0.1:8080/ и certificate.revocation, серийный номер 3a1f"));
        assertEquals(List.of("не"), Translations.russianWords("Organization: ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ; не"));
    }

    private static OrgsignException assertThrows(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(OrgsignException.class, e);
    }
}
