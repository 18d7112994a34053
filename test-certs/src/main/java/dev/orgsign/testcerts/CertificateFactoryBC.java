package dev.orgsign.testcerts;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveGenParameterSpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Key generation and certificate / CRL issuing for the test PKI, all with BouncyCastle. */
final class CertificateFactoryBC {
    static final Provider BC = new BouncyCastleProvider();
    /** Where the CRL would be fetched from: a reserved name that never resolves (RFC 2606). */
    static final String CRL_URL = "http://crl.orgsign.invalid/fns-ca.crl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateFactoryBC() {
    }

    static KeyPair generate(KeyKind kind) {
        try {
            KeyPairGenerator g;
            switch (kind) {
                case GOST_256 -> {
                    g = KeyPairGenerator.getInstance("ECGOST3410-2012", BC);
                    g.initialize(new ECNamedCurveGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"), RANDOM);
                }
                case GOST_512 -> {
                    g = KeyPairGenerator.getInstance("ECGOST3410-2012", BC);
                    g.initialize(new ECNamedCurveGenParameterSpec("Tc26-Gost-3410-12-512-paramSetA"), RANDOM);
                }
                case EC_P256 -> {
                    g = KeyPairGenerator.getInstance("EC", BC);
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                }
                case RSA_2048 -> {
                    g = KeyPairGenerator.getInstance("RSA", BC);
                    g.initialize(2048, RANDOM);
                }
                default -> throw new IllegalArgumentException(kind.toString());
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + kind + " key", e);
        }
    }

    static X509Certificate caCertificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                         X509Certificate issuerCert, Instant from, Instant to, int pathLength) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                    subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            b.addExtension(QualifiedProfile.SUBJECT_SIGN_TOOL, false, QualifiedProfile.subjectSignTool());
            return sign(b, issuerKeys);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a CA certificate for " + subject, e);
        }
    }

    static X509Certificate personCertificate(PersonData person, PublicKey key, X509Certificate issuerCert,
                                             KeyPair issuerKeys, Instant from, Instant to) {
        return personCertificate(QualifiedProfile.subject(person), key, issuerCert, issuerKeys, from, to);
    }

    static X509Certificate personCertificate(X500Name subject, PublicKey key, X509Certificate issuerCert,
                                             KeyPair issuerKeys, Instant from, Instant to) {
        return personCertificate(subject, key, issuerCert, issuerKeys, from, to, null, CRL_URL);
    }

    /** A person's certificate naming {@code ocspUrl} (AIA, none when null) and {@code crlUrl} (CDP, none when null). */
    static X509Certificate personCertificate(X500Name subject, PublicKey key, X509Certificate issuerCert,
                                             KeyPair issuerKeys, Instant from, Instant to, String ocspUrl, String crlUrl) {
        return personCertificate(subject, key, issuerCert, issuerKeys, from, to, ocspUrl, crlUrl, null);
    }

    /**
     * A person's certificate naming {@code ocspUrl} and {@code caIssuersUrl} (AIA, each left out when null) and
     * {@code crlUrl} (CDP, none when null).
     */
    static X509Certificate personCertificate(X500Name subject, PublicKey key, X509Certificate issuerCert, KeyPair issuerKeys,
                                             Instant from, Instant to, String ocspUrl, String crlUrl, String caIssuersUrl) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerCert, serial(), Date.from(from),
                    Date.from(to), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            b.addExtension(Extension.certificatePolicies, false, QualifiedProfile.policies());
            b.addExtension(QualifiedProfile.SUBJECT_SIGN_TOOL, false, QualifiedProfile.subjectSignTool());
            b.addExtension(QualifiedProfile.ISSUER_SIGN_TOOL, false, QualifiedProfile.issuerSignTool());
            b.addExtension(QualifiedProfile.IDENTIFICATION_KIND, false, QualifiedProfile.identificationKind());
            if (crlUrl != null) {
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            }
            List<AccessDescription> access = new java.util.ArrayList<>();
            if (ocspUrl != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (caIssuersUrl != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
            }
            if (!access.isEmpty()) {
                b.addExtension(Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
            }
            return sign(b, issuerKeys);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    /** A delegated OCSP responder's certificate (RFC 6960 4.2.2.2), with id-kp-OCSPSigning when {@code ocspSigning}. */
    static X509Certificate responderCertificate(X500Name subject, PublicKey key, X509Certificate issuerCert,
                                                KeyPair issuerKeys, Instant from, Instant to, boolean ocspSigning) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerCert, serial(), Date.from(from),
                    Date.from(to), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    ocspSigning ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_clientAuth));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuerCert));
            return sign(b, issuerKeys);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue an OCSP responder certificate for " + subject, e);
        }
    }

    /** A time-stamping authority's certificate: digitalSignature, and id-kp-timeStamping as its one, critical purpose (RFC 3161 2.3). */
    static X509Certificate tsaCertificate(X500Name subject, PublicKey key, X509Certificate issuerCert, KeyPair issuerKeys,
                                          Instant from, Instant to) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerCert, serial(), Date.from(from),
                    Date.from(to), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            return sign(b, issuerKeys);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a TSA certificate for " + subject, e);
        }
    }

    static X509CRL crl(X509Certificate issuerCert, KeyPair issuerKeys, List<X509Certificate> revoked, Instant now) {
        try {
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(issuerCert, Date.from(now.minusSeconds(3600)));
            b.setNextUpdate(Date.from(now.plusSeconds(7 * 24 * 3600L)));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(now.minusSeconds(86_400)), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuerCert));
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
            return new JcaX509CRLConverter().setProvider(BC).getCRL(b.build(signer(issuerKeys)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue the CRL", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder holder = b.build(signer(issuerKeys));
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
    }

    private static ContentSigner signer(KeyPair issuerKeys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(issuerKeys.getPrivate());
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
