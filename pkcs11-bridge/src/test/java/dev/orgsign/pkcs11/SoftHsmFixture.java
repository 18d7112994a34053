package dev.orgsign.pkcs11;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;

import java.util.Collection;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Real SoftHSM tokens for the bridge tests, in the folder surefire names in SOFTHSM2_CONF. */
final class SoftHsmFixture {
    private SoftHsmFixture() {
    }

    static ProvisionedToken token(String prefix) throws Exception {
        return token(prefix, EnumSet.allOf(Persona.class));
    }

    static ProvisionedToken token(String prefix, Collection<Persona> personas) throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        return SoftHsm.fromEnvironment().provision(prefix + "-" + Long.toHexString(System.nanoTime()),
                SoftHsm.USER_PIN, TestPki.get(), personas);
    }

    static SoftHsm softHsm() throws Exception {
        return SoftHsm.fromEnvironment();
    }
}
