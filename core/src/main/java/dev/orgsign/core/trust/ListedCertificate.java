package dev.orgsign.core.trust;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A CA certificate the list of accredited certification centres gives for one of a centre's keys
 * ({@code Ключ/Сертификаты/ДанныеСертификата/Данные}), with the CRL addresses the list names for that key.
 *
 * @param certificate  the CA certificate
 * @param centre       the centre it belongs to
 * @param crlAddresses {@code АдресаСписковОтзыва/Адрес}: where the key's CRLs are published (http(s) only)
 */
public record ListedCertificate(X509Certificate certificate, AccreditedCentre centre, List<URI> crlAddresses) {
    /**
     * Copies the list.
     *
     * @param certificate  the CA certificate
     * @param centre       its centre
     * @param crlAddresses its CRL addresses
     */
    public ListedCertificate {
        crlAddresses = List.copyOf(crlAddresses);
    }
}
