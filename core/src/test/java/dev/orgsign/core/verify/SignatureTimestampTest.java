package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TimestampAuthority;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CAdES-T: registrations signed with a real RFC 3161 time-stamping authority running on loopback
 * ({@code openssl ts -reply} behind an HTTP server, its certificate from the test PKI) verify with
 * their {@code signature.timestamp} check, and {@code openssl ts -verify} accepts our tokens. The
 * timestamp's time, not the signer's claim, decides validity and freshness; a token over other
 * bytes, or by a TSA nobody trusts, is not a pass.
 */
class SignatureTimestampTest {
    private static final String LLC = Fixtures.LLC.ogrn();
    private static TimestampAuthority tsa;

    @BeforeAll
    static void startTsa(@TempDir Path dir) throws Exception {
        tsa = TimestampAuthority.start(TestPki.get(), dir.resolve("tsa"));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    /** A registration of {@code persona} signed at {@code signingTime} (the attribute) with the TSA at {@code url}, or none. */
    private static SignedRegistrations.Signed sign(Persona persona, KeyKind kind, Instant signingTime, String url)
            throws Exception {
        byte[] payload = SignedRegistrations.payload(persona, kind, OrganizationType.LLC, LLC);
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(SignedRegistrations.p12(persona, kind), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey key = token.keys().get(0);
            RegistrationSigner signer = new RegistrationSigner(Clock.fixed(signingTime, ZoneOffset.UTC),
                    url == null ? null : TimestampClient.of(URI.create(url)));
            return new SignedRegistrations.Signed(payload, signer.sign(payload, token, key));
        }
    }

    private static VerificationReport verify(SignedRegistrations.Signed s) {
        return new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY).verify(s.payload(), s.signature());
    }

