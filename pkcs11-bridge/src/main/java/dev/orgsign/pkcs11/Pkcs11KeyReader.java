package dev.orgsign.pkcs11;

import dev.orgsign.core.token.KeyAlgorithm;
import dev.orgsign.core.token.KeyPresence;
import dev.orgsign.core.token.TokenKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads certificates and keys from a token and pairs them: a private key and a certificate
 * belong together when they share CKA_ID; where the ids differ, the private key's public-key
 * object (same CKA_ID as the private key) is matched with the certificate's key. Certificates
 * without a private key are listed too, as such.
 */
final class Pkcs11KeyReader {
    static final long CKK_GOSTR3410 = 0x30;
    static final long CKK_GOSTR3410_512 = 0xD4321003L;
    private static final HexFormat HEX = HexFormat.of();

    /** A key as listed, with the private-key handle (0 when the token holds only the certificate). */
    record Entry(TokenKey key, long privateHandle) {
    }

    private record Obj(long handle, byte[] id, String label, Long keyType, byte[] value, byte[] ecParams,
                       byte[] ecPoint, BigInteger modulus) {
        // Identity, as each object is read once per handle: written out because a record's
        // generated equals/hashCode is bootstrapped through invokedynamic (ObjectMethods), which
        // spins method-handle classes at run time and costs a command such as `certs` ~10 ms.
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private Pkcs11KeyReader() {
    }

    /**
     * @param privateHidden whether the token hides its private objects now (it needs a login and
     *                      none was made): a certificate without a private key then says nothing
     *                      about the key, whose presence is {@link KeyPresence#UNKNOWN}
     */
    static List<Entry> read(Session s, boolean privateHidden) throws TokenException {
        List<Obj> certs = find(s, AttributeVector.newX509Certificate(), true);
        List<Obj> privates = find(s, AttributeVector.newPrivateKey(), false);
        List<Obj> publics = find(s, AttributeVector.newPublicKey(), false);
        List<X509Certificate> allCerts = new ArrayList<>();
        Map<Obj, X509Certificate> parsed = new LinkedHashMap<>();
        for (Obj c : certs) {
            X509Certificate x = parse(c.value());
            if (x != null) {
                parsed.put(c, x);
                allCerts.add(x);
            }
        }
        List<Entry> result = new ArrayList<>();
        List<Obj> pairedPrivates = new ArrayList<>();
        for (Map.Entry<Obj, X509Certificate> e : parsed.entrySet()) {
            Obj cert = e.getKey();
            X509Certificate x = e.getValue();
            Obj priv = byId(privates, cert.id());
            if (priv == null) {
                Obj pub = publics.stream().filter(p -> samePublicKey(p, x)).findFirst().orElse(null);
                priv = pub == null ? null : byId(privates, pub.id());
            }
            if (priv == null && x.getBasicConstraints() >= 0) {
                continue; // a CA certificate stored for the chain
            }
            if (priv != null) {
                pairedPrivates.add(priv);
            }
            KeyAlgorithm alg = algorithm(priv, x);
            String id = HEX.formatHex(cert.id() != null && cert.id().length > 0 ? cert.id()
                    : priv != null && priv.id() != null ? priv.id() : new byte[0]);
            KeyPresence presence = priv != null ? KeyPresence.PRESENT : privateHidden ? KeyPresence.UNKNOWN : KeyPresence.ABSENT;
            result.add(new Entry(new TokenKey(id, cert.label() != null ? cert.label() : id, x, chain(x, allCerts), alg,
                    size(alg, x), presence), priv == null ? 0 : priv.handle()));
        }
        for (Obj priv : privates) {
            if (!pairedPrivates.contains(priv)) {
                KeyAlgorithm alg = algorithm(priv, null);
                String id = HEX.formatHex(priv.id() == null ? new byte[0] : priv.id());
                int bits = alg == KeyAlgorithm.RSA && priv.modulus() != null ? priv.modulus().bitLength()
                        : ecBits(priv.ecParams(), alg);
                result.add(new Entry(new TokenKey(id, priv.label() != null ? priv.label() : id, null, List.of(), alg,
                        bits, true), priv.handle()));
            }
        }
        return result;
    }

    private static List<Obj> find(Session s, AttributeVector template, boolean certificate) throws TokenException {
        List<Obj> out = new ArrayList<>();
        for (long h : s.findAllObjectsSingle(template)) {
            AttributeVector a = certificate
                    ? s.getAttrValues(h, PKCS11Constants.CKA_ID, PKCS11Constants.CKA_LABEL, PKCS11Constants.CKA_VALUE)
                    : s.getAttrValues(h, PKCS11Constants.CKA_ID, PKCS11Constants.CKA_LABEL, PKCS11Constants.CKA_KEY_TYPE);
            Long keyType = certificate ? null : a.keyType();
            byte[] ecParams = null;
            byte[] ecPoint = null;
            BigInteger modulus = null;
            if (!certificate && keyType != null) {
                if (keyType == PKCS11Constants.CKK_RSA) {
                    modulus = s.getAttrValues(h, PKCS11Constants.CKA_MODULUS).modulus();
                } else if (keyType == PKCS11Constants.CKK_EC) {
                    AttributeVector ec = s.getAttrValues(h, PKCS11Constants.CKA_EC_PARAMS);
                    ecParams = ec.ecParams();
                    if (template.class_() != null && template.class_() == PKCS11Constants.CKO_PUBLIC_KEY) {
                        ecPoint = s.getAttrValues(h, PKCS11Constants.CKA_EC_POINT).ecPoint();
                    }
                }
            }
            out.add(new Obj(h, a.id(), a.label(), keyType, certificate ? a.value() : null, ecParams, ecPoint, modulus));
        }
        return out;
    }

    private static Obj byId(List<Obj> objs, byte[] id) {
        if (id == null || id.length == 0) {
            return null;
        }
        return objs.stream().filter(o -> java.util.Arrays.equals(o.id(), id)).findFirst().orElse(null);
    }

    private static boolean samePublicKey(Obj pub, X509Certificate cert) {
        if (pub.modulus() != null && cert.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa) {
            return rsa.getModulus().equals(pub.modulus());
        }
        if (pub.ecPoint() != null) {
            byte[] certPoint = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded())
                    .getPublicKeyData().getBytes();
            byte[] p = pub.ecPoint();
            byte[] inner = p.length > 2 && p[0] == 0x04 && (p[1] & 0xff) == p.length - 2 ? java.util.Arrays.copyOfRange(p, 2, p.length)
                    : p.length > 3 && p[0] == 0x04 && (p[1] & 0xff) == 0x81 ? java.util.Arrays.copyOfRange(p, 3, p.length) : p;
            return java.util.Arrays.equals(inner, certPoint);
        }
        return false;
    }

