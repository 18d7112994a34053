package dev.orgsign.testcerts;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses each persona's certificate back with BouncyCastle and checks the fields its role needs. */
class PersonaCertificateTest {
    private static final TestPki PKI = TestPki.get();

    @ParameterizedTest
    @EnumSource(Persona.class)
    void certificateCarriesTheFieldsOfTheRole(Persona persona) throws Exception {
        for (KeyKind kind : persona.keyKinds()) {
            Credential c = PKI.credential(persona, kind);
            X509CertificateHolder holder = new X509CertificateHolder(c.certificate().getEncoded());
            X500Name subject = holder.getSubject();
            PersonData person = PKI.person(persona);

            assertEquals(person.surname(), value(subject, BCStyle.SURNAME));
            assertEquals(person.givenName(), value(subject, BCStyle.GIVENNAME));
            assertEquals(person.inn(), numeric(subject, QualifiedProfile.INN));
            assertEquals(person.snils(), numeric(subject, QualifiedProfile.SNILS));
            assertTrue(CheckDigits.inn12(numeric(subject, QualifiedProfile.INN)));
            assertTrue(CheckDigits.snils(numeric(subject, QualifiedProfile.SNILS)));

            switch (persona) {
                case LLC_HEAD, LLC_FORMER_HEAD, GOV_HEAD, EXPIRED, REVOKED, UNTRUSTED, WRONG_OGRN -> {
                    assertEquals(person.organization().ogrn(), numeric(subject, QualifiedProfile.OGRN));
                    assertEquals(person.organization().inn(), numeric(subject, QualifiedProfile.INNLE));
                    assertEquals(person.organization().shortName(), value(subject, BCStyle.O));
                    assertEquals(person.title(), value(subject, BCStyle.T));
                    assertTrue(CheckDigits.ogrn(numeric(subject, QualifiedProfile.OGRN)));
                    assertNull(value(subject, QualifiedProfile.OGRNIP));
                }
                case IE -> {
                    assertEquals(Fixtures.IE.ogrn(), numeric(subject, QualifiedProfile.OGRNIP));
                    assertTrue(CheckDigits.ogrnip(numeric(subject, QualifiedProfile.OGRNIP)));
                    assertNull(value(subject, QualifiedProfile.OGRN));
                    assertNull(value(subject, BCStyle.O));
                }
                case LLC_EMPLOYEE -> {
                    assertNull(value(subject, QualifiedProfile.OGRN));
                    assertNull(value(subject, QualifiedProfile.INNLE));
                    assertNull(value(subject, QualifiedProfile.OGRNIP));
                    assertNull(value(subject, BCStyle.O));
                    assertNull(value(subject, BCStyle.T));
                }
                default -> throw new AssertionError(persona);
            }
            if (persona == Persona.WRONG_OGRN) {
                assertEquals(Fixtures.OTHER_LLC.ogrn(), numeric(subject, QualifiedProfile.OGRN));
            }

            assertNotNull(holder.getExtension(QualifiedProfile.SUBJECT_SIGN_TOOL));
            ASN1Sequence issuerTool = ASN1Sequence.getInstance(
                    holder.getExtension(QualifiedProfile.ISSUER_SIGN_TOOL).getParsedValue());
            assertEquals(4, issuerTool.size());
            CertificatePolicies policies = CertificatePolicies.getInstance(
                    holder.getExtension(Extension.certificatePolicies).getParsedValue());
            assertNotNull(policies.getPolicyInformation(QualifiedProfile.POLICY_KC1));
            assertEquals(expectedKeyAlgorithm(kind), keyAlgorithmFamily(c.certificate()), persona + " " + kind);
        }
    }

    private static String expectedKeyAlgorithm(KeyKind kind) {
        return switch (kind) {
            case GOST_256, GOST_512 -> "GOST";
            case EC_P256 -> "EC";
            case RSA_2048 -> "RSA";
        };
    }

    private static String keyAlgorithmFamily(X509Certificate cert) {
        String a = cert.getPublicKey().getAlgorithm().toUpperCase();
        return a.contains("GOST") ? "GOST" : a.startsWith("EC") ? "EC" : a;
    }

    private static String value(X500Name name, ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? null : ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    private static String numeric(X500Name name, ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        assertEquals(1, rdns.length, "exactly one " + oid);
        assertInstanceOf(DERNumericString.class, rdns[0].getFirst().getValue(), oid + " is a NumericString");
        return ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }
}
