package dev.orgsign.core.token;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One key a {@link SigningToken} holds, as the user chooses it.
 *
 * @param id            the key's identifier: CKA_ID in lower-case hex for PKCS#11, the alias for
 *                      a JCA keystore
 * @param label         a human label (CKA_LABEL or alias)
 * @param certificate   the key's certificate, or {@code null} when the token has none for it
 * @param chain         the certificate chain from the key's certificate towards the root, as far
 *                      as the token or keystore knows it (first element = {@code certificate});
 *                      empty when there is no certificate
 * @param keyAlgorithm  the key family
 * @param keySizeBits   the key size in bits (RSA modulus, EC field size)
 * @param hasPrivateKey whether the token holds the private key, i.e. whether it can sign
 */
public record TokenKey(String id, String label, X509Certificate certificate, List<X509Certificate> chain,
                       KeyAlgorithm keyAlgorithm, int keySizeBits, boolean hasPrivateKey) {
    /**
     * Copies the chain.
     *
     * @param id the key's identifier: CKA_ID in lower-case hex for PKCS#11, the alias for a JCA keystore
     * @param label a human label (CKA_LABEL or alias)
     * @param certificate the key's certificate, or {@code null} when the token has none for it
     * @param chain the certificate chain from the key's certificate towards the root, as far as the token or keystore knows it (first element = {@code certificate}); empty when there is no certificate
     * @param keyAlgorithm the key family
     * @param keySizeBits the key size in bits (RSA modulus, EC field size)
     * @param hasPrivateKey whether the token holds the private key, i.e. whether it can sign
     */
    public TokenKey {
        chain = List.copyOf(chain);
    }

    /** {@return the default signature algorithm for this key} */
    public SignatureAlgorithm defaultSignatureAlgorithm() {
        return SignatureAlgorithm.defaultFor(keyAlgorithm, keySizeBits);
    }
}
