package dev.orgsign.core;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Placeholders are replaced in one pass: every {N} by its argument, and nothing an argument brings is read again. */
class TextsFormatTest {
    private static final Texts T = Texts.of(Texts.class);
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void eachPlaceholderTakesItsArgumentInTheReadersLanguage() {
        assertEquals("The OGRN '12x' has a character that is not a digit at position 3.",
                T.format(Locale.ENGLISH, "identifier.notDigit", "OGRN", "12x", 3));
        Text issuer = Text.of("Test CA", "Тестовый УЦ");
        assertEquals("Нет сертификата «Тестовый УЦ», выпустившего сертификат «Иванов».",
                T.format(RU, "issuer.missing", issuer, "Иванов", "."));
    }

    @Test
    void anArgumentThatLooksLikeAPlaceholderStaysAsWritten() {
        assertEquals("The {1} '{2}' has a character that is not a digit at position {0}.",
                T.format(Locale.ENGLISH, "identifier.notDigit", "{1}", "{2}", "{0}"));
    }

    @Test
    void aPlaceholderWithoutItsArgumentStaysAndAKeyWithoutSentenceIsShownAsItIs() {
        assertEquals("The OGRN '1' has {2} digits; it takes {3}.", T.format(Locale.ENGLISH, "identifier.length", "OGRN", "1"));
        assertEquals("no.such.key", T.format(Locale.ENGLISH, "no.such.key", "x"));
    }
}
