package dev.orgsign.pkcs11;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ipkcs11wrapper prints its banner and call traces on stdout by default; through the bridge it prints nothing. */
class QuietOutputTest {
    @Test
    void aProcessThatOpensATokenAndLogsInPrintsOnlyItsOwnOutput() throws Exception {
        ProvisionedToken t = SoftHsmFixture.token("quiet", EnumSet.of(Persona.IE));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoginProbe.class.getName(),
                t.softHsm().libraryPath().toString(), t.label());
        pb.environment().putAll(t.softHsm().environment());
        pb.environment().put("PROBE_PIN", SoftHsm.USER_PIN);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("OUTCOME OK", out.strip());
    }
}
