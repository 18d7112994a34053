package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pkcs11ModulesTest {
    @TempDir
    Path dir;

    @Test
    void missingPathHasItsOwnSentence() {
        OrgsignException e = assertThrows(OrgsignException.class, () -> Pkcs11Modules.check(dir.resolve("librtpkcs11ecp.so")));
        assertEquals(ErrorCode.MODULE_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void aFileThatIsNoLibraryHasItsOwnSentence() throws Exception {
        Path text = Files.writeString(dir.resolve("module.so"), "not a library at all, just some text");
        OrgsignException e = assertThrows(OrgsignException.class, () -> Pkcs11Library.open(text));
        assertEquals(ErrorCode.MODULE_INVALID, e.code());
        assertTrue(e.getMessage().contains("is not a PKCS#11 library"), e.getMessage());
    }

    @Test
    void aLibraryOfAnotherArchitectureHasItsOwnSentence() throws Exception {
        // The real libsofthsm2 with its ELF machine field changed to AArch64 (0xB7).
        byte[] lib = Files.readAllBytes(dev.orgsign.testcerts.softhsm.SoftHsm.library());
        lib[18] = (byte) 0xB7;
        lib[19] = 0;
        Path arm = Files.write(dir.resolve("libsofthsm2-arm64.so"), lib);
        OrgsignException e = assertThrows(OrgsignException.class, () -> Pkcs11Library.open(arm));
        assertEquals(ErrorCode.MODULE_INVALID, e.code());
        assertTrue(e.getMessage().contains("built for Linux 64-bit ARM64"), e.getMessage());
    }

    @Test
    void aSharedLibraryWithoutPkcs11EntryPointIsRefused() throws Exception {
        Path libz = Files.list(Path.of("/usr/lib/x86_64-linux-gnu")).filter(p -> p.getFileName().toString().startsWith("libz.so"))
                .findFirst().orElseThrow();
        OrgsignException e = assertThrows(OrgsignException.class, () -> Pkcs11Library.open(libz));
        assertEquals(ErrorCode.MODULE_INVALID, e.code());
        assertTrue(e.getMessage().contains("could not be loaded as a PKCS#11 library"), e.getMessage());
    }

    @Test
    void discoveryFindsSoftHsmOnThisMachine() {
        assertTrue(Pkcs11Modules.discover().stream().anyMatch(p -> p.toString().contains("softhsm")),
                "SoftHSM is installed by scripts/setup and found by discovery");
    }
}
