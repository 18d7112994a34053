package dev.orgsign.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The command's sentences in Russian or English, from the resource bundle
 * {@code dev.orgsign.cli.Messages} (which also holds the help texts picocli shows).
 * Placeholders are {@code {0}}, {@code {1}}, … and are replaced literally (no MessageFormat
 * quoting rules, so apostrophes need no escaping).
 */
public final class Messages {
    /** The bundle's base name. */
    public static final String BUNDLE = "dev.orgsign.cli.Messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            text = key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * The sentence for a failure: in Russian the Russian lead of its code ({@code error.CODE})
     * followed by the library's own sentence in brackets; in English the library's sentence.
     *
     * @param e the failure
     * @return the sentence to show
     */
    public String sentence(dev.orgsign.core.OrgsignException e) {
        String lead = russian() && has("error." + e.code().name()) ? get("error." + e.code().name()) : null;
        return lead == null ? e.getMessage() : lead + " (" + e.getMessage() + ")";
    }

    /**
     * Whether the bundle has a sentence under {@code key}.
     *
     * @param key the bundle key
     * @return true when present
     */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
