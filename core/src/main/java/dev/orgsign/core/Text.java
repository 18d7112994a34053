package dev.orgsign.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sentence for people that exists in Russian and in English and is made in the reader's
 * language only when shown: {@link #in(Locale)} gives the Russian sentence for a Russian locale
 * ({@code ru}), the English one for any other. The library's sentences come from a module's
 * {@link Texts} bundle by a stable key; sentences that already arrive in both languages (the
 * authority reasons, {@code Reason}) are {@link #of(String, String)}.
 */
@FunctionalInterface
public interface Text {
    /**
     * The sentence in a language.
     *
     * @param locale the reader's locale
     * @return the Russian sentence when {@code locale}'s language is {@code ru}, else the English one
     */
    String in(Locale locale);

    /**
     * Whether a locale asks for Russian.
     *
     * @param locale a locale, or null
     * @return true when its language is {@code ru}
     */
    static boolean russian(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage());
    }

    /**
     * A sentence given in both languages.
     *
     * @param english the English sentence
     * @param russian the Russian sentence
     * @return the text
     */
    static Text of(String english, String russian) {
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(russian, "russian");
        return locale -> russian(locale) ? russian : english;
    }

    /**
     * Several texts in a row, each in the same language.
     *
     * @param separator what goes between them (the same in both languages)
     * @param parts     the texts
     * @return the joined text
     */
    static Text join(String separator, List<? extends Text> parts) {
        List<Text> copy = List.copyOf(parts);
        return locale -> copy.stream().map(t -> t.in(locale)).collect(Collectors.joining(separator));
    }
}
