package dev.orgsign.core.verify;

import dev.orgsign.testcerts.RealWorld;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real signature in {@code ../shared/realworld/signatures/} (CryptoPro, ViPNet, an FNS-issued
 * head's CAdES-T, EU DSS's Belgian qualified signature; attached and detached, DER and BER) is
 * read and its signature value verifies; a changed byte of its content fails.
 */
class RealWorldSignaturesTest {
    @Test
    void everyRealSignatureVerifiesAndAChangedContentByteFails() throws Exception {
        List<Path> signatures = RealWorld.signatures();
        assertTrue(signatures.size() >= 7, "the real-world signatures: " + signatures);
        int attached = 0;
        for (Path f : signatures) {
            byte[] sig = Files.readAllBytes(f);
            Path contentFile = RealWorld.contentOf(f);
            CmsEvidence detachedRead = CmsEvidence.read(sig, null, null, CmsEvidence.Rules.DOCUMENT);
            boolean isAttached = detachedRead.problem == null;
            byte[] content = isAttached ? detachedRead.content() : Files.readAllBytes(contentFile);
            CmsEvidence e = isAttached ? detachedRead : CmsEvidence.read(sig, content, null, CmsEvidence.Rules.DOCUMENT);
            assertNull(e.problem, f + ": " + e.problem);
            Check value = e.verifyValue();
            assertEquals(CheckResult.PASSED, value.result(), f + ": " + value);
            if (isAttached) {
                attached++;
                assertTrue(e.attached && e.description("CMS SignedData").toString().startsWith("An attached"), f.toString());
                if (contentFile != null) { // the same text beside it: given as the content, it verifies too
                    assertArrayEquals(Files.readAllBytes(contentFile), content, f.toString());
                }
            }

            byte[] changed = content.clone();
            changed[changed.length / 2] ^= 0x01;
            Check changedValue;
            if (isAttached) {
                byte[] tampered = sig.clone();
                int at = BerAndTextSignaturesTest.indexOf(tampered, content);
                assertTrue(at > 0, f + ": the content lies inside the signature");
                tampered[at + content.length / 2] ^= 0x01;
                changedValue = CmsEvidence.read(tampered, null, null, CmsEvidence.Rules.DOCUMENT).verifyValue();
                assertEquals("The signature carries other content than the file given with it.",
                        CmsEvidence.read(sig, changed, null, CmsEvidence.Rules.DOCUMENT).problem.toString());
            } else {
                changedValue = CmsEvidence.read(sig, changed, null, CmsEvidence.Rules.DOCUMENT).verifyValue();
            }
            assertEquals(CheckResult.FAILED, changedValue.result(), f + ": " + changedValue);
            assertTrue(changedValue.message().contains("differs from what was signed"), changedValue.message());
        }
        assertEquals(4, attached, "four of the real signatures carry their content");
    }

    @Test
    void realBerSignaturesTakeTheNormalizingPathAndSaySo() throws Exception {
        for (String name : List.of("cryptopro-fns-head-attached.p7s", "vipnet-attached.p7s", "vipnet-detached.p7s",
                "selfissued-llc-attached.p7s", "cryptopro-testca-algprotection-attached.p7s")) {
            Path f = RealWorld.file("signatures/ber/" + name);
            byte[] sig = Files.readAllBytes(f);
            assertEquals(0x80, sig[1] & 0xff, name + " is BER with an indefinite length");
            Path content = RealWorld.contentOf(f);
            CmsEvidence e = CmsEvidence.read(sig, name.contains("detached") ? Files.readAllBytes(content) : null, null,
                    CmsEvidence.Rules.DOCUMENT);
            assertTrue(e.description("CMS SignedData").toString().contains("BER-encoded with indefinite lengths"), name);
        }
        // CAdES-BES requires the ESS signing-certificate attribute this one leaves out (it carries algorithm protection).
        byte[] noEss = Files.readAllBytes(RealWorld.file("signatures/ber/cryptopro-testca-algprotection-attached.p7s"));
        CmsEvidence registration = CmsEvidence.read(noEss, CmsEvidence.read(noEss, null, null, CmsEvidence.Rules.DOCUMENT)
                .content(), null, CmsEvidence.Rules.CADES_BES);
        assertTrue(registration.problem.toString().contains("signing-certificate attribute that CAdES-BES requires"), String.valueOf(registration.problem));
        assertTrue(Arrays.equals(Files.readAllBytes(RealWorld.file("signatures/ber/cryptopro-fns-head-attached.content.txt")),
                CmsEvidence.read(Files.readAllBytes(RealWorld.file("signatures/ber/cryptopro-fns-head-attached.p7s")), null,
                        null, CmsEvidence.Rules.DOCUMENT).content()));
    }

