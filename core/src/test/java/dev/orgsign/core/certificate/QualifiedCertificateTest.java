package dev.orgsign.core.certificate;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualifiedCertificateTest {
    private static final TestPki PKI = TestPki.get();

    @ParameterizedTest
    @EnumSource(Persona.class)
    void everyPersonaReadsInTheProfile(Persona persona) throws Exception {
        for (KeyKind kind : persona.keyKinds()) {
            QualifiedCertificate q = QualifiedCertificate.parse(PKI.credential(persona, kind).certificate());
            var person = PKI.person(persona);
            assertEquals(person.surname(), q.surname());
            assertEquals(person.firstName(), q.firstName());
            assertEquals(person.patronymic(), q.patronymic());
            assertEquals(person.inn(), q.inn());
            assertEquals(person.snils(), q.snils());
            assertEquals(person.email(), q.email());
            assertTrue(q.hasQualifiedMarkers(), persona + " has the qualified markers");
            assertTrue(q.policies().contains("KC1"));
            assertEquals(4, q.issuerSignTool().size());
            HolderKind expected = switch (persona) {
                case IE -> HolderKind.ENTREPRENEUR;
                case LLC_EMPLOYEE -> HolderKind.NATURAL_PERSON;
                default -> HolderKind.HEAD_OF_LEGAL_ENTITY;
            };
            assertEquals(expected, q.holderKind());
            if (expected == HolderKind.HEAD_OF_LEGAL_ENTITY) {
                assertEquals(person.organization().ogrn(), q.ogrn());
                assertEquals(person.organization().inn(), q.innle());
                assertEquals(person.title(), q.title());
            } else {
                assertNull(q.ogrn());
                assertNull(q.innle());
            }
        }
    }

    @Test
    void theOlderZeroZeroPrefixedInnIsTheOrganizationsInn() throws Exception {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.CN, new DERUTF8String("ООО \"РОМАШКА\""));
        b.addRDN(BCStyle.SURNAME, new DERUTF8String("Фёдоров"));
        b.addRDN(BCStyle.GIVENNAME, new DERUTF8String("Алексей Петрович"));
        b.addRDN(new ASN1ObjectIdentifier("1.2.643.100.1"), new DERNumericString(Fixtures.LLC.ogrn()));
        b.addRDN(new ASN1ObjectIdentifier("1.2.643.3.131.1.1"), new DERNumericString("00" + Fixtures.LLC.inn()));
        QualifiedCertificate q = QualifiedCertificate.parse(PKI.issue(b.build(), KeyKind.EC_P256).certificate());
        assertEquals(Fixtures.LLC.inn(), q.innle());
        assertNull(q.inn(), "no personal INN in the older form");
        assertEquals(HolderKind.HEAD_OF_LEGAL_ENTITY, q.holderKind());
    }

    @Test
    void malformedAttributeValuesMakeTheCertificateUnreadable() {
        X500NameBuilder badOgrn = base();
        badOgrn.addRDN(new ASN1ObjectIdentifier("1.2.643.100.1"), new DERNumericString("1027700132196"));
        OrgsignException e1 = assertThrows(OrgsignException.class,
                () -> QualifiedCertificate.parse(PKI.issue(badOgrn.build(), KeyKind.EC_P256).certificate()));
        assertEquals(ErrorCode.INVALID_CERTIFICATE, e1.code());
        assertTrue(e1.getMessage().contains("certificate's OGRN '1027700132196' is mistyped"), e1.getMessage());

        X500NameBuilder binaryInn = base();
        binaryInn.addRDN(new ASN1ObjectIdentifier("1.2.643.3.131.1.1"), new DEROctetString(new byte[] {1, 2, 3}));
        OrgsignException e2 = assertThrows(OrgsignException.class,
                () -> QualifiedCertificate.parse(PKI.issue(binaryInn.build(), KeyKind.EC_P256).certificate()));
        assertTrue(e2.getMessage().contains("is not text"), e2.getMessage());

        X500NameBuilder twoOgrns = base();
        twoOgrns.addRDN(new ASN1ObjectIdentifier("1.2.643.100.1"), new DERNumericString(Fixtures.LLC.ogrn()));
        twoOgrns.addRDN(new ASN1ObjectIdentifier("1.2.643.100.1"), new DERNumericString(Fixtures.OTHER_LLC.ogrn()));
        OrgsignException e3 = assertThrows(OrgsignException.class,
                () -> QualifiedCertificate.parse(PKI.issue(twoOgrns.build(), KeyKind.EC_P256).certificate()));
        assertTrue(e3.getMessage().contains("appears more than once"), e3.getMessage());

        X500NameBuilder shortSnils = base();
        shortSnils.addRDN(new ASN1ObjectIdentifier("1.2.643.100.3"), new DERUTF8String("1122334459"));
        assertThrows(OrgsignException.class,
                () -> QualifiedCertificate.parse(PKI.issue(shortSnils.build(), KeyKind.EC_P256).certificate()));
    }

    private static X500NameBuilder base() {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.CN, new DERUTF8String("Тест"));
        b.addRDN(BCStyle.SURNAME, new DERUTF8String("Фёдоров"));
        return b;
    }
}
