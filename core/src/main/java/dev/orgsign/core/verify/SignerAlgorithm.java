package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest and signature algorithms a CMS signer info names, resolved against the signer's key:
 * the signature algorithm must be one of the key's family (ECDSA for an EC key, RSA PKCS#1 v1.5
 * or RSASSA-PSS for an RSA key, GOST R 34.10-2012 of the key's size for a GOST key) with the
 * digest the signer info names, so that no other algorithm than the key's own can be slipped in.
 * The names are those of BouncyCastle's CMS name generator, as in BouncyCastle's own CMS
 * verification. Resolutions depend only on the algorithm identifiers and the key's algorithm,
 * so they are made once. Thread-safe.
 */
final class SignerAlgorithm {
    private static final int MAX_ENTRIES = 256;
    private static final Map<ParsedCertificates.Bytes, SignerAlgorithm> CACHE = new ConcurrentHashMap<>();
    private static final DefaultCMSSignatureAlgorithmNameGenerator NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();

    /** The JCA name of the signature algorithm, or null when {@link #problem} says why it is refused. */
    final String signature;
    /** RSASSA-PSS parameters, or null. */
    final PSSParameterSpec pss;
    /** The JCA name of the digest of the content. */
    final String digest;
    /** The provider of that digest: the JDK's for SHA-2 (hardware-accelerated where the CPU has it), else BouncyCastle. */
    final java.security.Provider digestProvider;
    /** Why these algorithms cannot verify a signature by this key (a sentence), or null. */
    final Text problem;
    /** A digest of that algorithm never used itself, cloned for each content (cheaper than the provider look-up), or null. */
    private final MessageDigest prototype;

    private SignerAlgorithm(String signature, PSSParameterSpec pss, String digest, Text problem) {
        this.signature = signature;
        this.pss = pss;
        String jdk = digest == null ? null : switch (digest) {
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> null;
        };
        java.security.Provider provider = Providers.bouncyCastle();
        if (jdk != null) {
            try {
                provider = MessageDigest.getInstance(jdk).getProvider();
                digest = jdk;
            } catch (GeneralSecurityException e) {
                jdk = null; // BouncyCastle's then
            }
        }
        this.digestProvider = provider;
        this.digest = digest;
        this.problem = problem;
        MessageDigest p = null;
        if (digest != null && problem == null) {
            try {
                p = MessageDigest.getInstance(digest, provider);
                p.clone(); // only a digest that can be cloned serves as the prototype
            } catch (GeneralSecurityException | CloneNotSupportedException e) {
                p = null;
            }
        }
        this.prototype = p;
    }

    /**
     * @return a new digest of the content's algorithm
     * @throws GeneralSecurityException when the provider has none
     */
    MessageDigest digester() throws GeneralSecurityException {
        if (prototype != null) {
            try {
                return (MessageDigest) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // checked when the prototype was made
            }
        }
        return MessageDigest.getInstance(digest, digestProvider);
    }

    /**
     * The algorithms of a signer info for a key.
     *
     * @param buf             the CMS bytes
     * @param digestAlgorithm the signer info's digestAlgorithm element
     * @param signatureAlgorithm the signer info's signatureAlgorithm element
     * @param key             the signer's certificate
     */
    static SignerAlgorithm of(byte[] buf, Der.Element digestAlgorithm, Der.Element signatureAlgorithm,
                              ParsedCertificates.Entry key) {
        Last last = key.lastAlgorithm;
        if (last != null && Arrays.equals(buf, digestAlgorithm.start(), digestAlgorithm.end(), last.digest, 0, last.digest.length)
                && Arrays.equals(buf, signatureAlgorithm.start(), signatureAlgorithm.end(), last.signature, 0, last.signature.length)) {
            return last.algorithm; // what this signer used the last time
        }
        byte[] k = new byte[digestAlgorithm.end() - digestAlgorithm.start() + signatureAlgorithm.end()
                - signatureAlgorithm.start() + key.keyAlgorithm.getAlgorithm().getId().length()];
        int n = 0;
        System.arraycopy(buf, digestAlgorithm.start(), k, n, digestAlgorithm.end() - digestAlgorithm.start());
        n += digestAlgorithm.end() - digestAlgorithm.start();
        System.arraycopy(buf, signatureAlgorithm.start(), k, n, signatureAlgorithm.end() - signatureAlgorithm.start());
        n += signatureAlgorithm.end() - signatureAlgorithm.start();
        String keyOid = key.keyAlgorithm.getAlgorithm().getId();
        for (int i = 0; i < keyOid.length(); i++) {
            k[n++] = (byte) keyOid.charAt(i);
        }
        ParsedCertificates.Bytes cacheKey = new ParsedCertificates.Bytes(k, 0, k.length);
        SignerAlgorithm a = CACHE.get(cacheKey);
        if (a == null) {
            a = resolve(digestAlgorithm.bytes(buf), signatureAlgorithm.bytes(buf), key.keyAlgorithm);
            if (CACHE.size() >= MAX_ENTRIES) {
                CACHE.clear();
            }
            CACHE.put(cacheKey, a);
        }
        key.lastAlgorithm = new Last(digestAlgorithm.bytes(buf), signatureAlgorithm.bytes(buf), a);
        return a;
    }