    private static DocumentVerifier russianRoots() throws Exception {
        return new DocumentVerifier(TrustMaterial.load(RealWorld.dir().resolve("trust"), List.of()),
                java.time.Clock.systemUTC(), null);
    }

    @Test
    void theDocumentVerifierReadsEveryRealSignatureAndNamesWhatIsMissing() throws Exception {
        DocumentVerifier verifier = russianRoots();
        for (Path f : RealWorld.signatures()) {
            byte[] sig = Files.readAllBytes(f);
            Path content = RealWorld.contentOf(f);
            DocumentVerification d = verifier.verify(content == null ? null : Files.readAllBytes(content), sig);
            VerificationReport r = d.report();
            assertEquals(CheckResult.PASSED, r.check("signature.cms").orElseThrow().result(), f + ": " + r.checks());
            assertEquals(CheckResult.PASSED, r.check("signature.value").orElseThrow().result(), f + ": " + r.checks());
            assertTrue(d.contentSigned(), f.toString());
            for (Check c : r.checks()) {
                assertTrue(c.message().length() > 10 && !c.message().contains("\tat "), f + ": " + c);
            }
            // None of them chains to the ministry's roots with what the signature carries: never a verified by accident.
            assertEquals(Verdict.REJECTED, r.verdict(), f + ": " + r.checks());
        }
    }

    @Test
    void theFnsHeadsCadesTNamesTheCaCertificatesItLacksAndWhereTheyArePublished() throws Exception {
        Path sig = RealWorld.file("signatures/fns-head-gost-cades-t/document.pdf.sig");
        VerificationReport r = russianRoots().verify(Files.readAllBytes(RealWorld.contentOf(sig)), Files.readAllBytes(sig))
                .report();
        String chain = r.check("certificate.chain").orElseThrow().message();
        assertTrue(chain.startsWith("The certificate chain cannot be built: the certificate of 'Федеральная налоговая служба', "
                + "which issued 'ООО \"ЭКСПЕРТ ЦЕНТР\"', is missing; it is published at "
                + "http://pki.tax.gov.ru/crt/ca_fns_russia_2023_01.crt: give it with --ca FILE, or use --online to fetch it."),
                chain);
        Check ts = r.check("signature.timestamp").orElseThrow();
        assertEquals(CheckResult.NOT_CHECKED, ts.result(), ts.toString());
        assertTrue(ts.message().contains("is over this signature and its signature verifies")
                && ts.message().contains("http://tax4.tensor.ru/tensorca-2023_gost2012/certenroll/tensorca-2023_gost2012.crt"),
                ts.message());
        assertEquals(CheckResult.PASSED, r.check("certificate.qualified").orElseThrow().result(), r.checks().toString());

        byte[] changed = Files.readAllBytes(RealWorld.contentOf(sig));
        changed[changed.length / 2] ^= 0x01;
        VerificationReport other = russianRoots().verify(changed, Files.readAllBytes(sig)).report();
        assertEquals(CheckResult.FAILED, other.check("signature.value").orElseThrow().result());
    }
}
