package dev.orgsign.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A module's sentences in English and Russian: a properties resource bundle ({@code Messages.properties},
 * English, beside {@code Messages_ru.properties}, Russian) whose keys are stable. Placeholders are
 * {@code {0}}, {@code {1}}, … and are replaced literally (no {@link java.text.MessageFormat} quoting,
 * so apostrophes need no escaping); an argument that is itself a {@link Text} is made in the same
 * language. Each module has one, for example {@code Texts.of(Registration.class)} for
 * {@code dev/orgsign/core/Messages*.properties}. Thread-safe.
 */
public final class Texts {
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final String baseName;
    private final ClassLoader loader;
    /** The two bundles once read (ResourceBundle's own cache costs a keyed look-up per sentence). */
    private volatile ResourceBundle english;
    private volatile ResourceBundle russian;

    private Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /**
     * The bundle {@code Messages} of the package of {@code anchor}, read through its class loader.
     *
     * @param anchor a class of the package that holds the bundle
     * @return the bundle
     * @throws IllegalStateException when that package has no {@code Messages.properties}
     */
    public static Texts of(Class<?> anchor) {
        String base = anchor.getPackageName() + ".Messages";
        ClassLoader loader = anchor.getClassLoader();
        if (loader.getResource(base.replace('.', '/') + ".properties") == null) {
            // a class of a package without a bundle: said at once, not as keys shown to the user later
            throw new IllegalStateException("No " + base.replace('.', '/') + ".properties beside " + anchor.getName());
        }
        return new Texts(base, loader);
    }

    /**
     * A sentence of this bundle.
     *
     * @param key  the stable key
     * @param args the values of the placeholders: a {@link Text} is made in the reader's language,
     *             anything else is written with {@link String#valueOf(Object)}
     * @return the text, made in a language when shown
     */
    public Text text(String key, Object... args) {
        return new Keyed(this, key, args.clone());
    }

    /**
     * The sentence under {@code key} in a language, its placeholders replaced.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @param key    the stable key
     * @param args   the values of the placeholders
     * @return the sentence; the key itself when the bundle lacks it (a test keeps that from happening)
     */
    public String format(Locale locale, String key, Object... args) {
        String text = has(locale, key) ? bundle(locale).getString(key) : key;
        if (args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        // one pass: a placeholder {N} is replaced by argument N; what an argument brings is never read as a placeholder
        StringBuilder b = new StringBuilder(text.length() + 32 * args.length);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                int j = i + 1;
                int index = 0;
                while (j < n && j - i <= 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    index = index * 10 + (text.charAt(j) - '0');
                    j++;
                }
                if (j > i + 1 && j < n && text.charAt(j) == '}' && index < args.length) {
                    Object a = args[index];
                    b.append(a instanceof Text t ? t.in(locale) : String.valueOf(a));
                    i = j;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Whether the bundle has a sentence under {@code key} in a language.
     *
     * @param locale the reader's locale
     * @param key    the key
     * @return true when present
     */
    public boolean has(Locale locale, String key) {
        try {
            return bundle(locale).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private ResourceBundle bundle(Locale locale) {
        boolean ru = Text.russian(locale);
        ResourceBundle b = ru ? russian : english;
        if (b == null) {
            b = ResourceBundle.getBundle(baseName, ru ? RUSSIAN : Locale.ROOT, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            if (ru) {
                russian = b;
            } else {
                english = b;
            }
        }
        return b;
    }

    /** A sentence by key, with its arguments. */
    private record Keyed(Texts bundle, String key, Object[] args) implements Text {
        @Override
        public String in(Locale locale) {
            return bundle.format(locale, key, args);
        }

        @Override
        public String toString() {
            return in(Locale.ENGLISH);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Keyed k && k.bundle == bundle && k.key.equals(key) && Arrays.equals(k.args, args);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + Arrays.hashCode(args);
        }
    }
}
