package dev.orgsign.core.pdf;

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
    /** Larger files are refused before parsing. */
    public static final int MAX_PDF_BYTES = PadesSigner.MAX_PDF_BYTES;

    private static final Set<String> SUB_FILTERS = Set.of(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(),
            PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());

    private final CmsSignatureVerifier cms;

    /**
     * A verifier trusting {@code trust}'s anchors and using its CRLs.
     *
     * @param trust the trust anchors and CRLs
     * @param clock the clock for CRL freshness
     */
    public PdfSignatureVerifier(TrustMaterial trust, Clock clock) {
        this(new CmsSignatureVerifier(trust, clock));
    }

    /**
     * A verifier that checks each signature's CMS with {@code cms}.
     *
     * @param cms the CMS verifier
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
     * @param pdf the PDF bytes
     * @return the checks {@code pdf.signature}, {@code pdf.coverage} and those of the CMS (of the first
     *         signature that fails, or of the last one when all pass)
     */
    public Result verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return rejected("pdf.signature", "The PDF is empty.");
        }
        if (pdf.length > MAX_PDF_BYTES) {
            return rejected("pdf.signature", "The PDF is " + pdf.length + " bytes; at most " + MAX_PDF_BYTES + " are verified.");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return rejected("pdf.signature", "The PDF carries no signature.");
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
            return rejected("pdf.signature", "The file is not a readable PDF.");
        }
    }

    private Result verifyOne(PDSignature s, byte[] pdf, boolean mustCoverAll) throws IOException {
        String sub = s.getSubFilter();
        if (sub == null || !SUB_FILTERS.contains(sub)) {
            return rejected("pdf.signature", "The PDF signature has SubFilter " + sub
                    + "; only ETSI.CAdES.detached and adbe.pkcs7.detached are verified.");
        }
        int[] range = s.getByteRange();
        String rangeProblem = rangeProblem(range, pdf);
        if (rangeProblem != null) {
            return rejected("pdf.signature", rangeProblem);
        }
        Check signature = new Check("pdf.signature", CheckResult.PASSED, "The PDF carries a " + sub + " signature.");
        Check coverage = !mustCoverAll || range[2] + range[3] == pdf.length
                ? new Check("pdf.coverage", CheckResult.PASSED, "The signature covers the whole document.")
                : new Check("pdf.coverage", CheckResult.FAILED, "The document was changed after it was signed: "
                + (pdf.length - range[2] - range[3]) + " bytes follow the signed part.");
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
    private static String rangeProblem(int[] r, byte[] pdf) {
        if (r == null || r.length != 4) {
            return "The PDF signature has no valid /ByteRange.";
        }
        long end = (long) r[2] + r[3];
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || end > pdf.length) {
            return "The PDF signature's /ByteRange does not describe the file.";
        }
        if (pdf[r[1]] != '<' || pdf[r[2] - 1] != '>') {
            return "The PDF signature's /ByteRange does not leave out exactly the signature value.";
        }
        for (int i = r[1] + 1; i < r[2] - 1; i++) {
            byte b = pdf[i];
            boolean hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!hex) {
                return "The PDF signature's /ByteRange leaves out more than the signature value.";
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

    private static Result rejected(String code, String message) {
        List<Check> all = new ArrayList<>();
        all.add(new Check(code, CheckResult.FAILED, message));
        all.add(new Check("pdf.coverage", CheckResult.NOT_CHECKED, "Not checked: an earlier check failed."));
        for (String c : CmsSignatureVerifier.CODES) {
            all.add(new Check(c, CheckResult.NOT_CHECKED, "Not checked: an earlier check failed."));
        }
        return new Result(new VerificationReport(Verdict.REJECTED, all, null), null);
    }
}
