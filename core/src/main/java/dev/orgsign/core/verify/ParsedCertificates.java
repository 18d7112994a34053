package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificates parsed once, keyed by their exact DER bytes as received, with what verifying a
 * signature by each one needs: the public key object (BouncyCastle keeps per-key precomputation
 * on it, so reusing it makes each later check by the same signer cheaper; the check itself is
 * always done), its issuer name and serial number as encoded (to match a signer identifier),
 * the hashes the ESS signing-certificate attribute compares, and the sentence of a passed
 * signature check. Bounded: when full it starts afresh. Thread-safe.
 */
final class ParsedCertificates {
    private static final int MAX_ENTRIES = 4096;

    /** A span of bytes compared by content; the stored keys own a copy, look-ups use the received array. */
    static final class Bytes {
        private final byte[] buf;
        private final int from;
        private final int to;
        private final int hash;

        Bytes(byte[] buf, int from, int to) {
            this.buf = buf;
            this.from = from;
            this.to = to;
            // The length and the bytes at both ends (for a certificate: its serial number and its signature value);
            // equality compares them all.
            int h = to - from;
            for (int i = from, n = Math.min(to, from + 32); i < n; i++) {
                h = 31 * h + buf[i];
            }
            for (int i = Math.max(from + 32, to - 32); i < to; i++) {
                h = 31 * h + buf[i];
            }
            this.hash = h;
        }

        Bytes copy() {
            return new Bytes(Arrays.copyOfRange(buf, from, to), 0, to - from);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && b.hash == hash && Arrays.equals(buf, from, to, b.buf, b.from, b.to);
        }
    }

    /** A parsed certificate and what verifying its holder's signatures needs. */
    static final class Entry {
        final X509Certificate certificate;
        final PublicKey publicKey;
        final AlgorithmIdentifier keyAlgorithm;
        final byte[] issuer;
        final byte[] serial;
        final byte[] subjectKeyId;
        final Check signaturePassed;
        /** The signer's last digest and signature algorithm identifiers with their resolution, or null. */
        volatile SignerAlgorithm.Last lastAlgorithm;
        private final Map<Bytes, byte[]> hashes = new ConcurrentHashMap<>();

        private Entry(X509Certificate certificate, AlgorithmIdentifier keyAlgorithm, byte[] issuer, byte[] serial) {
            this.certificate = certificate;
            this.publicKey = publicKey(certificate);
            this.keyAlgorithm = keyAlgorithm;
            this.issuer = issuer;
            this.serial = serial;
            byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            this.subjectKeyId = ski == null ? null
                    : ASN1OctetString.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getOctets();
            this.signaturePassed = Check.of("signature.value", CheckResult.PASSED,
                    T.text("signature.verifies", CertificateChecks.displayName(certificate.getSubjectX500Principal())));
        }

        /** The certificate's public key, or null when no provider reads its algorithm (it then signs nothing we accept). */
        private static PublicKey publicKey(X509Certificate certificate) {
            try {
                return certificate.getPublicKey();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** Whether this certificate is the one an IssuerAndSerialNumber names (its issuer and serial contents given). */
        boolean isNamedBy(byte[] buf, Der.Element issuerName, Der.Element serialNumber) {
            if (!Der.contentsEqual(buf, serialNumber, serial)) {
                return false;
            }
            if (Arrays.equals(buf, issuerName.start(), issuerName.end(), issuer, 0, issuer.length)) {
                return true;
            }
            try { // the same name encoded otherwise (another string type or case): compare as X.500 names
                return org.bouncycastle.asn1.x500.X500Name.getInstance(issuerName.bytes(buf))
                        .equals(org.bouncycastle.asn1.x500.X500Name.getInstance(issuer));
            } catch (RuntimeException e) {
                return false;
            }
        }

        /**
         * The hash of the certificate with the digest an ESS attribute names by its DER algorithm
         * identifier ({@code null}: the attribute's default), made once per digest.
         */
        byte[] hash(byte[] buf, Der.Element algorithm, String defaultDigest) throws GeneralSecurityException {
            Bytes key = algorithm == null ? new Bytes(defaultDigest.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    0, defaultDigest.length()) : new Bytes(buf, algorithm.start(), algorithm.end());
            byte[] h = hashes.get(key);
            if (h == null) {
                String name = algorithm == null ? defaultDigest : new org.bouncycastle.operator.DefaultAlgorithmNameFinder()
                        .getAlgorithmName(AlgorithmIdentifier.getInstance(algorithm.bytes(buf)));
                h = MessageDigest.getInstance(name, Providers.bouncyCastle()).digest(certificate.getEncoded());
                if (hashes.size() < 16) {
                    hashes.put(key.copy(), h);
                }
            }
            return h;
        }
    }

    private static final Map<Bytes, Entry> CACHE = new ConcurrentHashMap<>();

    private ParsedCertificates() {
    }

    /**
     * The certificate whose DER is {@code buf[e.start, e.end)}, parsed once.
     *
     * @throws CertificateException when those bytes are not a certificate
     */
    static Entry entry(byte[] buf, Der.Element e) throws CertificateException {
        Bytes key = new Bytes(buf, e.start(), e.end());
        Entry entry = CACHE.get(key);
        if (entry != null) {
            return entry;
        }
        try {
            byte[] der = e.bytes(buf);
            Der tbs = e.open(buf).next(Der.SEQUENCE, "certificate").open(buf);
            if (tbs.peekTag() == 0xa0) {
                tbs.next("certificateVersion");
            }
            Der.Element serial = tbs.next(Der.INTEGER, "certificateSerialNumber");
            tbs.next(Der.SEQUENCE, "certificateSignatureAlgorithm");
            Der.Element issuer = tbs.next(Der.SEQUENCE, "certificateIssuer");
            X509CertificateHolder holder = new X509CertificateHolder(der);
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle())
                    .getCertificate(holder);
            if (!new BigInteger(serial.value(buf)).equals(cert.getSerialNumber())) {
                throw new CertificateException("serial number mismatch");
            }
            entry = new Entry(cert, holder.getSubjectPublicKeyInfo().getAlgorithm(), issuer.bytes(buf), serial.value(buf));
        } catch (Der.Malformed | IOException | RuntimeException ex) {
            throw new CertificateException("The signature carries a certificate that cannot be read.", ex);
        }
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(key.copy(), entry);
        return entry;
    }
}
