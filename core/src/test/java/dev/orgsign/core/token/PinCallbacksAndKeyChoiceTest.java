package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinCallbacksAndKeyChoiceTest {
    private static final PinRequest REQUEST = new PinRequest("test token", false, false);

    @Test
    void aPinFileGivesItsFirstLineWithoutTheLineBreak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pin");
        Files.writeString(file, "пин 1234\r\nsecond line\n", StandardCharsets.UTF_8);
        assertArrayEquals("пин 1234".toCharArray(), PinCallbacks.file(file).pin(REQUEST));
        Files.writeString(file, "\n");
        OrgsignException empty = assertThrows(OrgsignException.class, () -> PinCallbacks.file(file).pin(REQUEST));
        assertEquals(ErrorCode.PIN_MISSING, empty.code());
        OrgsignException missing = assertThrows(OrgsignException.class,
                () -> PinCallbacks.file(dir.resolve("absent")).pin(REQUEST));
        assertEquals(ErrorCode.PIN_MISSING, missing.code());
    }

    @Test
    void anUnsetVariableIsAMissingPinNamingTheVariable() {
        String name = "ORGSIGN_TEST_UNSET_" + System.nanoTime();
        OrgsignException e = assertThrows(OrgsignException.class, () -> PinCallbacks.environment(name).pin(REQUEST));
        assertEquals(ErrorCode.PIN_MISSING, e.code());
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains("test token"), e.getMessage());
    }

    @Test
    void keysAreChosenByIdOrLabelAndOnlyAmongThoseThatSign() throws Exception {
        X509Certificate a = TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate();
        X509Certificate b = TestPki.get().credential(Persona.IE, KeyKind.EC_P256).certificate();
        TokenKey head = new TokenKey("0a1b", "head", a, List.of(a), KeyAlgorithm.EC, 256, true);
        TokenKey ie = new TokenKey("2c3d", "ie", b, List.of(b), KeyAlgorithm.EC, 256, true);
        TokenKey certOnly = new TokenKey("4e5f", "ca", b, List.of(b), KeyAlgorithm.EC, 256, false);
        assertSame(ie, TokenKeys.choose(List.of(head, ie, certOnly), "2C3D", "t"));
        assertSame(head, TokenKeys.choose(List.of(head, ie, certOnly), "head", "t"));
        assertSame(head, TokenKeys.choose(List.of(head, certOnly), null, "t"));
        OrgsignException ambiguous = assertThrows(OrgsignException.class, () -> TokenKeys.choose(List.of(head, ie), null, "t"));
        assertEquals(ErrorCode.KEY_AMBIGUOUS, ambiguous.code());
        assertTrue(ambiguous.getMessage().contains("'head' (id 0a1b)") && ambiguous.getMessage().contains("'ie' (id 2c3d)"));
        OrgsignException notSigning = assertThrows(OrgsignException.class,
                () -> TokenKeys.choose(List.of(head, certOnly), "ca", "t"));
        assertEquals(ErrorCode.KEY_NOT_FOUND, notSigning.code());
        assertFalse(notSigning.getMessage().contains("id 4e5f"), "a key that cannot sign is not offered");
        assertEquals(ErrorCode.KEY_NOT_FOUND,
                assertThrows(OrgsignException.class, () -> TokenKeys.choose(List.of(certOnly), null, "t")).code());
    }
}
