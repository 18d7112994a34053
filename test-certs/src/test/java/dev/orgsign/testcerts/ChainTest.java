package dev.orgsign.testcerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chains verify to the right root; the CRL lists exactly the revoked persona. */
class ChainTest {
    private static final TestPki PKI = TestPki.get();

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = {"LLC_HEAD", "LLC_EMPLOYEE", "LLC_FORMER_HEAD", "IE", "GOV_HEAD",
        "REVOKED", "WRONG_OGRN"})
    void chainsToTheAccreditedRoot(Persona persona) {
        for (KeyKind kind : persona.keyKinds()) {
            X509Certificate leaf = PKI.credential(persona, kind).certificate();
            assertDoesNotThrow(() -> validate(leaf, PKI.rootCa(), new Date()), persona + " " + kind);
            assertThrows(CertPathValidatorException.class, () -> validate(leaf, PKI.untrustedRoot(), new Date()));
        }
    }

    @Test
    void untrustedChainsOnlyToTheUntrustedRoot() {
        X509Certificate leaf = PKI.credential(Persona.UNTRUSTED, KeyKind.EC_P256).certificate();
        assertThrows(CertPathValidatorException.class, () -> validate(leaf, PKI.rootCa(), new Date()));
        assertDoesNotThrow(() -> validate(leaf, PKI.untrustedRoot(), new Date()));
    }

    @Test
    void expiredIsOutsideItsValidityNowButValidAYearAndAHalfAgo() {
        X509Certificate leaf = PKI.credential(Persona.EXPIRED, KeyKind.GOST_256).certificate();
        assertThrows(CertPathValidatorException.class, () -> validate(leaf, PKI.rootCa(), new Date()));
        Date then = Date.from(Instant.now().minus(Duration.ofDays(540)));
        assertDoesNotThrow(() -> validate(leaf, PKI.rootCa(), then));
    }

    @Test
    void crlListsTheRevokedPersonaAndNoOther() throws Exception {
        PKI.crl().verify(PKI.fnsCa().getPublicKey());
        for (Persona persona : Persona.values()) {
            for (KeyKind kind : persona.keyKinds()) {
                boolean revoked = PKI.crl().isRevoked(PKI.credential(persona, kind).certificate());
                if (persona == Persona.REVOKED) {
                    assertTrue(revoked, kind.toString());
                } else {
                    assertFalse(revoked, persona + " " + kind);
                }
            }
        }
    }

    private static void validate(X509Certificate leaf, X509Certificate root, Date at) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        CertPath path = cf.generateCertPath(java.util.List.of(leaf, PKI.fnsCa()).stream()
                .filter(c -> !c.equals(root) && (c == leaf || leaf.getIssuerX500Principal().equals(c.getSubjectX500Principal())))
                .toList());
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        params.setDate(at);
        CertPathValidator.getInstance("PKIX", CertificateFactoryBC.BC).validate(path, params);
    }
}
