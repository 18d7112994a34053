package dev.orgsign.core.identifier;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {
    @Test
    void validIdentifiersOfTheFixturesPass() throws Exception {
        assertEquals(Fixtures.LLC.ogrn(), Identifiers.ogrn("OGRN", " " + Fixtures.LLC.ogrn() + " "));
        assertEquals(Fixtures.IE.ogrn(), Identifiers.ogrnip("OGRNIP", Fixtures.IE.ogrn()));
        assertEquals(Fixtures.LLC.inn(), Identifiers.innLegalEntity("INN", Fixtures.LLC.inn()));
        assertEquals(Fixtures.FEDOROV.inn(), Identifiers.innPerson("INN", Fixtures.FEDOROV.inn()));
        assertEquals("11223344595", Identifiers.snils("SNILS", "112-233-445 95"));
        assertEquals("7701AB001", Identifiers.kpp("KPP", "7701AB001"));
        assertEquals("00100200318", Identifiers.snils("SNILS", "001-002-003 18"), "sums below 100 are kept as is");
    }

    @Test
    void aTypoIsReportedAsATypoInThatField() {
        OrgsignException ogrn = assertThrows(OrgsignException.class, () -> Identifiers.ogrn("OGRN", "1027700132196"));
        assertEquals(ErrorCode.INVALID_IDENTIFIER, ogrn.code());
        assertEquals("The OGRN '1027700132196' is mistyped: its check digit should be 5. Check it against the document "
                + "it was copied from.", ogrn.getMessage());
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.innPerson("head's INN", "770112345696"))
                .getMessage().startsWith("The head's INN '770112345696' is mistyped: its check digits should be 95"));
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.ogrnip("OGRNIP", "31977460012345"))
                .getMessage().contains("has 14 digits; it takes 15"));
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.innLegalEntity("INN", "77010I2342"))
                .getMessage().contains("not a digit at position 6"));
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.snils("SNILS", "11223344596"))
                .getMessage().contains("check number should be 95"));
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.kpp("KPP", "77010100"))
                .getMessage().contains("is not a KPP"));
        assertTrue(assertThrows(OrgsignException.class, () -> Identifiers.ogrn("OGRN", null))
                .getMessage().contains("is missing"));
    }

    @Test
    void kppAndSnilsSeparatorsAnswerAsTheirPatterns() {
        java.util.regex.Pattern kpp = java.util.regex.Pattern.compile("\\d{4}[0-9A-Z]{2}\\d{3}");
        String alphabet = "0123456789AZaя -\t";
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = 7 + random.nextInt(4); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(random.nextInt(3) == 0 ? alphabet.length() : 12)));
            }
            String s = b.toString();
            boolean accepted;
            try {
                accepted = Identifiers.kpp("KPP", s).equals(s.strip());
            } catch (OrgsignException e) {
                accepted = false;
            }
            assertEquals(kpp.matcher(s.strip()).matches(), accepted, () -> "for \"" + s + "\"");
        }
        String snils = Fixtures.FEDOROV.snils();
        for (String spelled : new String[] {snils, snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9)
                + " " + snils.substring(9), " " + snils + "\t", snils.substring(0, 5) + "\n" + snils.substring(5)}) {
            assertEquals(snils, assertDoesNotThrow(() -> Identifiers.snils("SNILS", spelled)), spelled);
        }
    }
}
