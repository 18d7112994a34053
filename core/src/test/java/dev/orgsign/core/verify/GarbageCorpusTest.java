package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated corpus of garbage, truncated, padded, bit-flipped and oversized signatures and
 * payloads, in DER, in BER and as base64 text: every one is REJECTED with a failed check that says
 * why, none throws, none verifies; each check says so in Russian and in English, neither mixed with the other.
 */
class GarbageCorpusTest {
    private static final long SEED = 20261123L;

    private record Case(String name, byte[] payload, byte[] signature) {
    }

    private static List<Case> corpus(KeyKind kind) throws Exception {
        Random random = new Random(SEED + kind.ordinal());
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, kind, OrganizationType.LLC, Fixtures.LLC.ogrn(), null);
        byte[] p = s.payload();
        byte[] sig = s.signature();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty signature", p, new byte[0]));
        cases.add(new Case("null signature", p, null));
        cases.add(new Case("empty payload", new byte[0], sig));
        cases.add(new Case("null payload", null, sig));
        cases.add(new Case("oversized signature", p, Arrays.copyOf(sig, 300 * 1024)));
        byte[] bigPayload = new byte[PayloadCodec.MAX_BYTES + 10];
        Arrays.fill(bigPayload, (byte) ' ');
        cases.add(new Case("oversized payload", bigPayload, sig));
        cases.add(new Case("padded signature", p, Arrays.copyOf(sig, sig.length + 7)));
        byte[] junk = Arrays.copyOf(sig, sig.length + 4);
        System.arraycopy(new byte[] {0x30, 0x02, 0x01, 0x00}, 0, junk, sig.length, 4);
        cases.add(new Case("trailing DER after the signature", p, junk));
        cases.add(new Case("payload as signature", p, p));
        cases.add(new Case("signature as payload", sig, sig));
        for (int len : new int[] {1, 2, 3, 10, 100, sig.length / 2, sig.length - 1}) {
            cases.add(new Case("signature truncated to " + len, p, Arrays.copyOf(sig, len)));
        }
        for (int len : new int[] {1, 10, p.length / 2, p.length - 1}) {
            cases.add(new Case("payload truncated to " + len, Arrays.copyOf(p, len), sig));
        }
        for (int i = 0; i < 40; i++) {
            byte[] r = new byte[1 + random.nextInt(4096)];
            random.nextBytes(r);
            if (i % 2 == 0) {
                r[0] = 0x30; // looks like a SEQUENCE
            }
            cases.add(new Case("random signature #" + i, p, r));
            byte[] rp = new byte[1 + random.nextInt(2048)];
            random.nextBytes(rp);
            cases.add(new Case("random payload #" + i, rp, sig));
        }
        // The signer info (sid, algorithms, signed attributes, signature value) is the last part of the DER.
        for (int back = 1; back <= Math.min(300, sig.length); back++) {
            byte[] flipped = sig.clone();
            flipped[sig.length - back] ^= (byte) (1 << random.nextInt(8));
            cases.add(new Case("signer-info bit flip at -" + back, p, flipped));
        }
        for (int i = 0; i < p.length; i += 7) {
            byte[] flipped = p.clone();
            flipped[i] ^= (byte) (1 << random.nextInt(8));
            cases.add(new Case("payload bit flip at " + i, flipped, sig));
        }
        return cases;
    }

    @Test
    void everyGarbageCaseIsRejectedWithAReasonAndNothingEscapes() throws Exception {
        int count = 0;
        for (KeyKind kind : List.of(KeyKind.EC_P256, KeyKind.GOST_256, KeyKind.RSA_2048)) {
            SignatureVerifier verifier = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
            for (Case c : corpus(kind)) {
                VerificationReport r = verifier.verify(c.payload(), c.signature());
                assertEquals(Verdict.REJECTED, r.verdict(), kind + " " + c.name() + ": " + r.checks());
                ReportLanguages.assertOneLanguage(r, kind + " " + c.name());
                assertFalse(r.failed().isEmpty(), kind + " " + c.name() + ": nothing failed: " + r.checks());
                for (String code : r.failed()) {
                    String message = r.check(code).orElseThrow().message();
                    assertTrue(message != null && message.length() > 10 && !message.contains("\tat "), c.name() + ": " + message);
                }
                count++;
            }
        }
        assertTrue(count > 1000, "corpus size " + count);
    }

    @Test
    void berAndTextGarbageTakingTheNormalizingPathIsRejectedToo() throws Exception {
        Random random = new Random(SEED);
        byte[] p = SignedRegistrations.payload(Persona.LLC_HEAD, KeyKind.GOST_256, OrganizationType.LLC, Fixtures.LLC.ogrn());
        byte[] ber = BerAndTextSignaturesTest.bouncyCastleDefault(KeyKind.GOST_256, p, true);
        SignatureVerifier verifier = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
        assertEquals(Verdict.VERIFIED, verifier.verify(p, ber).verdict(), "the corpus starts from a good signature");
        List<Case> cases = new ArrayList<>();
        for (int len = 1; len < ber.length; len += 1 + len / 16) {
            cases.add(new Case("BER truncated to " + len, p, Arrays.copyOf(ber, len)));
        }
        cases.add(new Case("BER padded", p, Arrays.copyOf(ber, ber.length + 3)));
        byte[] twice = Arrays.copyOf(ber, 2 * ber.length);
        System.arraycopy(ber, 0, twice, ber.length, ber.length);
        cases.add(new Case("BER twice", p, twice));
        // What is verified: the content inside, and the signer info with the end-of-contents octets after it (the
        // last bytes). The bundled root is not (the trust anchor is given), as in the DER corpus above.
        int content = BerAndTextSignaturesTest.indexOf(ber, p);
        for (int i = 0; i < p.length; i += 5) {
            byte[] flipped = ber.clone();
            flipped[content + i] ^= (byte) (1 << random.nextInt(8));
            cases.add(new Case("BER content bit flip at " + i, p, flipped));
        }
        for (int back = 1; back <= 300; back++) {
            byte[] flipped = ber.clone();
            flipped[ber.length - back] ^= (byte) (1 << random.nextInt(8));
            cases.add(new Case("BER signer-info bit flip at -" + back, p, flipped));
        }
        String text = java.util.Base64.getMimeEncoder().encodeToString(ber);
        for (int back = 1; back <= 400; back += 3) {
            char[] t = text.toCharArray();
            t[t.length - back] = "ABCxyz019+/=-!".charAt(random.nextInt(14));
            if (!Arrays.equals(t, text.toCharArray())) {
                cases.add(new Case("base64 character changed at -" + back, p, new String(t).getBytes(StandardCharsets.US_ASCII)));
            }
        }
        for (Case c : cases) {
            VerificationReport r = verifier.verify(c.payload(), c.signature());
            assertEquals(Verdict.REJECTED, r.verdict(), c.name() + ": " + r.checks());
            ReportLanguages.assertOneLanguage(r, c.name());
            assertFalse(r.failed().isEmpty(), c.name() + ": nothing failed: " + r.checks());
            for (String code : r.failed()) {
                String message = r.check(code).orElseThrow().message();
                assertTrue(message != null && message.length() > 10 && !message.contains("\tat "), c.name() + ": " + message);
            }
        }
    }

    @Test
    void garbageThroughTheBareCmsVerifierIsRejectedToo() throws Exception {
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(SignedRegistrations.TRUST, java.time.Clock.systemUTC());
        for (Case c : corpus(KeyKind.EC_P256)) {
            VerificationReport r = verifier.verify(c.payload(), c.signature(), null);
            assertEquals(Verdict.REJECTED, r.verdict(), c.name() + ": " + r.checks());
            ReportLanguages.assertOneLanguage(r, c.name());
        }
    }
}
