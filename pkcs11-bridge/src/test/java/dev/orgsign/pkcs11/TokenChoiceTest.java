package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With several tokens present, one is chosen by label or serial, and none chosen lists them. */
class TokenChoiceTest {
    @Test
    void severalTokensNoneChosenListsThemAndLabelOrSerialChooses() throws Exception {
        ProvisionedToken a = SoftHsmFixture.token("choice-a", EnumSet.of(Persona.LLC_HEAD));
        ProvisionedToken b = SoftHsmFixture.token("choice-b", EnumSet.of(Persona.IE));
        try (Pkcs11Library lib = Pkcs11Library.open(a.softHsm().libraryPath())) {
            List<Pkcs11TokenInfo> tokens = lib.tokens();
            assertTrue(tokens.stream().anyMatch(t -> t.label().equals(a.label()) && t.serial().equals(a.serial())));
            assertTrue(tokens.stream().anyMatch(t -> t.label().equals(b.label())));
            Pkcs11TokenInfo infoA = tokens.stream().filter(t -> t.label().equals(a.label())).findFirst().orElseThrow();
            assertEquals("SoftHSM project", infoA.manufacturer());
            assertTrue(infoA.loginRequired());
            assertEquals("ok", infoA.pin().summary());

            OrgsignException e = assertThrows(OrgsignException.class, () -> lib.openToken(null, Pkcs11Options.defaults()));
            assertEquals(ErrorCode.TOKEN_AMBIGUOUS, e.code());
            assertTrue(e.getMessage().contains("'" + a.label() + "' (serial " + a.serial() + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + b.label() + "'"), e.getMessage());

            try (Pkcs11SigningToken byLabel = lib.openToken(b.label(), Pkcs11Options.defaults())) {
                assertEquals(b.serial(), byLabel.info().serial());
            }
            try (Pkcs11SigningToken bySerial = lib.openToken(a.serial(), Pkcs11Options.defaults())) {
                assertEquals(a.label(), bySerial.info().label());
            }
            OrgsignException none = assertThrows(OrgsignException.class, () -> lib.openToken("no-such-token", Pkcs11Options.defaults()));
            assertEquals(ErrorCode.TOKEN_NOT_PRESENT, none.code());
            assertTrue(none.getMessage().contains("Present:"));
        }
    }
}
