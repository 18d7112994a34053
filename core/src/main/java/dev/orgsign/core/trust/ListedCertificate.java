package dev.orgsign.core.trust;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A CA certificate the list of accredited certification centres gives for one of a centre's keys
 * ({@code Ключ/Сертификаты/ДанныеСертификата/Данные}), with the CRL addresses the list names for that key.
 *
 * <p>The list holds about 1,200 certificates and a verification needs one or two of them, so a listed
 * certificate is read as ASN.1 when the list loads (its names and key identifier, which index it, and
 * the extensions a certificate object refuses when they are malformed) and becomes an
 * {@link X509Certificate} the first time it is asked for. Thread-safe.
 */
public final class ListedCertificate {
    private final byte[] encoded;
    private final byte[] subjectName;
    private final byte[] issuerName;
    private volatile X500Principal subject;
    private final String subjectKeyId;
    private final AccreditedCentre centre;
    private final List<URI> crlAddresses;
    private volatile X509Certificate certificate;
    private volatile boolean unreadable;

    private ListedCertificate(byte[] encoded, Certificate asn1, AccreditedCentre centre, List<URI> crlAddresses) throws IOException {
        this.encoded = encoded;
        this.subjectName = asn1.getSubject().getEncoded();
        this.issuerName = asn1.getIssuer().getEncoded();
        Extensions extensions = asn1.getTBSCertificate().getExtensions();
        this.subjectKeyId = keyId(extensions);
        if (extensions != null) { // what a certificate object refuses to be made from, refused now
            Extension bc = extensions.getExtension(Extension.basicConstraints);
            if (bc != null) {
                BasicConstraints.getInstance(ASN1Primitive.fromByteArray(bc.getExtnValue().getOctets()));
            }
            Extension ku = extensions.getExtension(Extension.keyUsage);
            if (ku != null) {
                ASN1BitString.getInstance(ASN1Primitive.fromByteArray(ku.getExtnValue().getOctets()));
            }
        }
        this.centre = centre;
        this.crlAddresses = List.copyOf(crlAddresses);
    }

    /**
     * A listed certificate from its encoding, read as ASN.1 only.
     *
     * @param encoded      the certificate's DER
     * @param centre       its centre
     * @param crlAddresses its CRL addresses
     * @return the listed certificate, or null when the encoding is not a readable certificate
     */
    static ListedCertificate read(byte[] encoded, AccreditedCentre centre, List<URI> crlAddresses) {
        try {
            return new ListedCertificate(encoded, Certificate.getInstance(encoded), centre, crlAddresses);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@return the CA certificate, made on first use; null in the unlikely case that BouncyCastle refuses what read
     * as a certificate when the list loaded (it is then left out of every lookup)}
     */
    public X509Certificate certificate() {
        X509Certificate c = certificate;
        if (c == null && !unreadable) {
            try {
                c = (X509Certificate) CertificateFactory.getInstance("X.509", Providers.bouncyCastle())
                        .generateCertificate(new ByteArrayInputStream(encoded));
                certificate = c;
            } catch (CertificateException | RuntimeException e) {
                unreadable = true;
            }
        }
        return c;
    }

    /** {@return the centre it belongs to} */
    public AccreditedCentre centre() {
        return centre;
    }

    /** {@return {@code АдресаСписковОтзыва/Адрес}: where the key's CRLs are published (http(s) only)} */
    public List<URI> crlAddresses() {
        return crlAddresses;
    }

    /** {@return the certificate's subject name, or null when Java cannot read it (the certificate is then found only by its key identifier)} */
    public X500Principal subject() {
        X500Principal s = subject;
        if (s == null) {
            try {
                s = new X500Principal(subjectName);
                subject = s;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return s;
    }

    /**
     * {@return whether its subject and issuer names are encoded alike (a root, or a CA's own renewal)}: a name
     * compared as octets, as a root's issuer is a copy of its subject; a root whose two names differ in encoding
     * only would not be taken as a root (not trusted rather than trusted wrongly)
     */
    boolean selfIssued() {
        return java.util.Arrays.equals(subjectName, issuerName);
    }

    /** {@return its subject key identifier, lowercase hex, or null when it has none or a malformed one} */
    String subjectKeyId() {
        return subjectKeyId;
    }

    private static String keyId(Extensions extensions) {
        try {
            SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
            return ski == null ? null : HexFormat.of().formatHex(ski.getKeyIdentifier());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ListedCertificate[" + subject() + ", " + centre.name() + "]";
    }
}
