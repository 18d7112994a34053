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
 * @param privateKey    whether the token holds the private key (unknown before the PIN on tokens
 *                      that hide private keys until then)
 */
public record TokenKey(String id, String label, X509Certificate certificate, List<X509Certificate> chain,
                       KeyAlgorithm keyAlgorithm, int keySizeBits, KeyPresence privateKey) {
    /**
     * Copies the chain.
     *
     * @param id the key's identifier: CKA_ID in lower-case hex for PKCS#11, the alias for a JCA keystore
     * @param label a human label (CKA_LABEL or alias)
     * @param certificate the key's certificate, or {@code null} when the token has none for it
     * @param chain the certificate chain from the key's certificate towards the root, as far as the token or keystore knows it (first element = {@code certificate}); empty when there is no certificate
     * @param keyAlgorithm the key family
     * @param keySizeBits the key size in bits (RSA modulus, EC field size)
     * @param privateKey whether the token holds the private key (unknown before the PIN on tokens that hide private keys until then)
     */
    public TokenKey {
        chain = List.copyOf(chain);
        java.util.Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * A key whose private key is known to be there or not (a keystore, or a token after login).
     *
     * @param id the key's identifier: CKA_ID in lower-case hex for PKCS#11, the alias for a JCA keystore
     * @param label a human label (CKA_LABEL or alias)
     * @param certificate the key's certificate, or {@code null} when the token has none for it
     * @param chain the certificate chain from the key's certificate towards the root (first element = {@code certificate}); empty when there is no certificate
     * @param keyAlgorithm the key family
     * @param keySizeBits the key size in bits (RSA modulus, EC field size)
     * @param hasPrivateKey whether the private key is there
     */
    public TokenKey(String id, String label, X509Certificate certificate, List<X509Certificate> chain,
                    KeyAlgorithm keyAlgorithm, int keySizeBits, boolean hasPrivateKey) {
        this(id, label, certificate, chain, keyAlgorithm, keySizeBits, hasPrivateKey ? KeyPresence.PRESENT : KeyPresence.ABSENT);
    }

    /** {@return whether the private key is known to be there, i.e. whether the key can sign now} */
    public boolean hasPrivateKey() {
        return privateKey == KeyPresence.PRESENT;
    }

    /**
     * The same key with another certificate chain.
     *
     * @param newChain the chain from the key's certificate towards the root
     * @return a copy with {@code newChain}
     */
    public TokenKey withChain(List<X509Certificate> newChain) {
        return new TokenKey(id, label, certificate, newChain, keyAlgorithm, keySizeBits, privateKey);
    }

    /** {@return the default signature algorithm for this key} */
    public SignatureAlgorithm defaultSignatureAlgorithm() {
        return SignatureAlgorithm.defaultFor(keyAlgorithm, keySizeBits);
    }
}
