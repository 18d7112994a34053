package dev.orgsign.testcerts;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A persona's key with its certificate.
 *
 * @param chain leaf first, then the issuing CA(s), then the root
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
    public Credential {
        chain = List.copyOf(chain);
    }
}
