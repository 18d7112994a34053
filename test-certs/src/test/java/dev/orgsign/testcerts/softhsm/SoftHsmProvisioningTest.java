package dev.orgsign.testcerts.softhsm;

import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Puts every EC/RSA persona on a real SoftHSM2 token, then signs with each key on the token and
 * verifies the signature with the certificate found on the same token under the same CKA_ID.
 */
class SoftHsmProvisioningTest {
    private static ProvisionedToken token;

    @BeforeAll
    static void provision() throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        SoftHsm hsm = SoftHsm.fromEnvironment();
        token = hsm.provision("provisioning-test-" + System.nanoTime(), SoftHsm.USER_PIN, TestPki.get(),
                EnumSet.allOf(Persona.class));
    }

    @Test
    void everyEcAndRsaPersonaSignsOnTheTokenAndVerifiesWithItsCertificate() throws Exception {
        int expected = 0;
        for (Persona p : Persona.values()) {
            expected += (int) p.keyKinds().stream().filter(KeyKind::onSoftHsm).count();
        }
        assertEquals(expected, token.keys().size());
        assertFalse(token.serial().isBlank());

        PKCS11Module module = PKCS11Module.getInstance(token.softHsm().libraryPath().toString());
        module.initialize();
        try {
            Slot slot = null;
            for (Slot s : module.getSlotList(true)) {
                if (s.getToken().getTokenInfo().getLabel().trim().equals(token.label())) {
                    slot = s;
                }
            }
            assertTrue(slot != null, "the provisioned token is visible to a fresh C_Initialize");
            assertEquals(token.serial(), slot.getToken().getTokenInfo().getSerialNumber().trim());
            Session session = slot.getToken().openSession(false);
            session.login(PKCS11Constants.CKU_USER, token.userPin().toCharArray());
            byte[] data = "orgsign registration".getBytes(StandardCharsets.UTF_8);
            for (ProvisionedKey key : token.keys()) {
                byte[] id = HexFormat.of().parseHex(key.idHex());
                long[] privateKeys = session.findObjectsSingle(
                        AttributeVector.newPrivateKey().id(id), 2);
                long[] certs = session.findObjectsSingle(AttributeVector.newX509Certificate().id(id), 2);
                assertEquals(1, privateKeys.length, key.label());
                assertEquals(1, certs.length, key.label());
                byte[] der = session.getAttrValues(certs[0], PKCS11Constants.CKA_VALUE).value();
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                assertEquals(TestPki.get().credential(key.persona(), key.kind()).certificate(), cert);

                boolean ec = key.kind() == KeyKind.EC_P256;
                // SoftHSM 2.6 lists CKM_ECDSA but not CKM_ECDSA_SHA256: hash on the host, sign the digest.
                byte[] signature = ec
                        ? session.signSingle(new Mechanism(PKCS11Constants.CKM_ECDSA), privateKeys[0],
                                java.security.MessageDigest.getInstance("SHA-256").digest(data))
                        : session.signSingle(new Mechanism(PKCS11Constants.CKM_SHA256_RSA_PKCS), privateKeys[0], data);
                Signature verifier = Signature.getInstance(ec ? "SHA256withPLAIN-ECDSA" : "SHA256withRSA",
                        new BouncyCastleProvider());
                verifier.initVerify(cert.getPublicKey());
                verifier.update(data);
                assertTrue(verifier.verify(signature), key.label() + " signature verifies with its certificate");
            }
            session.logout();
            session.closeSession();
        } finally {
            module.finalize(null);
        }
    }
}
