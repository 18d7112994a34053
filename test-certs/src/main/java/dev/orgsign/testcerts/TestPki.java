package dev.orgsign.testcerts;

import org.bouncycastle.asn1.x500.X500Name;

import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The test PKI, made fresh in memory with validity relative to now; nothing private is ever
 * committed. An accredited root CA issues the intermediate that stands for the FNS
 * certification centre, which issues the personas' certificates and a CRL; a second root that
 * nobody trusts issues {@link Persona#UNTRUSTED}.
 *
 * <p>The CAs sign with ECDSA P-256 so that chains verify in a stock OpenSSL; the personas hold
 * GOST R 34.10-2012 keys as well as P-256 (and RSA) ones.
 */
public final class TestPki {
    /** The password of every PKCS#12 file the writer produces. */
    public static final String STORE_PASSWORD = "orgsign-test";

    private final KeyPair rootKeys;
    private final X509Certificate rootCa;
    private final KeyPair fnsKeys;
    private final X509Certificate fnsCa;
    private final X509Certificate untrustedRoot;
    private final KeyPair untrustedKeys;
    private Credential tsa;
    private Credential untrustedTsa;
    private final X509CRL crl;
    private final Map<Persona, Map<KeyKind, Credential>> credentials = new EnumMap<>(Persona.class);

    private static final class Holder {
        static final TestPki INSTANCE = create();
    }

    private TestPki(Instant now) {
        rootKeys = CertificateFactoryBC.generate(KeyKind.EC_P256);
        X500Name rootName = QualifiedProfile.caName("Тестовый аккредитованный УЦ orgsign", "1027700000009", "7700000003");
        rootCa = CertificateFactoryBC.caCertificate(rootName, rootKeys, rootName, rootKeys, null,
                now.minus(Duration.ofDays(5 * 365)), now.plus(Duration.ofDays(15 * 365)), 1);
        fnsKeys = CertificateFactoryBC.generate(KeyKind.EC_P256);
        fnsCa = CertificateFactoryBC.caCertificate(
                QualifiedProfile.caName("Тестовый УЦ ФНС России", "1047707030513", "7707329152"),
                fnsKeys, rootName, rootKeys, rootCa,
                now.minus(Duration.ofDays(3 * 365)), now.plus(Duration.ofDays(10 * 365)), 0);
        untrustedKeys = CertificateFactoryBC.generate(KeyKind.EC_P256);
        X500Name untrustedName = QualifiedProfile.caName("Неизвестный УЦ", "1027700000020", "7700000010");
        untrustedRoot = CertificateFactoryBC.caCertificate(untrustedName, untrustedKeys, untrustedName, untrustedKeys,
                null, now.minus(Duration.ofDays(5 * 365)), now.plus(Duration.ofDays(15 * 365)), 1);

        List<X509Certificate> revoked = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            Map<KeyKind, Credential> byKind = new EnumMap<>(KeyKind.class);
            for (KeyKind kind : persona.keyKinds()) {
                KeyPair keys = CertificateFactoryBC.generate(kind);
                Instant from = persona == Persona.EXPIRED ? now.minus(Duration.ofDays(730)) : now.minus(Duration.ofDays(30));
                Instant to = persona == Persona.EXPIRED ? now.minus(Duration.ofDays(365)) : now.plus(Duration.ofDays(365));
                Credential credential;
                if (persona == Persona.UNTRUSTED) {
                    X509Certificate cert = CertificateFactoryBC.personCertificate(Fixtures.person(persona),
                            keys.getPublic(), untrustedRoot, untrustedKeys, from, to);
                    credential = new Credential(keys.getPrivate(), cert, List.of(cert, untrustedRoot));
                } else {
                    X509Certificate cert = CertificateFactoryBC.personCertificate(Fixtures.person(persona),
                            keys.getPublic(), fnsCa, fnsKeys, from, to);
                    credential = new Credential(keys.getPrivate(), cert, List.of(cert, fnsCa, rootCa));
                    if (persona == Persona.REVOKED) {
                        revoked.add(cert);
                    }
                }
                byKind.put(kind, credential);
            }
            credentials.put(persona, byKind);
        }
        crl = CertificateFactoryBC.crl(fnsCa, fnsKeys, revoked, now);
    }

    /** The test PKI of this JVM, made on first use. */
    public static TestPki get() {
        return Holder.INSTANCE;
    }

    /** A new test PKI with new keys, valid relative to now. */
    public static TestPki create() {
        return new TestPki(Instant.now());
    }

    /** A persona's key of the given kind with its certificate and chain. */
    public Credential credential(Persona persona, KeyKind kind) {
        Credential c = credentials.get(persona).get(kind);
        if (c == null) {
            throw new IllegalArgumentException(persona.slug() + " has no " + kind.slug() + " key; it has " + persona.keyKinds());
        }
        return c;
    }

    /** The person a persona's certificate names. */
    public PersonData person(Persona persona) {
        return Fixtures.person(persona);
    }

    /** The accredited root CA: the one trust anchor. */
    public X509Certificate rootCa() {
        return rootCa;
    }

    /** The intermediate standing for the FNS certification centre. */
    public X509Certificate fnsCa() {
        return fnsCa;
    }

    /** A root nobody trusts; it issued {@link Persona#UNTRUSTED}. */
    public X509Certificate untrustedRoot() {
        return untrustedRoot;
    }

    /** The FNS CA's CRL, listing {@link Persona#REVOKED}'s certificates. */
    public X509CRL crl() {
        return crl;
    }

    /** The certificates a verifier should trust: the accredited root only. */
    public List<X509Certificate> trustAnchors() {
        return List.of(rootCa);
    }

    /** Issues, from the FNS CA, a qualified-profile certificate for any person (e.g. a terminated organization's head). */
    public Credential issue(PersonData person, KeyKind kind) {
        return issue(QualifiedProfile.subject(person), kind);
    }

    /** Issues, from the FNS CA, a certificate for a subject a test builds itself (e.g. with a malformed attribute). */
    public Credential issue(X500Name subject, KeyKind kind) {
        KeyPair keys = CertificateFactoryBC.generate(kind);
        Instant now = Instant.now();
        X509Certificate cert = CertificateFactoryBC.personCertificate(subject, keys.getPublic(), fnsCa, fnsKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        return new Credential(keys.getPrivate(), cert, List.of(cert, fnsCa, rootCa));
    }

    /**
     * Issues, from the FNS CA, a qualified-profile certificate that names an OCSP responder
     * (Authority Information Access) and a CRL distribution point, e.g. test servers' URLs.
     *
     * @param ocspUrl the responder's URL, or null for no AIA
     * @param crlUrl  the CRL's URL, or null for no distribution point
     */
    public Credential issue(PersonData person, KeyKind kind, String ocspUrl, String crlUrl) {
        KeyPair keys = CertificateFactoryBC.generate(kind);
        Instant now = Instant.now();
        X509Certificate cert = CertificateFactoryBC.personCertificate(QualifiedProfile.subject(person), keys.getPublic(),
                fnsCa, fnsKeys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), ocspUrl, crlUrl);
        return new Credential(keys.getPrivate(), cert, List.of(cert, fnsCa, rootCa));
    }

    /**
     * Issues, from the FNS CA, a qualified-profile certificate whose Authority Information Access names
     * where the FNS CA's certificate is published (caIssuers), e.g. a test server's URL; its chain holds the
     * certificate alone, as on a token that holds only the holder's certificate.
     *
     * @param caIssuersUrl the URL of the FNS CA's certificate
     */
    public Credential issueWithIssuerUrl(PersonData person, KeyKind kind, String caIssuersUrl) {
        KeyPair keys = CertificateFactoryBC.generate(kind);
        Instant now = Instant.now();
        X509Certificate cert = CertificateFactoryBC.personCertificate(QualifiedProfile.subject(person), keys.getPublic(),
                fnsCa, fnsKeys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null,
                CertificateFactoryBC.CRL_URL, caIssuersUrl);
        return new Credential(keys.getPrivate(), cert, List.of(cert));
    }

    /**
     * Issues, from the FNS CA, an EC P-256 certificate for a delegated OCSP responder.
     *
     * @param ocspSigning whether it carries id-kp-OCSPSigning (without it, answers it signs must be refused)
     * @param from        start of validity
     * @param to          end of validity
     */
    public Credential ocspResponder(boolean ocspSigning, Instant from, Instant to) {
        KeyPair keys = CertificateFactoryBC.generate(KeyKind.EC_P256);
        X509Certificate cert = CertificateFactoryBC.responderCertificate(
                new X500Name("CN=Test OCSP responder" + (ocspSigning ? "" : " without OCSPSigning") + ",O=orgsign test"),
                keys.getPublic(), fnsCa, fnsKeys, from, to, ocspSigning);
        return new Credential(keys.getPrivate(), cert, List.of(cert, fnsCa, rootCa));
    }

    /**
     * The time-stamping authority of the test PKI (RFC 3161): an EC P-256 key whose certificate the FNS CA
     * issued with id-kp-timeStamping as its one, critical purpose. Made on first use, then the same.
     */
    public synchronized Credential tsa() {
        if (tsa == null) {
            KeyPair keys = CertificateFactoryBC.generate(KeyKind.EC_P256);
            Instant now = Instant.now();
            X509Certificate cert = CertificateFactoryBC.tsaCertificate(new X500Name("CN=Тестовая служба штампов времени,"
                    + "O=orgsign test,C=RU"), keys.getPublic(), fnsCa, fnsKeys, now.minus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(3 * 365)));
            tsa = new Credential(keys.getPrivate(), cert, List.of(cert, fnsCa, rootCa));
        }
        return tsa;
    }

    /** A time-stamping authority whose certificate {@link #untrustedRoot()} issued: its timestamps chain to no trusted root. */
    public synchronized Credential untrustedTsa() {
        if (untrustedTsa == null) {
            KeyPair keys = CertificateFactoryBC.generate(KeyKind.EC_P256);
            Instant now = Instant.now();
            X509Certificate cert = CertificateFactoryBC.tsaCertificate(new X500Name("CN=Unknown TSA,O=orgsign test,C=RU"),
                    keys.getPublic(), untrustedRoot, untrustedKeys, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)));
            untrustedTsa = new Credential(keys.getPrivate(), cert, List.of(cert, untrustedRoot));
        }
        return untrustedTsa;
    }

    /** The subject name the qualified profile gives a person. */
    public static X500Name subjectOf(PersonData person) {
        return QualifiedProfile.subject(person);
    }

    /** The FNS CA's key pair, for tests that issue further certificates or CRLs. */
    public KeyPair fnsCaKeys() {
        return fnsKeys;
    }

    /** The root CA's key pair, for tests that issue further certificates. */
    public KeyPair rootCaKeys() {
        return rootKeys;
    }
}
