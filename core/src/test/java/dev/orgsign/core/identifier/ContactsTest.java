package dev.orgsign.core.identifier;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Contacts#isEmail} and {@link Contacts#isPhone} answer exactly as the published patterns do. */
class ContactsTest {
    @Test
    void isEmailAnswersAsThePattern() {
        String alphabet = "ab.@@ \t\n\u000b\u00a0я+-\uD83D\uDE00";
        Random random = new Random(5);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String e = s.toString();
            assertEquals(Contacts.EMAIL.matcher(e).matches() && e.length() <= 254, Contacts.isEmail(e), () -> "for \"" + e + "\"");
        }
        String local64 = "a".repeat(64);
        assertTrue(Contacts.isEmail(local64 + "@b.cd"));
        assertFalse(Contacts.isEmail(local64 + "a@b.cd"));
        assertTrue(Contacts.isEmail("a@b" + ".c".repeat(124)));
        assertFalse(Contacts.isEmail("a@b" + ".cd".repeat(84)), "over 254 chars");
        assertTrue(Contacts.isEmail("buh@romashka.test"));
        assertFalse(Contacts.isEmail("buh@.test"));
        assertTrue(Contacts.isEmail("a@.b.cd.e"));
        assertFalse(Contacts.isEmail("a@b.\uD83D\uDE00"), "one code point after the dot");
    }

    @Test
    void isPhoneAnswersAsThePattern() {
        String alphabet = "0123456789+ -";
        Random random = new Random(7);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(18); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 10)));
            }
            String p = s.toString();
            assertEquals(Contacts.PHONE.matcher(p).matches(), Contacts.isPhone(p), () -> "for \"" + p + "\"");
        }
        assertTrue(Contacts.isPhone("+74951234567"));
        assertFalse(Contacts.isPhone("+"));
    }
}
