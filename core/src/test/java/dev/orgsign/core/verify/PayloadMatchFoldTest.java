package dev.orgsign.core.verify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-pass name folding gives what its definition in regular expressions gives: NFC, upper case,
 * Ё as Е, typographic quotes as ", every run of Unicode whitespace (no-break space included) as one space.
 */
class PayloadMatchFoldTest {
    private static final Pattern QUOTES = Pattern.compile("[«»“”„\"]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000\\u001c-\\u001f]+");

    private static String reference(String s) {
        return s == null ? "" : SPACES.matcher(QUOTES.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC)
                .toUpperCase(Locale.forLanguageTag("ru")).replace('Ё', 'Е')).replaceAll("\"")).replaceAll(" ").strip();
    }

    @Test
    void foldsAsTheRegularExpressionsDid() {
        List<String> cases = new ArrayList<>(List.of("", " ", "ООО «Ромашка»", "  Общество\t с \n ограниченной   ответственностью ",
                "“Ёлка” \"и\" ёж", "ip\u00a0space", "\u2003em space\u2003", "ß straße", "x\u000by\u001cz", "Фе\u0308доров", "е\u0308ж"));
        cases.add(null);
        String alphabet = " \t\n\r\f\u000b\u00a0\u2003\u0308«»“”„\"ЁёЕеАбвzZß1-.";
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(b.toString());
        }
        for (String s : cases) {
            assertEquals(reference(s), PayloadMatch.fold(s), String.valueOf(s));
        }
    }
}
