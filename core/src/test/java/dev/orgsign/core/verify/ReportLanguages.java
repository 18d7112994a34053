package dev.orgsign.core.verify;

import dev.orgsign.testcerts.Translations;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Asserts that a report's checks are said in one language at a time: no English in Russian, no Russian in English. */
final class ReportLanguages {
    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private ReportLanguages() {
    }

    /**
     * Every check of {@code r}: its Russian sentence holds no English word, its English one no Russian word.
     *
     * @param r       the report
     * @param context what was verified, for the failure message
     */
    static void assertOneLanguage(VerificationReport r, String context) {
        for (Check c : r.checks()) {
            assertOneLanguage(c, context);
        }
    }

    /**
     * One check: its Russian sentence holds no English word, its English one no Russian word, and the
     * two differ (a sentence that was never translated reads the same in both).
     *
     * @param c       the check
     * @param context what was verified, for the failure message
     */
    static void assertOneLanguage(Check c, String context) {
        String russian = c.message(RUSSIAN);
        String english = c.message(Locale.ENGLISH);
        assertEquals(List.of(), Translations.englishWords(russian), context + ": " + c.code() + ": " + russian);
        assertEquals(List.of(), Translations.russianWords(english), context + ": " + c.code() + ": " + english);
        assertNotEquals(english, russian, context + ": " + c.code() + " is said in one language only");
    }
}
