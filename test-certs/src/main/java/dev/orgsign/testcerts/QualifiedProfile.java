package dev.orgsign.testcerts;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * The Russian qualified-certificate profile (FSB order No. 795; OIDs as RFC 9215 names them):
 * the subject name of a persona and the profile's extensions.
 */
final class QualifiedProfile {
    static final ASN1ObjectIdentifier OGRN = new ASN1ObjectIdentifier("1.2.643.100.1");
    static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");
    static final ASN1ObjectIdentifier INNLE = new ASN1ObjectIdentifier("1.2.643.100.4");
    static final ASN1ObjectIdentifier OGRNIP = new ASN1ObjectIdentifier("1.2.643.100.5");
    static final ASN1ObjectIdentifier INN = new ASN1ObjectIdentifier("1.2.643.3.131.1.1");
    static final ASN1ObjectIdentifier SUBJECT_SIGN_TOOL = new ASN1ObjectIdentifier("1.2.643.100.111");
    static final ASN1ObjectIdentifier ISSUER_SIGN_TOOL = new ASN1ObjectIdentifier("1.2.643.100.112");
    static final ASN1ObjectIdentifier IDENTIFICATION_KIND = new ASN1ObjectIdentifier("1.2.643.100.114");
    /** Class KC1 of the FSB certificate policies (1.2.643.100.113.1 … .6 are KC1–KA). */
    static final ASN1ObjectIdentifier POLICY_KC1 = new ASN1ObjectIdentifier("1.2.643.100.113.1");
    static final ASN1ObjectIdentifier POLICY_KC2 = new ASN1ObjectIdentifier("1.2.643.100.113.2");

    private QualifiedProfile() {
    }

    /**
     * The subject of a persona's certificate as the FNS certification centre writes it: a head's
     * certificate names the organization (CN = organization, O, OGRN, INNLE, title), an
     * entrepreneur's carries OGRNIP, an employee's only the person.
     */
    static X500Name subject(PersonData person) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        OrganizationData org = person.organization();
        utf8(b, BCStyle.CN, org != null ? org.shortName() : person.fullName());
        utf8(b, BCStyle.SURNAME, person.surname());
        utf8(b, BCStyle.GIVENNAME, person.givenName());
        if (person.title() != null && org != null) {
            utf8(b, BCStyle.T, person.title());
        }
        if (org != null) {
            utf8(b, BCStyle.O, org.shortName());
        }
        b.addRDN(BCStyle.C, new DERPrintableString("RU"));
        utf8(b, BCStyle.ST, "77 г. Москва");
        utf8(b, BCStyle.L, "Москва");
        b.addRDN(BCStyle.EmailAddress, new DERIA5String(person.email()));
        if (org != null) {
            b.addRDN(OGRN, new DERNumericString(org.ogrn()));
            b.addRDN(INNLE, new DERNumericString(org.inn()));
        }
        if (person.ogrnip() != null) {
            b.addRDN(OGRNIP, new DERNumericString(person.ogrnip()));
        }
        b.addRDN(INN, new DERNumericString(person.inn()));
        b.addRDN(SNILS, new DERNumericString(person.snils()));
        return b.build();
    }

    /** A CA's name. */
    static X500Name caName(String commonName, String ogrn, String innle) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        utf8(b, BCStyle.CN, commonName);
        utf8(b, BCStyle.O, commonName);
        b.addRDN(BCStyle.C, new DERPrintableString("RU"));
        b.addRDN(OGRN, new DERNumericString(ogrn));
        b.addRDN(INNLE, new DERNumericString(innle));
        return b.build();
    }

    private static void utf8(X500NameBuilder b, ASN1ObjectIdentifier oid, String value) {
        b.addRDN(oid, new DERUTF8String(value));
    }

    /** subjectSignTool: the name of the signer's crypto tool (UTF8String). */
    static ASN1Encodable subjectSignTool() {
        return new DERUTF8String("СКЗИ \"Рутокен ЭЦП 2.0\"");
    }

    /** issuerSignTool: the CA's crypto tool, CA software and their conformity certificates. */
    static ASN1Encodable issuerSignTool() {
        return new DERSequence(new ASN1Encodable[] {
            new DERUTF8String("ПАКМ \"КриптоПро HSM\" версии 2.0"),
            new DERUTF8String("ПАК \"Удостоверяющий центр \"КриптоПро УЦ\" версии 2.0\""),
            new DERUTF8String("Сертификат соответствия № СФ/124-3966 от 15.01.2021"),
            new DERUTF8String("Сертификат соответствия № СФ/128-3868 от 23.07.2020"),
        });
    }

    /** identificationKind 0: the holder was identified in person. */
    static ASN1Encodable identificationKind() {
        return new ASN1Integer(0);
    }

    /** Certificate policies KC1 and KC2. */
    static CertificatePolicies policies() {
        return new CertificatePolicies(new PolicyInformation[] {
            new PolicyInformation(POLICY_KC1), new PolicyInformation(POLICY_KC2)
        });
    }
}
