package dev.orgsign.testcerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that orgsign speaks one language at a time: a message bundle has every key in English
 * ({@code Messages.properties}) and in Russian ({@code Messages_ru.properties}); no Russian
 * sentence holds English words and no English one Russian words; every key the sources use
 * exists; and a screen or a document meant to be Russian holds no English sentence (and the
 * other way round). Data is not language: names, addresses, identifiers, file paths, options,
 * codes and quoted values are left out before words are looked at.
 */
public final class Translations {
    /** English words that never occur in data or options, only in English sentences. */
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "is", "are", "was", "were", "be", "been",
            "of", "to", "for", "with", "from", "by", "on", "in", "at", "and", "or", "not", "no", "cannot", "could",
            "this", "that", "it", "its", "has", "have", "had", "does", "did", "will", "would", "should", "must",
            "there", "which", "when", "what", "than", "then", "if", "into", "only", "any", "your", "you", "after",
            "before", "while", "again", "give", "here", "nothing", "failed", "please");
    /** Russian words that occur only in Russian sentences (data in registers is in capitals). */
    private static final Set<String> RUSSIAN = Set.of("и", "в", "во", "не", "на", "с", "со", "по", "для", "из", "от",
            "до", "что", "это", "или", "нет", "есть", "как", "же", "к", "у", "о", "об", "при", "за", "без", "уже",
            "ещё", "только", "если", "чтобы", "когда", "ваш", "вы", "его", "её", "их", "был", "была", "было");
    /** What is data, not language: URLs, paths, options, e-mail addresses, quoted values, placeholders, code. */
    private static final Pattern DATA = Pattern.compile("\\w+://\\S+|(?<![\\p{L}\\d])/[\\w./~-]+|--?[\\w-]+(=\\S+)?"
            + "|\\S+@\\S+|'[^'\\n]*'|«[^»\\n]*»|\"[^\"\\n]*\"|`[^`\\n]*`|<[^>\\n]*>|\\{\\d+}|%n|\\$\\{[^}]*}"
            + "|\\w+(\\.\\w+)+|\\w+_\\w+");
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\d_.@/-])\\p{L}+(?![\\p{L}\\d_.@/-])");

    private Translations() {
    }

    /**
     * What is wrong with a bundle: keys in one language only, Russian values with English words,
     * English values with Russian words.
     *
     * @param resource the bundle's base as a class-path resource, e.g. {@code dev/orgsign/core/Messages}
     * @return one line per problem; empty when the bundle is complete
     */
    public static List<String> bundleProblems(String resource) {
        Properties en = load(resource + ".properties");
        Properties ru = load(resource + "_ru.properties");
        List<String> problems = new ArrayList<>();
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            if (!ru.containsKey(k)) {
                problems.add(resource + ": '" + k + "' has no Russian sentence");
            } else {
                englishWords(ru.getProperty(k)).forEach(w -> problems.add(resource + "_ru: '" + k + "' has the English word '"
                        + w + "': " + ru.getProperty(k)));
            }
            russianWords(en.getProperty(k)).forEach(w -> problems.add(resource + ": '" + k + "' has the Russian word '"
                    + w + "': " + en.getProperty(k)));
        }
        for (String k : new TreeSet<>(ru.stringPropertyNames())) {
            if (!en.containsKey(k)) {
                problems.add(resource + ": '" + k + "' has no English sentence");
            }
        }
        return problems;
    }

    /**
     * The keys of a bundle, in both languages.
     *
     * @param resource the bundle's base as a class-path resource
     * @return the keys of the English file
     */
    public static Set<String> keys(String resource) {
        return new TreeSet<>(load(resource + ".properties").stringPropertyNames());
    }

    /**
     * The string literals that sources pass where a key is expected.
     *
     * @param sources a source folder, e.g. {@code src/main/java}
     * @param call    a pattern whose first group is the key, e.g. {@code T\.text\("([^"]+)"}
     * @return every key found
     */
    public static Set<String> keysUsed(Path sources, Pattern call) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * The English words in a text meant to be Russian (a screen, a document, a sentence).
     *
     * @param text the text
     * @return the words, in order; empty when the text has no English sentence
     */
    public static List<String> englishWords(String text) {
        return words(text, ENGLISH);
    }

    /**
     * The Russian words in a text meant to be English.
     *
     * @param text the text
     * @return the words, in order; empty when the text has no Russian sentence
     */
    public static List<String> russianWords(String text) {
        return words(text, RUSSIAN);
    }

    /**
     * The lines of a text meant to be Russian that hold an English word.
     *
     * @param text the text
     * @return the lines
     */
    public static List<String> englishLines(String text) {
        return text.lines().filter(l -> !englishWords(l).isEmpty()).toList();
    }

    /**
     * The lines of a text meant to be English that hold a Russian word.
     *
     * @param text the text
     * @return the lines
     */
    public static List<String> russianLines(String text) {
        return text.lines().filter(l -> !russianWords(l).isEmpty()).toList();
    }

    private static List<String> words(String text, Set<String> language) {
        String language0 = DATA.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(language0);
        while (m.find()) {
            String w = m.group();
            // a function word, or one starting a sentence ("The", "Не"); a lone capital is too often data
            if (language.contains(w) || w.length() > 1 && Character.isUpperCase(w.charAt(0))
                    && w.substring(1).equals(w.substring(1).toLowerCase(java.util.Locale.ROOT))
                    && language.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                found.add(w);
            }
        }
        return found;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
