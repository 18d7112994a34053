package dev.orgsign.core.pdf;

import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.CmsSignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Verifies the signatures of a signed PDF (PAdES, or the older {@code adbe.pkcs7.detached}):
 * that the PDF is readable and signed ({@code pdf.signature}), that the last signature covers the
 * whole file so nothing was added after it ({@code pdf.coverage}), and for every signature the CMS
 * over its byte range, the signer's chain, validity and revocation (the checks of
 * {@link CmsSignatureVerifier}). Never throws for bad input; VERIFIED only when every check
 * passed for every signature. Thread-safe.
 */
public final class PdfSignatureVerifier {
    private static final Texts T = Texts.of(dev.orgsign.core.OrgsignException.class);
    /** Larger files are refused before parsing. */
    public static final int MAX_PDF_BYTES = PadesSigner.MAX_PDF_BYTES;

    private static final Set<String> SUB_FILTERS = Set.of(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(),
            PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());

    private final CmsSignatureVerifier cms;

    /**
     * A verifier trusting {@code trust}'s anchors and using its CRLs.
     *
     * @param trust the trust anchors and offline CRLs
     * @param clock the time against which CRL currency is judged
     */
    public PdfSignatureVerifier(TrustMaterial trust, Clock clock) {
        this(new CmsSignatureVerifier(trust, clock));
    }

    /**
     * A verifier that checks each signature's CMS with {@code cms} (which may fetch CRLs online).
     *
     * @param cms the CMS verifier to use
     */
    public PdfSignatureVerifier(CmsSignatureVerifier cms) {
        this.cms = cms;
    }

    /** The outcome for a whole PDF, with the certificate of the last signer when one could be read. */
    public record Result(VerificationReport report, X509Certificate signer) {
    }

    /**
     * Verifies every signature of {@code pdf}.
     *
     * @param pdf the signed PDF bytes
     * @return the checks {@code pdf.signature}, {@code pdf.coverage} and those of the CMS (of the first
     *         signature that fails, or of the last one when all pass)
     */
    public Result verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return rejected("pdf.signature", T.text("pdfCheck.empty"));
        }
        if (pdf.length > MAX_PDF_BYTES) {
            return rejected("pdf.signature", T.text("pdfCheck.tooLarge", pdf.length, MAX_PDF_BYTES));
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return rejected("pdf.signature", T.text("pdfCheck.none"));
            }
            Result last = null;
            for (int i = 0; i < signatures.size(); i++) {
                PDSignature s = signatures.get(i);
                Result r = verifyOne(s, pdf, i == signatures.size() - 1 || signatures.size() == 1);
                if (r.report().verdict() != Verdict.VERIFIED) {
                    return r;
                }
                last = r;
            }
            return last;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return rejected("pdf.signature", T.text("pdfCheck.unreadable"));
        }
    }

    private Result verifyOne(PDSignature s, byte[] pdf, boolean mustCoverAll) throws IOException {
        String sub = s.getSubFilter();
        if (sub == null || !SUB_FILTERS.contains(sub)) {
            return rejected("pdf.signature", T.text("pdfCheck.subFilter", sub));
        }
        int[] range = s.getByteRange();
        Text rangeProblem = rangeProblem(range, pdf);
        if (rangeProblem != null) {
            return rejected("pdf.signature", rangeProblem);
        }
        Check signature = Check.of("pdf.signature", CheckResult.PASSED, T.text("pdfCheck.signed", sub));
        Check coverage = !mustCoverAll || range[2] + range[3] == pdf.length
                ? Check.of("pdf.coverage", CheckResult.PASSED, T.text("pdfCheck.covered"))
                : Check.of("pdf.coverage", CheckResult.FAILED, T.text("pdfCheck.changed", pdf.length - range[2] - range[3]));
        byte[] contents = withoutPadding(s.getContents(pdf));
        byte[] signed = s.getSignedContent(pdf);
        Instant claimed = s.getSignDate() == null ? null : s.getSignDate().toInstant();
        VerificationReport r = cms.verify(signed, contents, claimed);
        List<Check> all = new ArrayList<>();
        all.add(signature);
        all.add(coverage);
        all.addAll(r.checks());
        boolean ok = all.stream().allMatch(c -> c.result() == CheckResult.PASSED);
        return new Result(new VerificationReport(ok ? Verdict.VERIFIED : Verdict.REJECTED, all, null),
                CmsSignatureVerifier.signerCertificate(contents, signed, claimed));
    }

    /** The byte range must start at 0, leave out exactly the hex string of /Contents and stay inside the file. */
    private static Text rangeProblem(int[] r, byte[] pdf) {
        if (r == null || r.length != 4) {
            return T.text("pdfCheck.noRange");
        }
        long end = (long) r[2] + r[3];
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || end > pdf.length) {
            return T.text("pdfCheck.rangeOutside");
        }
        if (pdf[r[1]] != '<' || pdf[r[2] - 1] != '>') {
            return T.text("pdfCheck.rangeNotValue");
        }
        for (int i = r[1] + 1; i < r[2] - 1; i++) {
            byte b = pdf[i];
            boolean hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!hex) {
                return T.text("pdfCheck.rangeMore");
            }
        }
        return null;
    }

    /** /Contents is zero-padded to its reserved size; the CMS is the DER element at its start. */
    static byte[] withoutPadding(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            return contents;
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7f;
            if (n == 0) {
                return firstElement(contents); // indefinite length (BER)
            }
            if (n > 4 || contents.length < 2 + n) {
                return contents; // absurd: let the CMS parser judge it
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (contents[2 + i] & 0xff);
            }
            header = 2 + n;
        }
        long total = header + length;
        return total <= contents.length ? java.util.Arrays.copyOf(contents, (int) total) : contents;
    }

    private static byte[] firstElement(byte[] contents) {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return in.readObject().getEncoded();
        } catch (IOException | RuntimeException e) {
            return contents;
        }
    }

    private static Result rejected(String code, Text message) {
        List<Check> all = new ArrayList<>();
        all.add(Check.of(code, CheckResult.FAILED, message));
        all.add(Check.of("pdf.coverage", CheckResult.NOT_CHECKED, T.text("check.notChecked")));
        for (String c : CmsSignatureVerifier.CODES) {
            all.add(Check.of(c, CheckResult.NOT_CHECKED, T.text("check.notChecked")));
        }
        return new Result(new VerificationReport(Verdict.REJECTED, all, null), null);
    }
}
