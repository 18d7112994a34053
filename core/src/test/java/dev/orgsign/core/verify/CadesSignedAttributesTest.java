package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CAdES signer checked over its signed attributes: CMS structures made by hand (signed with a
 * persona's key) that differ from a proper signature in one respect each; signed attributes sent
 * out of DER order verify over their DER re-encoding (RFC 5652 §5.4, as BouncyCastle and EU DSS
 * verify them) or over the order sent (as OpenSSL does), and over neither they fail; and a mutation corpus showing that whatever
 * {@link Der#isDer} accepts is what BouncyCastle's DER re-encoding reproduces byte for byte (so
 * the fast path, verifying over the received bytes, verifies over their DER encoding).
 */
class CadesSignedAttributesTest {
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    private static final AlgorithmIdentifier SHA384 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384);
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private static final Credential EC = TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256);
    private static final byte[] PAYLOAD = payload();

    private static byte[] payload() {
        try {
            return SignedRegistrations.payload(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, Fixtures.LLC.ogrn());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** How a hand-made signature differs from a proper one. */
    private static final class Forge {
        Credential signer = EC;
        String jca = "SHA256withECDSA";
        AlgorithmIdentifier digestAlgorithm = SHA256;
        AlgorithmIdentifier signatureAlgorithm = ECDSA_SHA256;
        String messageDigest = "SHA-256";
        ASN1ObjectIdentifier contentType = CMSObjectIdentifiers.data;
        X509Certificate essNames = EC.certificate();
        /** Attributes in this order (indexes into content-type, message-digest, signing-time, ESS), or null: sorted. */
        /** An extra signed attribute (appended, then sorted with the others), or null. */
        Attribute extra;
        int[] signedOrder;
        int[] sentOrder;
        byte[] signatureValue;

        byte[] build() throws Exception {
            List<ASN1Encodable> attrs = new ArrayList<>(List.of(
                    new Attribute(CMSAttributes.contentType, new DERSet(contentType)),
                    new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(
                            MessageDigest.getInstance(messageDigest, Providers.bouncyCastle()).digest(PAYLOAD)))),
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date()))),
                    new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
                            new ESSCertIDv2(SHA256, MessageDigest.getInstance("SHA-256").digest(essNames.getEncoded())))))));
            if (extra != null) {
                attrs.add(extra);
            }
            byte[] signed = set(attrs, signedOrder).getEncoded(ASN1Encoding.DL);
            byte[] value = signatureValue;
            if (value == null) {
                Signature s = Signature.getInstance(jca, Providers.bouncyCastle());
                s.initSign(signer.privateKey());
                s.update(signed);
                value = s.sign();
            }
            X509Certificate cert = signer.certificate();
            // SignerInfo's own encoding is a DER SEQUENCE, which would sort the attributes: built as DL to keep the order.
            ASN1EncodableVector si = new ASN1EncodableVector();
            si.add(new org.bouncycastle.asn1.ASN1Integer(1));
            si.add(new IssuerAndSerialNumber(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()),
                    cert.getSerialNumber()));
            si.add(digestAlgorithm);
            si.add(new org.bouncycastle.asn1.DLTaggedObject(false, 0, set(attrs, sentOrder)));
            si.add(signatureAlgorithm);
            si.add(new DEROctetString(value));
            ASN1Encodable info = new org.bouncycastle.asn1.DLSequence(si);
            ASN1EncodableVector certs = new ASN1EncodableVector();
            for (X509Certificate c : signer.chain()) {
                certs.add(Certificate.getInstance(c.getEncoded()));
            }
            SignedData sd = new SignedData(new DERSet(digestAlgorithm), new ContentInfo(CMSObjectIdentifiers.data, null),
                    new DLSet(certs), null, new DLSet(info));
            return new ContentInfo(CMSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DL);
        }

        private static ASN1Set set(List<ASN1Encodable> attrs, int[] order) {
            if (order == null) {
                return new DERSet(attrs.toArray(new ASN1Encodable[0]));
            }
            ASN1EncodableVector v = new ASN1EncodableVector();
            for (int i : order) {
                v.add(attrs.get(i));
            }
            return new DLSet(v);
        }
    }

    private static VerificationReport verify(byte[] signature) {
        return new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY).verify(PAYLOAD, signature);
    }

    private static void assertRejectedBy(VerificationReport r, String code, String words) {
        assertEquals(Verdict.REJECTED, r.verdict(), r.checks().toString());
        assertEquals(List.of(code), r.failed(), r.checks().toString());
        String message = r.check(code).orElseThrow().message();
        assertTrue(message.contains(words), message);
        ReportLanguages.assertOneLanguage(r, words);
    }

    @Test
    void aProperHandMadeSignatureVerifies() throws Exception {
        VerificationReport r = verify(new Forge().build());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
    }

    @Test
    void signedAttributesSignedInDerOrderButSentOtherwiseVerifyOverTheirDerReEncoding(@TempDir Path dir) throws Exception {
        Forge sentReordered = new Forge();
        sentReordered.sentOrder = new int[] {3, 2, 1, 0}; // signed in DER order (RFC 5652 §5.4), sent re-ordered
        byte[] sig = sentReordered.build();
        SignerInformation si = new CMSSignedData(new CMSProcessableByteArray(PAYLOAD), sig).getSignerInfos().getSigners()
                .iterator().next();
        byte[] sent = SignerInfo.getInstance(si.toASN1Structure()).getAuthenticatedAttributes().getEncoded(ASN1Encoding.DL);
        assertFalse(Arrays.equals(sent, si.getEncodedSignedAttributes()), "the test set is DER");
        VerificationReport r = verify(sig);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        String value = r.check("signature.value").orElseThrow().message();
        assertTrue(value.contains("over the DER re-encoding of its signed attributes"), value);
        assertTrue(r.check("signature.cms").orElseThrow().message().contains("signed attributes not in DER order"),
                r.checks().toString());
        assertTrue(bouncyCastleVerifies(si), "BouncyCastle (and EU DSS with it) verifies over the DER re-encoding too");
        assertFalse(openSslVerifies(dir, sig), "OpenSSL verifies over the order sent, so it refuses this one");

        byte[] changed = PAYLOAD.clone();
        changed[changed.length / 3] ^= 0x01;
        VerificationReport other = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                .verify(changed, sig);
        assertEquals(List.of("signature.value"), other.failed());
    }

    @Test
    void signedAttributesSignedInTheOrderSentVerifyOverThatOrderAsOpenSslDoes(@TempDir Path dir) throws Exception {
        Forge signedAsSent = new Forge();
        signedAsSent.signedOrder = new int[] {1, 0, 3, 2}; // signed over the non-DER order it is sent in
        signedAsSent.sentOrder = signedAsSent.signedOrder;
        byte[] sig = signedAsSent.build();
        VerificationReport r = verify(sig);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        String value = r.check("signature.value").orElseThrow().message();
        assertTrue(value.contains("in the order they were sent, which is not DER order"), value);
        assertTrue(openSslVerifies(dir, sig), "OpenSSL verifies over the order sent");
        SignerInformation si = new CMSSignedData(new CMSProcessableByteArray(PAYLOAD), sig).getSignerInfos().getSigners()
                .iterator().next();
        assertFalse(bouncyCastleVerifies(si), "BouncyCastle verifies over the DER re-encoding only");

        byte[] changed = PAYLOAD.clone();
        changed[changed.length / 3] ^= 0x01;
        assertEquals(List.of("signature.value"), new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                .verify(changed, sig).failed());
    }

    @Test
    void aSignatureOverAnOrderThatIsNeitherDerNorTheOneSentFails(@TempDir Path dir) throws Exception {
        Forge signedReordered = new Forge();
        signedReordered.signedOrder = new int[] {3, 2, 1, 0}; // signed re-ordered, sent in DER order
        byte[] sig = signedReordered.build();
        assertRejectedBy(verify(sig), "signature.value", "does not verify");
        assertFalse(openSslVerifies(dir, sig));

        Forge sentOtherwise = new Forge();
        sentOtherwise.signedOrder = new int[] {3, 2, 1, 0};
        sentOtherwise.sentOrder = new int[] {1, 0, 3, 2}; // neither DER nor what was signed
        assertRejectedBy(verify(sentOtherwise.build()), "signature.value", "does not verify");
    }

    private static boolean bouncyCastleVerifies(SignerInformation si) throws Exception {
        return si.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(Providers.bouncyCastle()).build(EC.certificate()));
    }

    private static boolean openSslVerifies(Path dir, byte[] sig) throws Exception {
        Path content = Files.write(dir.resolve("payload.json"), PAYLOAD);
        Path file = Files.write(dir.resolve("payload.json.p7s"), sig);
        OpenSsl.Run run = OpenSsl.require().cmsVerify(dir, file, content, SignedRegistrations.DIR.resolve("trust/root-ca.pem"),
                false);
        return run.ok();
    }

    @Test
    void aContentTypeOtherThanIdDataIsRefused() throws Exception {
        Forge f = new Forge();
        f.contentType = CMSObjectIdentifiers.signedData;
        assertRejectedBy(verify(f.build()), "signature.cms", "id-data");
    }

    @Test
    void aDigestAlgorithmThatTheSignatureAlgorithmDoesNotUseIsRefused() throws Exception {
        Forge f = new Forge();
        f.digestAlgorithm = SHA384; // the content digested with SHA-384, the attributes signed with SHA-256
        f.messageDigest = "SHA-384";
        assertRejectedBy(verify(f.build()), "signature.value", "does not fit");

        Forge wrongDigest = new Forge();
        wrongDigest.messageDigest = "SHA-384"; // SHA-256 named, another digest in the attribute
        assertRejectedBy(verify(wrongDigest.build()), "signature.value", "differs from what was signed");
    }

    @Test
    void aSignatureAlgorithmOfAnotherKeyFamilyIsRefusedBeforeVerifying() throws Exception {
        Forge f = new Forge();
        f.signer = TestPki.get().credential(Persona.LLC_HEAD, KeyKind.GOST_256);
        f.essNames = f.signer.certificate();
        f.signatureValue = new byte[64]; // ECDSA named for a GOST key: refused before any verification
        new Random(5).nextBytes(f.signatureValue);
        assertRejectedBy(verify(f.build()), "signature.value", "does not fit the signer's");
    }

    @Test
    void aCmsAlgorithmProtectionAttributeNamingOtherAlgorithmsIsRefused() throws Exception {
        Forge same = new Forge();
        same.extra = new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(new org.bouncycastle.asn1.cms.CMSAlgorithmProtection(
                SHA256, org.bouncycastle.asn1.cms.CMSAlgorithmProtection.SIGNATURE, ECDSA_SHA256)));
        assertEquals(Verdict.VERIFIED, verify(same.build()).verdict());

        Forge other = new Forge();
        other.extra = new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(new org.bouncycastle.asn1.cms.CMSAlgorithmProtection(
                SHA384, org.bouncycastle.asn1.cms.CMSAlgorithmProtection.SIGNATURE, ECDSA_SHA256)));
        assertRejectedBy(verify(other.build()), "signature.cms", "CMSAlgorithmProtection");
    }

    @Test
    void anEssAttributeNamingAnotherCertificateFails() throws Exception {
        Forge f = new Forge();
        f.essNames = TestPki.get().fnsCa();
        assertRejectedBy(verify(f.build()), "signature.value", "names another certificate");
    }

    @Test
    void derCheckNeverAcceptsWhatBouncyCastleWouldReEncodeOtherwise() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.GOST_256, OrganizationType.LLC, Fixtures.LLC.ogrn(), null);
        byte[] attrs = new CMSSignedData(new CMSProcessableByteArray(s.payload()), s.signature()).getSignerInfos()
                .getSigners().iterator().next().getEncodedSignedAttributes();
        assertTrue(Der.isDer(attrs, headerLength(attrs), attrs.length), "a real signature's attributes are DER");
        Random random = new Random(20261123L);
        List<byte[]> corpus = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            byte[] m = attrs.clone();
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
                m[headerLength(m) + random.nextInt(m.length - headerLength(m))] ^= (byte) (1 << random.nextInt(8));
            }
            corpus.add(m);
        }
        ASN1Set parsed = ASN1Set.getInstance(attrs);
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = 0; j < parsed.size(); j++) {
                if (i != j) {
                    ASN1EncodableVector v = new ASN1EncodableVector();
                    v.add(parsed.getObjectAt(i));
                    v.add(parsed.getObjectAt(j));
                    corpus.add(new DLSet(v).getEncoded(ASN1Encoding.DL));
                }
            }
        }
        corpus.add(longForm(attrs));
        int der = 0;
        int notDer = 0;
        for (byte[] m : corpus) {
            ASN1Primitive p;
            try {
                p = ASN1Primitive.fromByteArray(m);
                if (!(p instanceof ASN1Set)) {
                    continue;
                }
                p.getEncoded(ASN1Encoding.DER);
            } catch (Exception e) {
                continue; // BouncyCastle cannot read it either
            }
            int h = headerLength(m);
            boolean ours = h > 0 && Der.isDer(m, h, m.length) && Der.headerIsMinimal(m, new Der.Element(m[0] & 0xff, 0, h, m.length));
            if (ours) {
                assertArrayEquals(p.getEncoded(ASN1Encoding.DER), m, "accepted as DER but BouncyCastle re-encodes it");
                der++;
            } else {
                notDer++;
            }
        }
        assertTrue(der > 10 && notDer > 10, "corpus too one-sided: " + der + " DER, " + notDer + " not DER");
    }

    @Test
    void signingTimesAreReadAsBouncyCastleReadsThem() throws Exception {
        for (String t : List.of("261123101530Z", "491231235959Z", "500101000000Z")) {
            byte[] der = new org.bouncycastle.asn1.DERUTCTime(t).getEncoded();
            assertEquals(new org.bouncycastle.asn1.DERUTCTime(t).getAdjustedDate().toInstant(),
                    Der.time(der, new Der.Element(der[0], 0, 2, der.length)), t);
        }
        for (String t : List.of("20261123101530Z", "20501123101530.5Z", "19491231235959.123Z")) {
            byte[] der = new org.bouncycastle.asn1.DERGeneralizedTime(t).getEncoded();
            assertEquals(new org.bouncycastle.asn1.DERGeneralizedTime(t).getDate().toInstant(),
                    Der.time(der, new Der.Element(der[0], 0, 2, der.length)), t);
        }
        for (String bad : List.of("2611231015Z", "261323101530Z", "26112310153aZ", "261123101530+0300")) {
            byte[] der = ("\u0017" + (char) bad.length() + bad).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Der.Element e = new Der.Element(Der.UTC_TIME, 0, 2, der.length);
            try {
                Der.time(der, e);
                throw new AssertionError("accepted " + bad);
            } catch (Der.Malformed expected) {
                assertTrue(expected.getMessage().contains("signing time"), expected.getMessage());
            }
        }
    }

    private static int headerLength(byte[] der) {
        int first = der[1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    /** The same set with its outer length in a needlessly long form. */
    private static byte[] longForm(byte[] der) {
        int h = headerLength(der);
        int length = der.length - h;
        byte[] out = new byte[5 + length];
        out[0] = der[0];
        out[1] = (byte) 0x83;
        out[2] = (byte) (length >> 16);
        out[3] = (byte) (length >> 8);
        out[4] = (byte) length;
        System.arraycopy(der, h, out, 5, length);
        return out;
    }
}
