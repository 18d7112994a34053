package dev.orgsign.cli;

import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.util.Locale;

/**
 * The command's sentences in Russian or English, from the resource bundle
 * {@code dev.orgsign.cli.Messages} (which also holds the help texts picocli shows), read through
 * core's {@link Texts}: placeholders are {@code {0}}, {@code {1}}, … and are replaced literally (no
 * MessageFormat quoting rules, so apostrophes need no escaping).
 */
public final class Messages {
    /** The bundle's base name. */
    public static final String BUNDLE = "dev.orgsign.cli.Messages";
    /** The bundle, for sentences made before the language is known (a failure of a static helper). */
    public static final Texts TEXTS = Texts.of(Messages.class);

    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
    }

    /**
     * Messages in Russian when {@code locale} is Russian, in English otherwise.
     *
     * @param locale the wanted language
     * @return the messages
     */
    public static Messages of(Locale locale) {
        return new Messages(resolve(locale));
    }

    /**
     * The language to speak: {@code lang} when given ("ru" or "en"), else the default locale's
     * language when it is Russian, else English.
     *
     * @param lang the value of {@code --lang}, or null
     * @return Russian or English
     */
    public static Locale resolve(String lang) {
        if (lang == null || lang.isBlank()) {
            return resolve(Locale.getDefault());
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("ru") ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    private static Locale resolve(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    /**
     * The language these messages are in.
     *
     * @return Russian or English
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Whether these messages are Russian.
     *
     * @return true for Russian
     */
    public boolean russian() {
        return "ru".equals(locale.getLanguage());
    }

    /**
     * A sentence.
     *
     * @param key  the bundle key
     * @param args the values of the placeholders
     * @return the sentence under {@code key} with <code>{i}</code> replaced by {@code args[i]}
     */
    public String get(String key, Object... args) {
        return TEXTS.format(locale, key, args);
    }

    /**
     * A sentence of this bundle in both languages, for a failure the library may show in either.
     *
     * @param key  the bundle key
     * @param args the values of the placeholders
     * @return the text
     */
    public static Text text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /**
     * A text in this language.
     *
     * @param text a text in both languages
     * @return the sentence in this language
     */
    public String in(Text text) {
        return text.in(locale);
    }

    /**
     * The sentence for a failure, in this language.
     *
     * @param e the failure
     * @return the sentence to show
     */
    public String sentence(dev.orgsign.core.OrgsignException e) {
        return e.message(locale);
    }

    /**
     * Whether the bundle has a sentence under {@code key}.
     *
     * @param key the bundle key
     * @return true when present
     */
    public boolean has(String key) {
        return TEXTS.has(locale, key);
    }
}