    private static X509Certificate parse(byte[] der) {
        if (der == null) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509", dev.orgsign.core.crypto.Providers.bouncyCastle())
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e2) {
                return null;
            }
        }
    }

    /** The chain from {@code leaf} through the other certificates on the token, by issuer name. */
    private static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (chain.size() < 8 && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate cur = current;
            X509Certificate issuer = all.stream().filter(c -> c.getSubjectX500Principal().equals(cur.getIssuerX500Principal())
                    && !chain.contains(c)).findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static KeyAlgorithm algorithm(Obj priv, X509Certificate cert) {
        if (priv != null && priv.keyType() != null) {
            long t = priv.keyType();
            if (t == PKCS11Constants.CKK_RSA) {
                return KeyAlgorithm.RSA;
            }
            if (t == PKCS11Constants.CKK_EC) {
                return KeyAlgorithm.EC;
            }
            if (t == CKK_GOSTR3410) {
                return KeyAlgorithm.GOST3410_2012_256;
            }
            if (t == CKK_GOSTR3410_512) {
                return KeyAlgorithm.GOST3410_2012_512;
            }
        }
        if (cert != null) {
            String a = cert.getPublicKey().getAlgorithm().toUpperCase(java.util.Locale.ROOT);
            if (a.contains("GOST")) {
                return size(KeyAlgorithm.GOST3410_2012_256, cert) > 256 ? KeyAlgorithm.GOST3410_2012_512 : KeyAlgorithm.GOST3410_2012_256;
            }
            return a.startsWith("RSA") ? KeyAlgorithm.RSA : KeyAlgorithm.EC;
        }
        return KeyAlgorithm.EC;
    }

    private static int size(KeyAlgorithm alg, X509Certificate cert) {
        java.security.PublicKey k = cert.getPublicKey();
        if (k instanceof java.security.interfaces.RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (k instanceof java.security.interfaces.ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        byte[] spki = k.getEncoded();
        return alg == KeyAlgorithm.GOST3410_2012_512 || spki.length > 150 ? 512 : 256;
    }

    private static int ecBits(byte[] ecParams, KeyAlgorithm alg) {
        if (alg == KeyAlgorithm.GOST3410_2012_512) {
            return 512;
        }
        if (alg == KeyAlgorithm.GOST3410_2012_256) {
            return 256;
        }
        try {
            X9ECParameters p = ECNamedCurveTable.getByOID(ASN1ObjectIdentifier.getInstance(ecParams));
            return p == null ? 0 : p.getCurve().getFieldSize();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
