package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureVerifierTest {
    private static final String LLC = Fixtures.LLC.ogrn();

    private static SignatureVerifier verifier() {
        return new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void theLlcHeadsRegistrationVerifiesWithEveryKeyKind(KeyKind kind) throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC, null);
        VerificationReport r = verifier().verify(s.payload(), s.signature());
        assertEquals(Verdict.VERIFIED, r.verdict(), r.checks().toString());
        assertEquals(11, r.checks().size());
    }

    @Test
    void rsaPssAndEcdsaSha384Verify() throws Exception {
        for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.SHA256_WITH_RSA_PSS, SignatureAlgorithm.SHA512_WITH_RSA)) {
            var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.RSA_2048, OrganizationType.LLC, LLC, alg);
            assertEquals(Verdict.VERIFIED, verifier().verify(s.payload(), s.signature()).verdict(), alg.toString());
        }
        var ec = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, SignatureAlgorithm.SHA384_WITH_ECDSA);
        assertEquals(Verdict.VERIFIED, verifier().verify(ec.payload(), ec.signature()).verdict());
    }

    @Test
    void theEntrepreneurAndTheGovernmentHeadVerify() throws Exception {
        var ie = SignedRegistrations.sign(Persona.IE, KeyKind.GOST_256, OrganizationType.IE, Fixtures.IE.ogrn(), null);
        VerificationReport r1 = verifier().verify(ie.payload(), ie.signature());
        assertEquals(Verdict.VERIFIED, r1.verdict(), r1.checks().toString());
        var gov = SignedRegistrations.sign(Persona.GOV_HEAD, KeyKind.EC_P256, OrganizationType.GOV, Fixtures.GOV.ogrn(), null);
        VerificationReport r2 = verifier().verify(gov.payload(), gov.signature());
        assertEquals(Verdict.VERIFIED, r2.verdict(), r2.checks().toString());
    }

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = {"EXPIRED", "REVOKED", "UNTRUSTED", "WRONG_OGRN", "LLC_EMPLOYEE", "LLC_FORMER_HEAD"})
    void eachNegativePersonaIsRejectedByExactlyItsCheck(Persona persona) throws Exception {
        String expected = switch (persona) {
            case EXPIRED -> "certificate.validity";
            case REVOKED -> "certificate.revocation";
            case UNTRUSTED -> "certificate.chain";
            default -> "authority";
        };
        for (KeyKind kind : persona.keyKinds()) {
            var s = SignedRegistrations.sign(persona, kind, OrganizationType.LLC, LLC, null);
            VerificationReport r = verifier().verify(s.payload(), s.signature());
            assertEquals(Verdict.REJECTED, r.verdict());
            assertEquals(List.of(expected), r.failed(), persona + " " + kind + ": " + r.checks());
            String message = r.check(expected).orElseThrow().message();
            assertTrue(message.length() > 20, message);
        }
    }

    @Test
    void aChangedByteInThePayloadFailsSignatureValue() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.GOST_256, OrganizationType.LLC, LLC, null);
        String json = new String(s.payload(), StandardCharsets.UTF_8);
        byte[] changed = json.replace("buh@romashka.test", "buh@romashkb.test").getBytes(StandardCharsets.UTF_8);
        assertEquals(s.payload().length, changed.length);
        VerificationReport r = verifier().verify(changed, s.signature());
        assertEquals(Verdict.REJECTED, r.verdict());
        assertEquals(List.of("signature.value"), r.failed());
        assertTrue(r.check("signature.value").orElseThrow().message().contains("differs from what was signed"));
    }

    @Test
    void garbageTruncatedAndOversizedInputsAreRejectedNeverThrown() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        SignatureVerifier v = verifier();
        byte[][] badSignatures = {new byte[0], "not a signature".getBytes(StandardCharsets.UTF_8),
            Arrays.copyOf(s.signature(), s.signature().length / 2), Arrays.copyOf(s.signature(), 300_000),
            new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}};
        for (byte[] bad : badSignatures) {
            VerificationReport r = v.verify(s.payload(), bad);
            assertEquals(Verdict.REJECTED, r.verdict());
            assertEquals(List.of("signature.cms"), r.failed(), r.checks().toString());
        }
        byte[][] badPayloads = {new byte[0], "{".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8),
            new byte[70_000], Arrays.copyOf(s.payload(), s.payload().length - 3),
            "{\"schema\":\"orgsign.registration.v1\",\"x\":{\"y\":{\"z\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":{\"k\":{\"l\":{\"m\":{\"n\":1}}}}}}}}}}}}}}}}}"
                    .getBytes(StandardCharsets.UTF_8)};
        for (byte[] bad : badPayloads) {
            VerificationReport r = v.verify(bad, s.signature());
            assertEquals(Verdict.REJECTED, r.verdict());
            assertEquals(List.of("payload.schema"), r.failed(), r.checks().toString());
        }
    }

    @Test
    void aReusedRequestIdWithAnotherPayloadFailsFreshness() throws Exception {
        SignatureVerifier v = verifier();
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        assertEquals(Verdict.VERIFIED, v.verify(s.payload(), s.signature()).verdict());
        assertEquals(Verdict.VERIFIED, v.verify(s.payload(), s.signature()).verdict(), "the same submission again is fine");
        String other = new String(s.payload(), StandardCharsets.UTF_8).replace("+74951234567", "+74951234568");
        var token = SignedRegistrations.p12(Persona.LLC_HEAD, KeyKind.EC_P256);
        try (var t = dev.orgsign.core.token.KeyStoreSigningToken.ofFile(token, "PKCS12")) {
            t.login(r -> dev.orgsign.testcerts.TestPki.STORE_PASSWORD.toCharArray());
            byte[] sig = new dev.orgsign.core.cades.RegistrationSigner().sign(other.getBytes(StandardCharsets.UTF_8), t, t.keys().get(0));
            VerificationReport r = v.verify(other.getBytes(StandardCharsets.UTF_8), sig);
            assertEquals(List.of("freshness"), r.failed());
        }
    }

    @Test
    void withoutTheCrlRevocationIsUnknownAndTheVerdictIsNotVerified() throws Exception {
        TrustMaterial noCrl = TrustMaterial.load(SignedRegistrations.DIR.resolve("trust/root-ca.pem"), List.of());
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        VerificationReport r = new SignatureVerifier(noCrl, SignedRegistrations.REGISTRY).verify(s.payload(), s.signature());
        assertEquals(Verdict.REJECTED, r.verdict());
        assertEquals(CheckResult.NOT_CHECKED, r.check("certificate.revocation").orElseThrow().result());
    }

    @Test
    void freshnessIsJudgedAtReceiptWhenTheCallerSaysWhenItArrived() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        java.time.Instant signed = java.time.Instant.now();
        java.time.Clock monthLater = java.time.Clock.fixed(signed.plus(java.time.Duration.ofDays(30)), java.time.ZoneOffset.UTC);
        SignatureVerifier late = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), monthLater, java.time.Duration.ofDays(7));
        Check now = late.verify(s.payload(), s.signature()).check("freshness").orElseThrow();
        assertEquals(CheckResult.FAILED, now.result(), now.toString());
        SignatureVerifier queued = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), monthLater, java.time.Duration.ofDays(7));
        Check atReceipt = queued.verify(s.payload(), s.signature(), signed.plus(java.time.Duration.ofHours(1)))
                .check("freshness").orElseThrow();
        assertEquals(CheckResult.PASSED, atReceipt.result(), atReceipt.toString());
        SignatureVerifier future = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY,
                RequestIdLedger.inMemory(), monthLater, java.time.Duration.ofDays(7));
        Check claimedFuture = future.verify(s.payload(), s.signature(), signed.plus(java.time.Duration.ofDays(365)))
                .check("freshness").orElseThrow();
        assertEquals(CheckResult.FAILED, claimedFuture.result(), "a receipt time after now counts as now: " + claimedFuture);
    }
}