    private static SignerInformation signer(byte[] cms) throws Exception {
        return new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
    }

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"EC_P256", "GOST_256"})
    void aCadesTFromARealTsaVerifiesHereAndItsTokenInOpenSsl(KeyKind kind, @TempDir Path dir) throws Exception {
        int before = tsa.requests();
        SignedRegistrations.Signed s = sign(Persona.LLC_HEAD, kind, Instant.now(), tsa.url());
        assertEquals(before + 1, tsa.requests());
        VerificationReport r = verify(s);
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        Check ts = r.check("signature.timestamp").orElseThrow();
        assertTrue(ts.message().startsWith("Timestamped at ") && ts.message().contains("Тестовая служба штампов времени")
                && ts.message().contains("chains to the trusted root"), ts.message());
        assertTrue(r.check("freshness").orElseThrow().message().startsWith("Timestamped at "), r.checks().toString());
        assertTrue(r.check("signature.cms").orElseThrow().message().equals("A detached CAdES-BES SignedData with one signer."),
                "a CAdES-T of ours is DER and takes the fast path");

        SignerInformation si = signer(s.signature());
        byte[] token = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues()
                .getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
        Path tokenFile = Files.write(dir.resolve("token.tst"), token);
        Path value = Files.write(dir.resolve("signature-value.bin"), si.getSignature());
        String digest = kind == KeyKind.GOST_256 ? "md_gost12_256" : "sha256"; // the imprint uses the signature's digest
        OpenSsl.Run ok = OpenSsl.requireGost().tsVerify(dir, tokenFile, value, digest,
                SignedRegistrations.DIR.resolve("trust/root-ca.pem"), tsa.dir().resolve("chain.pem"));
        assertTrue(ok.ok() && ok.output().contains("Verification: OK"), ok.output());
        byte[] other = si.getSignature().clone();
        other[0] ^= 0x01;
        OpenSsl.Run bad = OpenSsl.requireGost().tsVerify(dir, tokenFile, Files.write(dir.resolve("other.bin"), other), digest,
                SignedRegistrations.DIR.resolve("trust/root-ca.pem"), tsa.dir().resolve("chain.pem"));
        assertTrue(!bad.ok() && bad.output().contains("Verification: FAILED"), "openssl ts -verify accepted other data: "
                + bad.output());

        byte[] changed = s.payload().clone();
        int at = BerAndTextSignaturesTest.indexOf(changed, "romashka.test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        changed[at + 7] = 'b';
        assertEquals(List.of("signature.value"), new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                .verify(changed, s.signature()).failed());
    }

    @Test
    void theTimestampsTimeNotTheSignersClaimDecidesValidity() throws Exception {
        Instant claimed = Instant.now().minus(Duration.ofDays(550)); // inside the expired certificate's validity
        VerificationReport bes = verify(sign(Persona.EXPIRED, KeyKind.EC_P256, claimed, null));
        assertEquals(CheckResult.PASSED, bes.check("certificate.validity").orElseThrow().result(), bes.checks().toString());
        assertTrue(bes.check("signature.timestamp").isEmpty(), "a CAdES-BES reports no timestamp check");

        VerificationReport t = verify(sign(Persona.EXPIRED, KeyKind.EC_P256, claimed, tsa.url()));
        assertEquals(CheckResult.PASSED, t.check("signature.timestamp").orElseThrow().result(), t.checks().toString());
        Check validity = t.check("certificate.validity").orElseThrow();
        assertEquals(CheckResult.FAILED, validity.result(), validity.toString());
        assertTrue(validity.message().startsWith("The certificate expired on"), validity.message());
    }

    @Test
    void aSigningTimeAfterTheTimestampFails() throws Exception {
        VerificationReport r = verify(sign(Persona.LLC_HEAD, KeyKind.EC_P256, Instant.now().plus(Duration.ofHours(2)), tsa.url()));
        Check ts = r.check("signature.timestamp").orElseThrow();
        assertEquals(CheckResult.FAILED, ts.result(), r.checks().toString());
        assertTrue(ts.message().contains("after its timestamp"), ts.message());
        assertEquals(Verdict.REJECTED, r.verdict());
    }

    @Test
    void aTokenOverOtherBytesFails() throws Exception {
        SignedRegistrations.Signed s = sign(Persona.LLC_HEAD, KeyKind.EC_P256, Instant.now(), tsa.url());
        SignerInformation si = signer(s.signature());
        byte[] otherToken = TimestampClient.of(URI.create(tsa.url())).stamp("other bytes".getBytes(),
                new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1"));
        AttributeTable unsigned = new AttributeTable(new java.util.Hashtable<>())
                .add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, ASN1Primitive.fromByteArray(otherToken));
        CMSSignedData swapped = CMSSignedData.replaceSigners(new CMSSignedData(s.signature()),
                new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(si, unsigned)));
        VerificationReport r = verify(new SignedRegistrations.Signed(s.payload(), swapped.getEncoded(ASN1Encoding.DER)));
        Check ts = r.check("signature.timestamp").orElseThrow();
        assertEquals(CheckResult.FAILED, ts.result(), r.checks().toString());
        assertTrue(ts.message().contains("is not over this signature"), ts.message());
        assertEquals(Verdict.REJECTED, r.verdict());
    }

    @Test
    void aTimestampByATsaNobodyTrustsIsNotAPass(@TempDir Path dir) throws Exception {
        try (TimestampAuthority unknown = TimestampAuthority.start(TestPki.get().untrustedTsa(), dir)) {
            VerificationReport r = verify(sign(Persona.LLC_HEAD, KeyKind.GOST_256, Instant.now(), unknown.url()));
            Check ts = r.check("signature.timestamp").orElseThrow();
            assertEquals(CheckResult.NOT_CHECKED, ts.result(), r.checks().toString());
            assertTrue(ts.message().contains("'Unknown TSA, orgsign test' is over this signature and its signature verifies, but the "
                    + "time-stamping authority cannot be trusted"), ts.message());
            assertEquals(Verdict.REJECTED, r.verdict());
            assertTrue(r.check("freshness").orElseThrow().message().startsWith("Signed at "),
                    "an untrusted timestamp's time is not used");
        }
    }

    @Test
    void theRealFnsHeadCadesTsTimestampNamesWhatIsMissing() throws Exception {
        Path sig = RealWorld.file("signatures/fns-head-gost-cades-t/document.pdf.sig");
        CmsEvidence e = CmsEvidence.read(Files.readAllBytes(sig), Files.readAllBytes(RealWorld.contentOf(sig)), null,
                CmsEvidence.Rules.DOCUMENT);
        assertEquals(1, e.timestampTokens().size());
        TrustMaterial roots = TrustMaterial.load(RealWorld.dir().resolve("trust"), List.of());
        SignatureTimestamp.Outcome o = new SignatureTimestamp(new CertificateChecks(roots))
                .verify(e.timestampTokens(), e.signatureValue(), e.bundled, e.signingTime);
        assertEquals(CheckResult.NOT_CHECKED, o.check().result(), o.check().toString());
        assertTrue(o.check().message().startsWith("The signature timestamp of 2025-07-28T12:26:09Z by 'Уваров Сергей "
                + "Васильевич' is over this signature and its signature verifies, but the time-stamping authority cannot be "
                + "trusted"), o.check().message());
        assertTrue(o.check().message().contains("КОМПАНИЯ \"ТЕНЗОР\""), "names the TSA's issuer: " + o.check().message());
    }
}
