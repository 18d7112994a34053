package dev.orgsign.core.pdf;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.cades.CmsSigner;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Signs any PDF with a key of a {@link SigningToken}: PAdES baseline B — an invisible signature
 * field whose dictionary has SubFilter {@code ETSI.CAdES.detached}, the signing time in M, and a
 * detached CMS over the byte range with the signed attributes content-type, message-digest and
 * signing-certificate-v2 (no signing-time, as PAdES requires). The document is saved
 * incrementally, so earlier revisions and signatures stay intact. Thread-safe.
 */
public final class PadesSigner {
    private static final Texts T = Texts.of(OrgsignException.class);
    /** Larger documents are refused: applications and receipts are a few tens of KB. */
    public static final int MAX_PDF_BYTES = 32 * 1024 * 1024;

    private final Clock clock;

    /** A signer that stamps the system clock's time into the signature dictionary. */
    public PadesSigner() {
        this(Clock.systemUTC());
    }

    /**
     * A signer that stamps {@code clock}'s time into the signature dictionary.
     *
     * @param clock the source of the signing time
     */
    public PadesSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Signs with the key's default algorithm.
     *
     * @param pdf      the PDF to sign (any unencrypted PDF)
     * @param token    the token that holds the key
     * @param key      the key (with its certificate and chain)
     * @param reason   why the document is signed (shown by PDF readers), or null
     * @param location where it is signed (shown by PDF readers), or null
     * @return the signed PDF bytes
     * @throws OrgsignException when the PDF cannot be read or the token refuses to sign
     */
    public byte[] sign(byte[] pdf, SigningToken token, TokenKey key, String reason, String location)
            throws OrgsignException {
        return sign(pdf, token, key, key.defaultSignatureAlgorithm(), reason, location);
    }

    /**
     * Signs with a chosen algorithm.
     *
     * @param pdf      the PDF to sign (any unencrypted PDF)
     * @param token    the token that holds the key
     * @param key      the key (with its certificate and chain)
     * @param algorithm the signature algorithm, matching the key
     * @param reason   why the document is signed (shown by PDF readers), or null
     * @param location where it is signed (shown by PDF readers), or null
     * @return the signed PDF bytes
     * @throws OrgsignException when the PDF cannot be read or the token refuses to sign
     */
    public byte[] sign(byte[] pdf, SigningToken token, TokenKey key, SignatureAlgorithm algorithm, String reason,
                       String location) throws OrgsignException {
        if (pdf == null || pdf.length == 0) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("pdf.empty"));
        }
        if (pdf.length > MAX_PDF_BYTES) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("pdf.tooLarge", pdf.length, MAX_PDF_BYTES));
        }
        X509Certificate cert = key.certificate();
        if (cert == null) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("keys.noCertificatePdf", key.label()));
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("pdf.unreadable"), e);
        }
        try (doc; SignatureOptions options = new SignatureOptions()) {
            if (doc.isEncrypted()) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("pdf.encrypted"));
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(cert));
            if (reason != null && !reason.isBlank()) {
                signature.setReason(reason);
            }
            if (location != null && !location.isBlank()) {
                signature.setLocation(location);
            }
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(clock.millis());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(reserve(key));
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserve(key) + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            external.setSignature(CmsSigner.signDetached(content, token, key, algorithm, null));
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("pdf.signFailed", Text.quoted(e.getMessage())), e);
        }
    }

    /** Room for the CMS: the certificates it carries plus signature value, attributes and structure. */
    private static int reserve(TokenKey key) {
        int certs = 0;
        try {
            for (X509Certificate c : key.chain().isEmpty() ? java.util.List.of(key.certificate()) : key.chain()) {
                certs += c.getEncoded().length;
            }
        } catch (CertificateEncodingException e) {
            certs = 16 * 1024;
        }
        return certs + 4096;
    }

    /** The certificate's common name, else its whole subject name (the signature's /Name, the stamp's owner). */
    static String commonName(X509Certificate cert) {
        try {
            RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            if (cn.length > 0) {
                return IETFUtils.valueToString(cn[0].getFirst().getValue());
            }
        } catch (RuntimeException e) {
            // fall through to the full name
        }
        return cert.getSubjectX500Principal().getName();
    }
}
