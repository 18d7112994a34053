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
        return new Pair(Objects.requireNonNull(english, "english"), Objects.requireNonNull(russian, "russian"));
    }

    /**
     * A value that reads the same in both languages (a name, a number, a technical phrase).
     *
     * @param same the value
     * @return the text
     */
    static Text literal(String same) {
        String s = String.valueOf(same);
        return new Pair(s, s);
    }

    /**
     * Words that exist in one language only (what a library or a server said): as they are in
     * English, quoted as data («…») in Russian, so that a Russian sentence does not go on in English.
     *
     * @param said the words
     * @return the text
     */
    static Text quoted(String said) {
        String s = String.valueOf(said);
        return new Pair(s, "«" + s + "»");
    }

    /**
     * Several texts in a row, each in the same language.
     *
     * @param separator what goes between them (the same in both languages)
     * @param parts     the texts
     * @return the joined text
     */
    static Text join(String separator, List<? extends Text> parts) {
        return new Joined(separator, List.copyOf(parts));
    }

    /** Two given sentences; {@link #toString()} is the English one. */
    record Pair(String english, String russian) implements Text {
        @Override
        public String in(Locale locale) {
            return Text.russian(locale) ? russian : english;
        }

        @Override
        public String toString() {
            return english;
        }
    }

    /** Texts in a row; {@link #toString()} is the English one. */
    record Joined(String separator, List<Text> parts) implements Text {
        @Override
        public String in(Locale locale) {
            return parts.stream().map(t -> t.in(locale)).collect(Collectors.joining(separator));
        }

        @Override
        public String toString() {
            return in(Locale.ENGLISH);
        }
    }
}
