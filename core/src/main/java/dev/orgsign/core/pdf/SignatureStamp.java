package dev.orgsign.core.pdf;

import dev.orgsign.core.MoscowTime;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.certificate.QualifiedCertificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The visible mark of an electronic signature on a printed document, as Russian electronic
 * documents show it: "Документ подписан электронной подписью" with the certificate's serial
 * number, its owner and its validity period (dates in Moscow time). {@link PdfLayout#stamp} draws it.
 *
 * @param serial    the certificate's serial number in hexadecimal capitals
 * @param owner     the certificate's owner: the person's full name, else the common name
 * @param notBefore the start of the certificate's validity
 * @param notAfter  the end of the certificate's validity
 */
public record SignatureStamp(String serial, String owner, Instant notBefore, Instant notAfter) {
    private static final Texts T = Texts.of(OrgsignException.class);

    /**
     * The stamp of a certificate.
     *
     * @param certificate the signer's certificate
     * @return its stamp
     */
    public static SignatureStamp of(X509Certificate certificate) {
        return new SignatureStamp(certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), owner(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /**
     * The stamp's lines.
     *
     * @param locale the reader's locale
     * @return the heading first, then certificate, owner and validity
     */
    public List<String> lines(Locale locale) {
        return List.of(T.format(locale, "stamp.heading"), T.format(locale, "stamp.certificate", serial),
                T.format(locale, "stamp.owner", owner),
                T.format(locale, "stamp.validity", MoscowTime.date(notBefore), MoscowTime.date(notAfter)));
    }

    private static String owner(X509Certificate c) {
        try {
            QualifiedCertificate q = QualifiedCertificate.parse(c);
            if (q.surname() != null) {
                return q.holderName().strip();
            }
        } catch (OrgsignException e) {
            // not in the qualified profile: the common name below
        }
        return PadesSigner.commonName(c);
    }
}
