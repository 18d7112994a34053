package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signatures as other tools write them — BER with indefinite lengths, the content attached, base64
 * and PEM text — made by the real {@code openssl cms -sign -stream} (EC, RSA, GOST with the gost
 * engine; in DER output it always attaches the content) and by BouncyCastle's default generators
 * (attached and detached): each verifies through the normalizing path
 * with the same checks as a DER one, says how it was read, and fails when a byte of the content
 * changes.
 */
class BerAndTextSignaturesTest {
    private static final String LLC = Fixtures.LLC.ogrn();

    @TempDir
    Path dir;

    private static VerificationReport verify(byte[] payload, byte[] signature) {
        return new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY).verify(payload, signature);
    }

    private static void assertVerified(VerificationReport r, String... cmsWords) {
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        String cms = r.check("signature.cms").orElseThrow().message();
        for (String w : cmsWords) {
            assertTrue(cms.contains(w), cms);
        }
    }

    /** The payload with one byte of the contact address changed (still a valid registration). */
    private static byte[] changed(byte[] payload) {
        byte[] c = payload.clone();
        int at = indexOf(c, "romashka.test".getBytes(StandardCharsets.US_ASCII));
        c[at + 7] = 'b';
        return c;
    }

    private static boolean gost(KeyKind kind) {
        return kind == KeyKind.GOST_256 || kind == KeyKind.GOST_512;
    }

    private byte[] openssl(KeyKind kind, byte[] payload, String... options) throws Exception {
        OpenSsl openssl = gost(kind) ? OpenSsl.requireGost() : OpenSsl.require();
        Path content = Files.write(dir.resolve("registration-" + kind.slug() + ".json"), payload);
        Path persona = SignedRegistrations.DIR.resolve("personas").resolve(Persona.LLC_HEAD.slug());
        String md = kind == KeyKind.GOST_256 ? "md_gost12_256" : kind == KeyKind.GOST_512 ? "md_gost12_512" : "sha256";
        return openssl.cmsSign(dir, content, persona.resolve(kind.slug() + ".pem"), persona.resolve(kind.slug() + ".key.pem"),
                SignedRegistrations.DIR.resolve("ca/fns-ca.pem"), md, gost(kind), options);
    }

    /** Where {@code needle} begins in {@code hay}, or -1. */
    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"EC_P256", "RSA_2048", "GOST_256"})
    void opensslStreamSignaturesInBerVerify(KeyKind kind) throws Exception {
        byte[] payload = SignedRegistrations.payload(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC);
        byte[] attached = openssl(kind, payload, "-stream"); // in DER output, -stream always carries the content
        assertEquals(0x80, attached[1] & 0xff, "openssl -stream writes indefinite lengths");
        assertVerified(verify(payload, attached), "An attached CAdES-BES", "carrying " + payload.length + " bytes",
                "indefinite lengths");
        VerificationReport other = verify(changed(payload), attached);
        assertEquals(List.of("signature.cms"), other.failed(), other.checks().toString());
        assertTrue(other.check("signature.cms").orElseThrow().message().contains("other content than the file given"));

        CmsEvidence inside = CmsEvidence.read(attached, null, null, CmsEvidence.Rules.DOCUMENT);
        assertEquals(CheckResult.PASSED, inside.verifyValue().result());
        assertTrue(java.util.Arrays.equals(payload, inside.content()), "the attached content is what was signed");
        byte[] tampered = attached.clone();
        int at = indexOf(tampered, java.util.Arrays.copyOf(payload, 40));
        assertTrue(at > 0, "the content lies inside the signature");
        tampered[at + 20] ^= 0x01;
        CmsEvidence changedInside = CmsEvidence.read(tampered, null, null, CmsEvidence.Rules.DOCUMENT);
        assertEquals(null, changedInside.problem);
        Check value = changedInside.verifyValue();
        assertEquals(CheckResult.FAILED, value.result(), value.toString());
        assertTrue(value.message().contains("differs from what was signed"), value.message());
    }

    /** A CAdES-BES made by BouncyCastle's default generator (BER), the content inside or not. */
    static byte[] bouncyCastleDefault(KeyKind kind, byte[] payload, boolean encapsulate) throws Exception {
        Credential c = TestPki.get().credential(Persona.LLC_HEAD, kind);
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Providers.bouncyCastle())
                .setSignedAttributeGenerator(cadesAttributes(c)).build(jcaName(kind), c.privateKey(), c.certificate()));
        gen.addCertificates(new JcaCertStore(c.chain()));
        return gen.generate(new CMSProcessableByteArray(payload), encapsulate).getEncoded();
    }

    private static String jcaName(KeyKind kind) {
        return kind == KeyKind.GOST_256 ? "GOST3411-2012-256WITHECGOST3410-2012-256" : "SHA256withECDSA";
    }

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"EC_P256", "GOST_256"})
    void bouncyCastleDefaultGeneratorsOutputVerifies(KeyKind kind) throws Exception {
        byte[] payload = SignedRegistrations.payload(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC);
        for (boolean encapsulate : new boolean[] {false, true}) {
            byte[] sig = bouncyCastleDefault(kind, payload, encapsulate);
            assertEquals(0x80, sig[1] & 0xff, "BouncyCastle's default encoding is BER");
            assertVerified(verify(payload, sig), encapsulate ? "An attached" : "A detached", "indefinite lengths");
            assertEquals(Verdict.REJECTED, verify(changed(payload), sig).verdict());
        }

        Credential c = TestPki.get().credential(Persona.LLC_HEAD, kind);
        CMSSignedDataStreamGenerator stream = new CMSSignedDataStreamGenerator();
        stream.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Providers.bouncyCastle())
                .setSignedAttributeGenerator(cadesAttributes(c)).build(jcaName(kind), c.privateKey(), c.certificate()));
        stream.addCertificates(new JcaCertStore(c.chain()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream content = stream.open(out, true)) {
            content.write(payload);
        }
        assertVerified(verify(payload, out.toByteArray()), "An attached", "indefinite lengths");
        assertEquals(Verdict.REJECTED, verify(changed(payload), out.toByteArray()).verdict());
    }

    /** The CAdES-BES attributes the default generator does not add itself: signing-certificate-v2. */
    private static AttributeTable cadesAttributes(Credential c) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
                new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(c.certificate().getEncoded()))))));
        return new AttributeTable(v);
    }

    @Test
    void base64AndPemTextVerifiesAndSaysSo() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        byte[] mime = Base64.getMimeEncoder().encode(s.signature()); // 76 columns, CRLF: as Windows tools save it
        assertVerified(verify(s.payload(), mime), "read from base64 text");
        byte[] oneLine = ("\ufeff" + Base64.getEncoder().encodeToString(s.signature()) + "\n").getBytes(StandardCharsets.UTF_8);
        assertVerified(verify(s.payload(), oneLine), "read from base64 text");
        assertEquals(Verdict.REJECTED, verify(changed(s.payload()), mime).verdict());

        byte[] cmsPem = openssl(KeyKind.EC_P256, s.payload(), "-outform", "PEM");
        assertTrue(new String(cmsPem, StandardCharsets.US_ASCII).startsWith("-----BEGIN CMS-----"));
        assertVerified(verify(s.payload(), cmsPem), "read from PEM text (CMS)");
        assertEquals(Verdict.REJECTED, verify(changed(s.payload()), cmsPem).verdict());

        byte[] gostPayload = SignedRegistrations.payload(Persona.LLC_HEAD, KeyKind.GOST_256, OrganizationType.LLC, LLC);
        byte[] ber = openssl(KeyKind.GOST_256, gostPayload, "-stream");
        Path berFile = Files.write(dir.resolve("ber.p7s"), ber);
        OpenSsl.Run pkcs7 = OpenSsl.require().run(dir, "pkcs7", "-inform", "DER", "-in", berFile.toString(), "-outform", "PEM",
                "-out", dir.resolve("ber.pem").toString());
        assertTrue(pkcs7.ok(), pkcs7.output());
        byte[] pkcs7Pem = Files.readAllBytes(dir.resolve("ber.pem"));
        assertTrue(new String(pkcs7Pem, StandardCharsets.US_ASCII).startsWith("-----BEGIN PKCS7-----"));
        assertVerified(verify(gostPayload, pkcs7Pem), "read from PEM text (PKCS7)");
        assertVerified(verify(gostPayload, Base64.getMimeEncoder().encode(ber)), "read from base64 text", "indefinite lengths");
    }

    @Test
    void textThatIsNotASignatureIsRefusedWithASentence() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        String certificate = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(TestPki.get().fnsCa().getEncoded()) + "\n-----END CERTIFICATE-----\n";
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {certificate, "PEM text of a CERTIFICATE"});
        cases.add(new String[] {Base64.getEncoder().encodeToString("not a signature at all".getBytes(StandardCharsets.UTF_8)),
            "content is not CMS"});
        String b64 = Base64.getEncoder().encodeToString(s.signature());
        cases.add(new String[] {b64.substring(0, b64.length() / 2), "signature"});
        cases.add(new String[] {"-----BEGIN CMS-----\n" + b64 + "\n", "signature"});
        for (String[] c : cases) {
            VerificationReport r = verify(s.payload(), c[0].getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of("signature.cms"), r.failed(), c[0] + ": " + r.checks());
            String message = r.check("signature.cms").orElseThrow().message();
            assertTrue(message.contains(c[1]), message);
        }
    }

    @Test
    void theDocumentVerifierChecksAnAttachedSignatureWithoutTheRegistrationChecksAndGivesItsContent() throws Exception {
        byte[] contract = "Договор поставки № 17 от 1 марта".getBytes(StandardCharsets.UTF_8);
        DocumentVerifier verifier = new DocumentVerifier(SignedRegistrations.TRUST, java.time.Clock.systemUTC(), null);
        byte[] attached = openssl(KeyKind.GOST_256, contract, "-stream");
        DocumentVerification d = verifier.verifyAttached(Base64.getMimeEncoder().encode(attached));
        assertEquals(Verdict.VERIFIED, d.report().verdict(), d.report().checks().toString());
        assertEquals(DocumentVerifier.CODES.stream().filter(c -> !c.equals("signature.timestamp")).toList(),
                d.report().checks().stream().map(Check::code).toList());
        assertTrue(java.util.Arrays.equals(contract, d.content()) && d.contentSigned());
        assertEquals(TestPki.get().credential(Persona.LLC_HEAD, KeyKind.GOST_256).certificate(), d.certificate());

        byte[] detached = bouncyCastleDefault(KeyKind.EC_P256, contract, false);
        assertEquals(Verdict.VERIFIED, verifier.verify(contract, detached).report().verdict());
        DocumentVerification without = verifier.verifyAttached(detached);
        assertEquals(List.of("signature.cms"), without.report().failed());
        assertTrue(without.report().check("signature.cms").orElseThrow().message().contains("the signed file must be given"));
        byte[] other = contract.clone();
        other[3] ^= 0x01;
        DocumentVerification changed = verifier.verify(other, detached);
        assertEquals(List.of("signature.value"), changed.report().failed());
        assertTrue(!changed.contentSigned());
    }
}
