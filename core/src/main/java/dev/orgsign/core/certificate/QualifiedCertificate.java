package dev.orgsign.core.certificate;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.identifier.Identifiers;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A certificate read in the Russian qualified profile (FSB order No. 795; OIDs as RFC 9215 and
 * the order name them). Every identifier is validated with its check digit when read; a
 * malformed value makes the whole certificate unreadable (fail closed) rather than silently
 * dropped.
 */
public final class QualifiedCertificate {
    private static final Texts T = Texts.of(OrgsignException.class);
    static final ASN1ObjectIdentifier OGRN = new ASN1ObjectIdentifier("1.2.643.100.1");
    static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");
    static final ASN1ObjectIdentifier INNLE = new ASN1ObjectIdentifier("1.2.643.100.4");
    static final ASN1ObjectIdentifier OGRNIP = new ASN1ObjectIdentifier("1.2.643.100.5");
    static final ASN1ObjectIdentifier INN = new ASN1ObjectIdentifier("1.2.643.3.131.1.1");
    static final String SUBJECT_SIGN_TOOL = "1.2.643.100.111";
    static final String ISSUER_SIGN_TOOL = "1.2.643.100.112";
    static final String POLICY_PREFIX = "1.2.643.100.113.";
    private static final String[] POLICY_NAMES = {"KC1", "KC2", "KC3", "KB1", "KB2", "KA1"};

    private final X509Certificate certificate;
    private final String surname;
    private final String givenName;
    private final String title;
    private final String organization;
    private final String commonName;
    private final String street;
    private final String locality;
    private final String state;
    private final String email;
    private final String ogrn;
    private final String ogrnip;
    private final String innle;
    private final String inn;
    private final String snils;
    private final String subjectSignTool;
    private final List<String> issuerSignTool;
    private final Set<String> policies;

    private QualifiedCertificate(X509Certificate certificate, X500Name subject) throws OrgsignException {
        this.certificate = certificate;
        surname = text(subject, BCStyle.SURNAME);
        givenName = text(subject, BCStyle.GIVENNAME);
        title = text(subject, BCStyle.T);
        organization = text(subject, BCStyle.O);
        commonName = text(subject, BCStyle.CN);
        street = text(subject, BCStyle.STREET);
        locality = text(subject, BCStyle.L);
        state = text(subject, BCStyle.ST);
        email = text(subject, BCStyle.EmailAddress);
        String rawOgrn = text(subject, OGRN);
        String rawOgrnip = text(subject, OGRNIP);
        String rawInnle = text(subject, INNLE);
        String rawInn = text(subject, INN);
        String rawSnils = text(subject, SNILS);
        ogrn = rawOgrn == null ? null : Identifiers.ogrn("certificate.OGRN", rawOgrn);
        ogrnip = rawOgrnip == null ? null : Identifiers.ogrnip("certificate.OGRNIP", rawOgrnip);
        snils = rawSnils == null ? null : Identifiers.snils("certificate.SNILS", rawSnils);
        if (rawInn != null && rawInn.strip().length() == 12 && rawInn.strip().startsWith("00")) {
            // Before 2021 a legal entity's 10-digit INN stood in the INN attribute with a "00" prefix.
            String legal = Identifiers.innLegalEntity("certificate.INN00", rawInn.strip().substring(2));
            innle = rawInnle == null ? legal : Identifiers.innLegalEntity("certificate.INNLE", rawInnle);
            inn = null;
        } else {
            innle = rawInnle == null ? null : Identifiers.innLegalEntity("certificate.INNLE", rawInnle);
            inn = rawInn == null ? null : Identifiers.innPerson("certificate.INN", rawInn);
        }
        subjectSignTool = extensionString(certificate, SUBJECT_SIGN_TOOL);
        issuerSignTool = extensionStrings(certificate, ISSUER_SIGN_TOOL);
        policies = policies(certificate);
    }

