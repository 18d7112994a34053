package dev.orgsign.core.identifier;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Names#fold}'s one-pass path for Basic Latin, Latin-1 and Cyrillic names folds exactly as the general path
 * (NFC, {@code toUpperCase} with Russian rules, then "Ё", quotes and white space).
 */
class NamesFoldTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "abcxyzABCXYZ0123456789 -.,\"'«»“”„\u00a0\t\n\u00b5\u00c0\u00de\u0400\u045f\u0460\u04ff№()";

    /** The general path, as fold did it for every name before the one-pass path. */
    private static String reference(String s) {
        String u = Normalizer.normalize(s, Normalizer.Form.NFC).toUpperCase(RU);
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    b.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            switch (c) {
                case 'Ё' -> b.append('Е');
                case '«', '»', '“', '”', '„' -> b.append('"');
                default -> b.append(c);
            }
        }
        return b.toString().strip();
    }

    @Test
    void theOnePassPathFoldsAsTheGeneralOne() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertEquals(reference(s.toString()), Names.fold(s.toString()), () -> "for \"" + s + "\"");
        }
        for (char c = 0; c < 0x0500; c++) {
            String s = "ё" + c + "Ж";
            assertEquals(reference(s), Names.fold(s), "for U+" + Integer.toHexString(c));
        }
    }

    @Test
    void comparingWithoutFoldingAnswersAsComparingTheFoldedNames() {
        Random random = new Random(23);
        String[] names = new String[400];
        for (int n = 0; n < names.length; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            names[n] = s.toString();
        }
        // variants that fold alike: case, ё, blanks, quotes, decomposed letters
        String[] alike = {"Иванов Пётр", "  ИВАНОВ\u00a0\tпетр ", "иванов  ПЕТР", "Иванов Пе\u0308тр", "ivanov", "IVANOV ",
            "«Ромашка»", "\"РОМАШКА\"", "„ромашка“", "straße", "STRASSE", "", " ", "Ж", "ж ", "\u00b5", "\u039c"};
        for (String[] set : new String[][] {names, alike}) {
            for (String a : set) {
                for (String b : set) {
                    boolean expected = reference(a).equals(reference(b));
                    assertEquals(expected, Names.same(a, b), () -> "same(\"" + a + "\", \"" + b + "\")");
                    assertEquals(expected, Names.foldsTo(a, Names.fold(b)), () -> "foldsTo(\"" + a + "\", fold(\"" + b + "\"))");
                }
            }
        }
        for (char c = 0; c < 0x0500; c++) {
            String s = " ё" + c + "Ж ";
            assertEquals(true, Names.foldsTo(s, reference(s)), "for U+" + Integer.toHexString(c));
            assertEquals(true, Names.same(s, "\t" + s + "\u00a0"), "for U+" + Integer.toHexString(c));
        }
        assertEquals(false, Names.foldsTo("Иванов", "ИВАНОВА"));
        assertEquals(false, Names.foldsTo("Иванова", "ИВАНОВ"));
        assertEquals(false, Names.same("Иван Петр", "ИванПетр"));
    }

    @Test
    void namesOutsideThoseBlocksStillTakeTheGeneralPath() {
        assertEquals("STRASSE", Names.fold("straße"));
        assertEquals("ЕЛКИН", Names.fold("Е\u0308лкин")); // decomposed Ё
        assertEquals("\"РОМАШКА\" ООО", Names.fold(" «Ромашка»\u00a0\u00a0ооо "));
    }
}
