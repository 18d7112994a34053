package dev.orgsign.core.identifier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How orgsign compares the names of people and organizations between a certificate, a payload and
 * the register: after Unicode NFC, upper case (Russian rules), "Ё" as "Е", typographic quotes as
 * {@code "}, and each run of whitespace as one space. The register writes names in upper case with
 * "Е"; certificates and payloads use mixed case and "ё", and some tools write decomposed "е"+U+0308.
 *
 * <p>A person's name that mixes Latin and Cyrillic letters ("ИBАНОВ" with a Latin B) is never folded
 * into a match: {@link #mixedScript} names the odd letter, so that the user is told which letter is
 * wrong instead of getting a mismatch they cannot see.
 */
public final class Names {
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private Names() {
    }

    /**
     * @param s a name, or null
     * @return the name as compared ("" for null)
     */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        if (simple(s)) {
            Folding f = new Folding(s);
            for (int c = f.next(); c >= 0; c = f.next()) {
                b.append((char) c);
            }
            return b.toString();
        }
        String u = (isPlain(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC)).toUpperCase(RUSSIAN);
        boolean space = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            b.append(mapped(c));
        }
        return b.toString().strip();
    }

    /** An upper-case letter as names are compared: "Ё" as "Е", typographic quotes as {@code "}. */
    private static char mapped(char c) {
        return switch (c) {
            case 'Ё' -> 'Е';
            case '«', '»', '“', '”', '„' -> '"';
            default -> c;
        };
    }

    /**
     * Basic Latin, Latin-1 below "ß" and the Cyrillic block: already NFC, and upper-cased char by char exactly as
     * {@code toUpperCase(RUSSIAN)} does (no letter there upper-cases to several, none has a rule of its own in Russian),
     * so one pass folds them.
     */
    private static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x00df && (c < 0x0400 || c > 0x04ff)) {
                return false;
            }
        }
        return true;
    }

    /** Letters below the combining marks and the Cyrillic block: already NFC. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0300 && (c < 0x0400 || c > 0x04ff)) { // combining marks, and Greek with its singletons (U+0374, U+037E, U+0387)
                return false;
            }
        }
        return true;
    }

    /**
     * @param a a name
     * @param b another name
     * @return whether the two are the same name once folded
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null || !simple(a) || !simple(b)) {
            return fold(a).equals(fold(b));
        }
        Folding x = new Folding(a);
        Folding y = new Folding(b);
        int c;
        do {
            c = x.next();
            if (c != y.next()) {
                return false;
            }
        } while (c >= 0);
        return true;
    }

    /**
     * Whether a name, once folded, is a name already folded: {@code fold(s).equals(folded)}, without
     * making the folded string when {@code s} is Basic Latin, Latin-1 or Cyrillic.
     *
     * @param s      a name, or null
     * @param folded a name as {@link #fold} gives it
     * @return whether {@code s} folds to {@code folded}
     */
    public static boolean foldsTo(String s, String folded) {
        if (s == null || !simple(s)) {
            return fold(s).equals(folded);
        }
        Folding x = new Folding(s);
        int n = folded.length();
        int j = 0;
        for (int c = x.next(); c >= 0; c = x.next()) {
            if (j == n || folded.charAt(j++) != c) {
                return false;
            }
        }
        return j == n;
    }

    /**
     * The folded chars of a {@link #simple} name one by one, as {@link #fold} would make them: no
     * blanks at either end, one space for each run of blanks inside.
     */
    private static final class Folding {
        private final String s;
        private int i;
        private boolean started;
        private boolean gap;

        Folding(String s) {
            this.s = s;
        }

        /** The next folded char, or -1 at the end. */
        int next() {
            int n = s.length();
            char c = 0;
            while (i < n && blank(c = s.charAt(i))) {
                i++;
                gap = started;
            }
            if (i == n) {
                return -1;
            }
            if (gap) {
                gap = false;
                return ' ';
            }
            started = true;
            i++;
            return mapped(upper(c));
        }
    }

    /**
     * Whether a {@link #simple} name's char is a blank as {@link #fold} takes it: white space or a no-break space
     * (no letter of those blocks upper-cases to white space, none of the Cyrillic block is).
     */
    private static boolean blank(char c) {
        if (c > ' ') {
            return c == '\u00a0';
        }
        return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c';
    }

    /**
     * {@link Character#toUpperCase(char)} of a {@link #simple} name's char, with the letters of Russian names
     * and of Latin without a table look-up.
     */
    private static char upper(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'а' && c <= 'я') {
            return (char) (c - 0x20);
        }
        if (c >= 'ѐ' && c <= 'џ') {
            return (char) (c - 0x50);
        }
        return c < 0x80 || c >= 'А' && c <= 'Я' ? c : Character.toUpperCase(c);
    }

    /**
     * Finds a letter of the minority script in a name that mixes Latin and Cyrillic letters.
     *
     * @param s a person's name
     * @return the odd letter described for the user ("'B' (U+0042, Latin) at position 2"), or empty
     *         when the name's letters are all of one script
     */
    public static Optional<MixedLetter> mixedScript(String s) {
        if (s == null || !mayMix(s)) {
            return Optional.empty();
        }
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < s.length(); i++) {
            Character.UnicodeScript script = script(s.charAt(i));
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            }
        }
        if (latin == 0 || cyrillic == 0) {
            return Optional.empty();
        }
        Character.UnicodeScript odd = latin <= cyrillic ? Character.UnicodeScript.LATIN : Character.UnicodeScript.CYRILLIC;
        for (int i = 0; i < s.length(); i++) {
            if (script(s.charAt(i)) == odd) {
                return Optional.of(new MixedLetter(s, s.charAt(i), i + 1, odd == Character.UnicodeScript.LATIN));
            }
        }
        return Optional.empty();
    }

    /** Whether the name has both an ASCII letter and a letter of the Cyrillic block: only then can it mix. */
    private static boolean mayMix(String s) {
        boolean ascii = false;
        boolean cyrillic = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            } else if (c >= 0x0400 && c <= 0x04ff) {
                cyrillic = true;
            } else if (Character.isLetter(c)) {
                return true; // another script's letter: the full analysis decides
            }
        }
        return ascii && cyrillic;
    }

    private static Character.UnicodeScript script(char c) {
        return Character.isLetter(c) ? Character.UnicodeScript.of(c) : Character.UnicodeScript.COMMON;
    }

    /**
     * A letter of the other script in a name.
     *
     * @param name     the whole name
     * @param letter   the odd letter
     * @param position its position in the name, from 1
     * @param latin    whether the odd letter is Latin (else Cyrillic among Latin letters)
     */
    public record MixedLetter(String name, char letter, int position, boolean latin) {
        /** {@return the sentence in English} */
        public String english() {
            return "The name '" + name + "' mixes Latin and Cyrillic letters: '" + letter + "' (U+"
                    + String.format("%04X", (int) letter) + ") at position " + position + " is a "
                    + (latin ? "Latin" : "Cyrillic") + " letter.";
        }

        /** {@return the sentence in Russian} */
        public String russian() {
            return "В имени «" + name + "» смешаны латинские и кириллические буквы: «" + letter + "» (U+"
                    + String.format("%04X", (int) letter) + ") на " + position + "-й позиции — "
                    + (latin ? "латинская" : "кириллическая") + " буква.";
        }
    }

    /**
     * @param parts name parts, any of them null or blank
     * @return the non-blank parts, stripped, joined by single spaces
     */
    public static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }
}
