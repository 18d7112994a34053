package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated corpus of garbage, truncated, padded, bit-flipped and oversized signatures and
 * payloads: every one is REJECTED with a failed check that says why, none throws, none verifies.
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
    void garbageThroughTheBareCmsVerifierIsRejectedToo() throws Exception {
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(SignedRegistrations.TRUST, java.time.Clock.systemUTC());
        for (Case c : corpus(KeyKind.EC_P256)) {
            VerificationReport r = verifier.verify(c.payload(), c.signature(), null);
            assertEquals(Verdict.REJECTED, r.verdict(), c.name() + ": " + r.checks());
        }
    }
}
