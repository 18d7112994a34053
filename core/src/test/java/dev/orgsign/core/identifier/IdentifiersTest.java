package dev.orgsign.core.identifier;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Fixtures;
import org.junit.jupiter.api.Test;

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
}