    /** The algorithm identifiers a signer used last and their resolution (kept on the certificate's cache entry). */
    record Last(byte[] digest, byte[] signature, SignerAlgorithm algorithm) {
    }

    private static SignerAlgorithm refused(Text problem) {
        return new SignerAlgorithm(null, null, null, problem);
    }

    private static SignerAlgorithm resolve(byte[] digestDer, byte[] signatureDer, AlgorithmIdentifier key) {
        AlgorithmIdentifier digestAlg;
        AlgorithmIdentifier sigAlg;
        try {
            digestAlg = AlgorithmIdentifier.getInstance(digestDer);
            sigAlg = AlgorithmIdentifier.getInstance(signatureDer);
        } catch (RuntimeException e) {
            return refused(T.text("algorithm.unreadable"));
        }
        String digest = new DefaultAlgorithmNameFinder().getAlgorithmName(digestAlg.getAlgorithm());
        try {
            MessageDigest.getInstance(digest, Providers.bouncyCastle());
        } catch (GeneralSecurityException e) {
            return refused(T.text("algorithm.digestUnsupported", digestAlg.getAlgorithm().getId()));
        }
        ASN1ObjectIdentifier sigOid = sigAlg.getAlgorithm();
        String keyName = new DefaultAlgorithmNameFinder().getAlgorithmName(key.getAlgorithm());
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(sigOid)) {
            return pss(digestAlg, sigAlg, key, digest, keyName);
        }
        String name = NAMES.getSignatureName(digestAlg, sigAlg);
        String expected = NAMES.getSignatureName(digestAlg, key);
        if (!name.equals(expected)) {
            return refused(T.text("algorithm.mismatch", name, digest, keyName, expected));
        }
        try {
            Signature.getInstance(name, Providers.bouncyCastle());
        } catch (GeneralSecurityException e) {
            return refused(T.text("algorithm.unsupported", name));
        }
        return new SignerAlgorithm(name, null, digest, null);
    }

    private static SignerAlgorithm pss(AlgorithmIdentifier digestAlg, AlgorithmIdentifier sigAlg, AlgorithmIdentifier key,
                                       String digest, String keyName) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm())
                && !PKCSObjectIdentifiers.id_RSASSA_PSS.equals(key.getAlgorithm())) {
            return refused(T.text("algorithm.pssKey", keyName));
        }
        try {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(sigAlg.getParameters());
            AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
            AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters());
            if (!p.getHashAlgorithm().getAlgorithm().equals(digestAlg.getAlgorithm())
                    || !PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    || !mgfHash.getAlgorithm().equals(digestAlg.getAlgorithm())
                    || p.getTrailerField().intValue() != 1) {
                return refused(T.text("algorithm.pssParameters", digest));
            }
            java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("PSS",
                    Providers.bouncyCastle());
            params.init(sigAlg.getParameters().toASN1Primitive().getEncoded());
            PSSParameterSpec spec = params.getParameterSpec(PSSParameterSpec.class);
            Signature s = Signature.getInstance("RSASSA-PSS", Providers.bouncyCastle());
            s.setParameter(spec);
            return new SignerAlgorithm("RSASSA-PSS", spec, digest, null);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            return refused(T.text("algorithm.pssError", Sentences.detail(e)));
        }
    }

    /** A signature engine for this algorithm, set up to verify with {@code key}. */
    Signature verifier(java.security.PublicKey key) throws GeneralSecurityException {
        Signature s = Signature.getInstance(signature, Providers.bouncyCastle());
        if (pss != null) {
            s.setParameter(pss);
        }
        s.initVerify(key);
        return s;
    }
}
