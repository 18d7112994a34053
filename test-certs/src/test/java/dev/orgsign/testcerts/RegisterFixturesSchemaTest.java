package dev.orgsign.testcerts;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Our register fixtures — the plain ones and every hard case — validate against the FNS's official
 * schemas (in ../shared/realworld/xsd), so that an invented element name cannot pass again; and the
 * schemas refuse the element our earlier fixtures invented ({@code СвПрекрИП}).
 */
class RegisterFixturesSchemaTest {
    static final String EGRUL_XSD = "xsd/VO_RUGF_2_311_26_04_05_01.xsd";
    static final String EGRIP_XSD = "xsd/VO_RIGF_2_311_27_04_04_01.xsd";
    private static final LocalDate TODAY = LocalDate.now();

    static Schema schema(String xsd) throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newSchema(new StreamSource(RealWorld.path(xsd).toFile()));
    }

    static void validate(String xsd, byte[] xml) throws Exception {
        Validator v = schema(xsd).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Every kind of legal-entity document the tests use. */
    static List<RegisterDocument> legalEntities() {
        return List.of(
                RegisterFixtures.document(Fixtures.LLC),
                RegisterFixtures.document(Fixtures.OTHER_LLC).extractDate(TODAY.minusDays(3)).entries(5, TODAY.minusDays(4)),
                RegisterFixtures.document(Fixtures.TERMINATED_LLC),
                RegisterFixtures.document(Fixtures.GOV),
                RegisterDocument.legalEntity(Fixtures.LLC).disqualifiedHead(Fixtures.FEDOROV, TODAY.minusMonths(1),
                        TODAY.plusMonths(11)).status("101", "Находится в стадии ликвидации")
                        .status("112", "Юридическим лицом принято решение об изменении места нахождения"),
                RegisterDocument.legalEntity(Fixtures.LLC).unreliableHead(Fixtures.FEDOROV, "сведения недостоверны "
                        + "(результаты проверки достоверности содержащихся в ЕГРЮЛ сведений о юридическом лице)"),
                RegisterDocument.legalEntity(Fixtures.OTHER_LLC).managedBy(Fixtures.LLC).founder(Fixtures.KUZNETSOV)
                        .founder(Fixtures.FEDOROV));
    }

    @Test
    void everyLegalEntityFixtureValidatesAgainstTheEgrulSchema() throws Exception {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"))) {
            validate(EGRUL_XSD, RegisterFixtures.extract(ExtractWriter.Shape.SCHEMA, cs, legalEntities()));
        }
    }

    @Test
    void theSyntheticRegisterOfTheBenchmarksValidatesToo() throws Exception {
        List<RegisterDocument> sample = new java.util.ArrayList<>();
        new SyntheticRegister(300, 7, TODAY).forEach(sample::add);
        validate(EGRUL_XSD, RegisterFixtures.extract(ExtractWriter.Shape.SCHEMA, Charset.forName("windows-1251"), sample));
    }

    @Test
    void everyEntrepreneurFixtureValidatesAgainstTheEgripSchema() throws Exception {
        OrganizationData ceased = new OrganizationData(Fixtures.IE.kind(), Fixtures.IE.ogrn(), Fixtures.IE.inn(), null,
                Fixtures.IE.fullName(), Fixtures.IE.shortName(), Fixtures.IE.okopfCode(), Fixtures.IE.okopfName(),
                Fixtures.IE.address(), true);
        validate(EGRIP_XSD, RegisterFixtures.extract(ExtractWriter.Shape.SCHEMA, Charset.forName("windows-1251"), List.of(
                RegisterDocument.entrepreneur(Fixtures.IE, Fixtures.PETROVA),
                RegisterDocument.entrepreneur(ceased, Fixtures.PETROVA).extractDate(TODAY))));
    }

    @Test
    void theSchemaRefusesTheElementOurOldFixturesInvented() throws Exception {
        OrganizationData ceased = new OrganizationData(Fixtures.IE.kind(), Fixtures.IE.ogrn(), Fixtures.IE.inn(), null,
                Fixtures.IE.fullName(), Fixtures.IE.shortName(), Fixtures.IE.okopfCode(), Fixtures.IE.okopfName(),
                Fixtures.IE.address(), true);
        String valid = new String(RegisterFixtures.extract(ExtractWriter.Shape.SCHEMA, StandardCharsets.UTF_8,
                List.of(RegisterDocument.entrepreneur(ceased, Fixtures.PETROVA))), StandardCharsets.UTF_8);
        byte[] invented = valid.replace("СвПрекращ", "СвПрекрИП").getBytes(StandardCharsets.UTF_8);
        assertThrows(SAXException.class, () -> validate(EGRIP_XSD, invented));
    }
}
