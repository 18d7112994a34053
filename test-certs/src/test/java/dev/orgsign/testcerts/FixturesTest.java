package dev.orgsign.testcerts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixturesTest {
    @Test
    void everyIdentifierHasAValidCheckDigit() {
        for (OrganizationData org : List.of(Fixtures.LLC, Fixtures.OTHER_LLC, Fixtures.TERMINATED_LLC, Fixtures.GOV)) {
            assertTrue(CheckDigits.ogrn(org.ogrn()), org.ogrn());
            assertTrue(CheckDigits.inn10(org.inn()), org.inn());
        }
        assertTrue(CheckDigits.ogrnip(Fixtures.IE.ogrn()));
        assertTrue(CheckDigits.inn12(Fixtures.IE.inn()));
        for (PersonData p : List.of(Fixtures.FEDOROV, Fixtures.SMIRNOVA, Fixtures.KUZNETSOV, Fixtures.PETROVA,
                Fixtures.NIKOLAEV, Fixtures.VOLKOV, Fixtures.SOKOLOV)) {
            assertTrue(CheckDigits.inn12(p.inn()), p.inn());
            if (p.snils() != null) {
                assertTrue(CheckDigits.snils(p.snils()), p.snils());
            }
        }
    }

    @Test
    void checkDigitArithmeticRejectsTypos() {
        assertFalse(CheckDigits.ogrn("1027700132196"));
        assertFalse(CheckDigits.inn12("770112345696"));
        assertFalse(CheckDigits.snils("11223344596"));
        assertFalse(CheckDigits.ogrnip("319774600123454"));
    }
}
