package dev.orgsign.pkcs11;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.pdf.ApplicationPdf;
import dev.orgsign.core.pdf.PadesSigner;
import dev.orgsign.core.pdf.PdfSignatureVerifier;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import dev.orgsign.testcerts.softhsm.ProvisionedKey;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CAdES and PAdES signatures made on a real SoftHSM token (EC P-256 and RSA-2048) through
 * {@link Pkcs11SigningToken}: our verifier and the real {@code openssl cms -verify} accept them,
 * and a byte changed in the payload fails {@code signature.value} (and openssl).
 */
class SoftHsmCadesInteropTest {
    private static ProvisionedToken provisioned;
    private static Path pki;
    private static Registry registry;
    private static TrustMaterial trust;

    @TempDir
    Path dir;

    @BeforeAll
    static void provision() throws Exception {
        provisioned = SoftHsmFixture.token("cades", EnumSet.of(Persona.LLC_HEAD));
        pki = Files.createTempDirectory("orgsign-cades-interop-");
        TestPkiWriter.write(TestPki.get(), pki);
        registry = FnsExtractRegistry.load(pki.resolve("registry/utf-8"));
        trust = TrustMaterial.load(pki.resolve("trust"), List.of(pki.resolve("crl")));
    }

    private static Pkcs11SigningToken open() throws Exception {
        try (Pkcs11Library lib = Pkcs11Library.open(provisioned.softHsm().libraryPath())) {
            Pkcs11SigningToken token = lib.openToken(provisioned.label(), Pkcs11Options.defaults());
            token.login(request -> SoftHsm.USER_PIN.toCharArray());
            return token;
        }
    }

    @Test
    void softHsmSignaturesVerifyHereAndInOpenssl() throws Exception {
        OpenSsl openssl = OpenSsl.require();
        try (Pkcs11SigningToken token = open()) {
            List<TokenKey> keys = token.keys();
            assertEquals(2, provisioned.keys().size(), "EC and RSA keys of the LLC head");
            for (ProvisionedKey pk : provisioned.keys()) {
                TokenKey onToken = keys.stream().filter(k -> k.id().equals(pk.idHex())).findFirst().orElseThrow();
                // SoftHSM holds only the leaf; a real token usually stores its CA too, which the bridge chains.
                TokenKey key = new TokenKey(onToken.id(), onToken.label(), onToken.certificate(),
                        List.of(onToken.certificate(), TestPki.get().fnsCa()), onToken.keyAlgorithm(),
                        onToken.keySizeBits(), onToken.hasPrivateKey());
                QualifiedCertificate q = QualifiedCertificate.parse(key.certificate());
                byte[] payload = PayloadCodec.canonicalBytes(PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(),
                        registry, "buh@romashka.test", "+74951234567", null, Clock.systemUTC()));
                byte[] signature = new RegistrationSigner().sign(payload, token, key);

                VerificationReport r = new SignatureVerifier(trust, registry).verify(payload, signature);
                assertEquals(Verdict.VERIFIED, r.verdict(), pk.kind() + ": " + r.checks());
                Path p = Files.write(dir.resolve(pk.kind().slug() + ".json"), payload);
                Path s = Files.write(dir.resolve(pk.kind().slug() + ".json.sig"), signature);
                OpenSsl.Run ok = openssl.cmsVerify(dir, s, p, pki.resolve("trust/root-ca.pem"), false);
                assertTrue(ok.ok(), pk.kind() + ": " + ok.output());

                byte[] changed = payload.clone();
                changed[changed.length - 3] ^= 0x01;
                VerificationReport bad = new SignatureVerifier(trust, registry).verify(changed, signature);
                assertEquals(Verdict.REJECTED, bad.verdict());
                assertTrue(bad.failed().contains("signature.value") || bad.failed().contains("payload.schema"), bad.checks().toString());
                byte[] sameShape = new String(payload, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("buh@romashka.test", "buh@romashkb.test").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                VerificationReport bad2 = new SignatureVerifier(trust, registry).verify(sameShape, signature);
                assertEquals(List.of("signature.value"), bad2.failed(), bad2.checks().toString());
                Path c = Files.write(dir.resolve(pk.kind().slug() + ".changed.json"), sameShape);
                assertFalse(openssl.cmsVerify(dir, s, c, pki.resolve("trust/root-ca.pem"), false).ok());

                byte[] pdf = new PadesSigner().sign(ApplicationPdf.render(PayloadCodec.parse(payload)), token, key,
                        "Регистрация организации", null);
                PdfSignatureVerifier.Result pr = new PdfSignatureVerifier(trust, Clock.systemUTC()).verify(pdf);
                assertEquals(Verdict.VERIFIED, pr.report().verdict(), pk.kind() + " PAdES: " + pr.report().checks());
            }
        }
    }
}