    /**
     * Reads a certificate.
     *
     * @param certificate an X.509 certificate
     * @return the certificate's fields
     * @throws OrgsignException INVALID_CERTIFICATE when a field is malformed (a wrong check digit,
     *                          a value that is not text, a duplicated attribute)
     */
    public static QualifiedCertificate parse(X509Certificate certificate) throws OrgsignException {
        X500Name subject;
        try {
            subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, T.text("certificate.subjectUnreadable"), e);
        }
        try {
            return new QualifiedCertificate(certificate, subject);
        } catch (OrgsignException e) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, T.text("certificate.malformed",
                    displayName(subject), e.text()), e);
        }
    }

    private static Text displayName(X500Name subject) {
        try {
            String cn = text(subject, BCStyle.CN);
            return cn == null ? T.text("certificate.unnamedHolder") : T.text("certificate.namedHolder", cn);
        } catch (OrgsignException e) {
            return T.text("certificate.unnamedHolder");
        }
    }

    private static String text(X500Name name, ASN1ObjectIdentifier oid) throws OrgsignException {
        RDN[] rdns = name.getRDNs(oid);
        if (rdns.length == 0) {
            return null;
        }
        if (rdns.length > 1) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, T.text("certificate.attributeTwice",
                    BCStyle.INSTANCE.oidToDisplayName(oid), oid));
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        if (!(v instanceof ASN1String s)) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, T.text("certificate.attributeNotText", oid));
        }
        String value = s.getString().strip();
        return value.isEmpty() ? null : value;
    }

    private static String extensionString(X509Certificate c, String oid) {
        byte[] ext = c.getExtensionValue(oid);
        if (ext == null) {
            return null;
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            return p instanceof ASN1String s ? s.getString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> extensionStrings(X509Certificate c, String oid) {
        byte[] ext = c.getExtensionValue(oid);
        List<String> out = new ArrayList<>();
        if (ext == null) {
            return out;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            for (ASN1Encodable e : seq) {
                if (e instanceof ASN1String s) {
                    out.add(s.getString());
                }
            }
        } catch (Exception e) {
            out.clear();
        }
        return List.copyOf(out);
    }

    private static Set<String> policies(X509Certificate c) {
        Set<String> out = new TreeSet<>();
        byte[] ext = c.getExtensionValue("2.5.29.32");
        if (ext == null) {
            return out;
        }
        try {
            CertificatePolicies cp = CertificatePolicies.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            for (PolicyInformation pi : cp.getPolicyInformation()) {
                String id = pi.getPolicyIdentifier().getId();
                if (id.startsWith(POLICY_PREFIX)) {
                    int n = Integer.parseInt(id.substring(POLICY_PREFIX.length()));
                    if (n >= 1 && n <= POLICY_NAMES.length) {
                        out.add(POLICY_NAMES[n - 1]);
                    }
                }
            }
        } catch (RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** {@return whom the certificate was issued to} */
    public HolderKind holderKind() {
        if (ogrnip != null) {
            return HolderKind.ENTREPRENEUR;
        }
        if (ogrn != null) {
            return HolderKind.HEAD_OF_LEGAL_ENTITY;
        }
        return HolderKind.NATURAL_PERSON;
    }

    /**
     * Whether the markers of a qualified certificate are present: the holder's INN and SNILS (or
     * the organization's identifiers), the subject and issuer crypto-tool extensions, and one of
     * the FSB certificate classes KC1–KA1.
     *
     * @return whether all the markers are present
     */
    public boolean hasQualifiedMarkers() {
        boolean person = surname != null && givenName != null && (inn != null || innle != null) && snils != null;
        return person && subjectSignTool != null && issuerSignTool.size() == 4 && !policies.isEmpty();
    }

    /** {@return the holder's first name: the first word of givenName} */
    public String firstName() {
        return givenName == null ? null : givenName.split("\\s+", 2)[0];
    }

    /** {@return the holder's patronymic: what follows the first word of givenName, or ""} */
    public String patronymic() {
        if (givenName == null) {
            return null;
        }
        String[] parts = givenName.split("\\s+", 2);
        return parts.length > 1 ? parts[1] : "";
    }

    /** {@return the certificate itself} */
    public X509Certificate certificate() { return certificate; }
    /** {@return the holder's surname (2.5.4.4), or null} */
    public String surname() { return surname; }
    /** {@return the holder's first name and patronymic (givenName, 2.5.4.42), or null} */
    public String givenName() { return givenName; }
    /** {@return the holder's position in the organization (title, 2.5.4.12), or null} */
    public String title() { return title; }
    /** {@return the organization's name (organizationName), or null} */
    public String organization() { return organization; }
    /** {@return the commonName, or null} */
    public String commonName() { return commonName; }
    /** {@return the street address, or null} */
    public String street() { return street; }
    /** {@return the locality (town), or null} */
    public String locality() { return locality; }
    /** {@return the region (stateOrProvinceName), or null} */
    public String state() { return state; }
    /** {@return the e-mail address, or null} */
    public String email() { return email; }
    /** {@return the organization's OGRN, or null} */
    public String ogrn() { return ogrn; }
    /** {@return the entrepreneur's OGRNIP, or null} */
    public String ogrnip() { return ogrnip; }
    /** {@return the organization's 10-digit INN (INNLE, or the older 00-prefixed INN), or null} */
    public String innle() { return innle; }
    /** {@return the holder's personal 12-digit INN, or null} */
    public String inn() { return inn; }
    /** {@return the holder's SNILS (11 digits), or null} */
    public String snils() { return snils; }
    /** {@return the subjectSignTool extension: the holder's crypto tool, or null} */
    public String subjectSignTool() { return subjectSignTool; }
    /** {@return the issuerSignTool extension: the CA's crypto tools and their certificates (four strings), or empty} */
    public List<String> issuerSignTool() { return issuerSignTool; }
    /** {@return the FSB classes the certificate names (KC1 … KA1)} */
    public Set<String> policies() { return Set.copyOf(policies); }

    /** {@return "Surname Given Names"} */
    public String holderName() {
        return (surname == null ? "" : surname) + (givenName == null ? "" : " " + givenName);
    }
}
