package dev.orgsign.core.verify;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificates parsed once, keyed by their exact DER bytes, with the signature verifier for each
 * one's public key (BouncyCastle keeps per-key precomputation on the key object, so reusing it
 * makes each later check of a signature by the same signer cheaper; the check itself is always
 * done). Bounded: when full it starts afresh. Thread-safe.
 */
final class ParsedCertificates {
    private static final int MAX_ENTRIES = 4096;

    /** A parsed certificate and the verifier for its key (null when the key's algorithm is not supported). */
    record Entry(X509Certificate certificate, SignerInformationVerifier verifier) {
    }

    /**
     * Keyed by the parsed ASN.1 certificate: its equality is that of the DER it re-encodes to, which is
     * what the cached {@link X509Certificate} is made from, without re-encoding and hashing ~1 KB per look-up.
     */
    private static final Map<org.bouncycastle.asn1.x509.Certificate, Entry> CACHE = new ConcurrentHashMap<>();

    private record HashKey(X509Certificate certificate, String digest) {
    }

    private static final Map<HashKey, byte[]> HASHES = new ConcurrentHashMap<>();

    private ParsedCertificates() {
    }

    /** The hash of a certificate's DER with a named digest (for the ESS signing-certificate check), computed once. */
    static byte[] hash(X509Certificate cert, String digest) throws java.security.GeneralSecurityException {
        HashKey key = new HashKey(cert, digest);
        byte[] h = HASHES.get(key);
        if (h == null) {
            if (HASHES.size() >= MAX_ENTRIES) {
                HASHES.clear();
            }
            h = java.security.MessageDigest.getInstance(digest, Providers.bouncyCastle()).digest(cert.getEncoded());
            HASHES.put(key, h);
        }
        return h.clone();
    }

    static X509Certificate certificate(X509CertificateHolder holder) throws CertificateException, IOException {
        return entry(holder).certificate();
    }

    /** The parsed certificate of {@code holder} and its key's verifier, made once. */
    static Entry entry(X509CertificateHolder holder) throws CertificateException, IOException {
        org.bouncycastle.asn1.x509.Certificate key = holder.toASN1Structure();
        Entry e = CACHE.get(key);
        if (e != null) {
            return e;
        }
        X509Certificate cert = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle()).getCertificate(holder);
        SignerInformationVerifier verifier;
        try {
            // With the public key, not the certificate: BouncyCastle would otherwise also judge the certificate's
            // validity at signing time, which is certificate.validity's job.
            verifier = SingleVerification.verifier(cert.getPublicKey());
        } catch (OperatorCreationException ex) {
            verifier = null;
        }
        e = new Entry(cert, verifier);
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(key, e);
        return e;
    }
}
