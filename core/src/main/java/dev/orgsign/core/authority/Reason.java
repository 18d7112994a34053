package dev.orgsign.core.authority;

import java.util.Locale;

/**
 * One reason behind an {@link AuthorityDecision}: a stable code for scripts and a sentence in
 * Russian and in English for people.
 */
public record Reason(String code, String english, String russian) {
    /**
     * @param locale the reader's locale, or null
     * @return the sentence in the language of {@code locale} (Russian for "ru", English otherwise)
     */
    public String message(Locale locale) {
        return dev.orgsign.core.Text.russian(locale) ? russian : english;
    }
}
