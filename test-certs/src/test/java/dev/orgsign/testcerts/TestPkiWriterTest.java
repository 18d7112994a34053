package dev.orgsign.testcerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPkiWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEverythingAndThePkcs12FilesSignForEveryKeyKind() throws Exception {
        TestPki pki = TestPki.get();
        TestPkiWriter.write(pki, dir);
        assertTrue(Files.isRegularFile(dir.resolve("trust/root-ca.pem")));
        assertTrue(Files.isRegularFile(dir.resolve("registry/windows-1251/egrul-" + Fixtures.LLC.ogrn() + ".xml")));
        try (InputStream in = Files.newInputStream(dir.resolve("crl/fns-ca.crl"))) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            assertTrue(crl.isRevoked(pki.credential(Persona.REVOKED, KeyKind.EC_P256).certificate()));
        }
        for (KeyKind kind : Persona.LLC_HEAD.keyKinds()) {
            Path p12 = dir.resolve("personas/llc-head/" + kind.slug() + ".p12");
            KeyStore ks = KeyStore.getInstance("PKCS12", CertificateFactoryBC.BC);
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, TestPki.STORE_PASSWORD.toCharArray());
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate("llc-head");
            assertEquals(pki.credential(Persona.LLC_HEAD, kind).certificate(), cert);
            assertEquals(3, ks.getCertificateChain("llc-head").length);
            PrivateKey key = (PrivateKey) ks.getKey("llc-head", TestPki.STORE_PASSWORD.toCharArray());
            String alg = switch (kind) {
                case GOST_256 -> "GOST3411-2012-256WITHECGOST3410-2012-256";
                case GOST_512 -> "GOST3411-2012-512WITHECGOST3410-2012-512";
                case EC_P256 -> "SHA256withECDSA";
                case RSA_2048 -> "SHA256withRSA";
            };
            Signature s = Signature.getInstance(alg, CertificateFactoryBC.BC);
            s.initSign(key);
            s.update(new byte[] {1, 2, 3});
            byte[] sig = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(new byte[] {1, 2, 3});
            assertTrue(s.verify(sig), kind.toString());
        }
    }
}
