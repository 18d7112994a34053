package dev.orgsign.core.registry;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FnsExtractRegistryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251"})
    void readsTheExtractsInEitherEncoding(String encoding) throws Exception {
        RegisterFixtures.write(dir, Charset.forName(encoding));
        Registry r = FnsExtractRegistry.load(dir);
        assertEquals(5, r.size());
        LegalEntityRecord llc = r.legalEntity(Fixtures.LLC.ogrn()).orElseThrow();
        assertEquals(Fixtures.LLC.inn(), llc.inn());
        assertEquals(Fixtures.LLC.kpp(), llc.kpp());
        assertEquals(Fixtures.LLC.fullName(), llc.fullName());
        assertEquals(Fixtures.LLC.shortName(), llc.shortName());
        assertEquals(LegalForm.LIMITED_LIABILITY_COMPANY, llc.legalForm());
        assertFalse(llc.terminated());
        assertEquals(2, llc.heads().size());
        assertEquals(new AuthorizedPerson("ФЕДОРОВ", "АЛЕКСЕЙ", "ПЕТРОВИЧ", Fixtures.FEDOROV.inn(), "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"),
                llc.heads().get(0));
        assertTrue(r.legalEntity(Fixtures.TERMINATED_LLC.ogrn()).orElseThrow().terminated());
        assertEquals(LegalForm.STATE_OR_MUNICIPAL_BODY, r.legalEntity(Fixtures.GOV.ogrn()).orElseThrow().legalForm());
        EntrepreneurRecord ie = r.entrepreneur(Fixtures.IE.ogrn()).orElseThrow();
        assertEquals("ПЕТРОВА", ie.surname());
        assertEquals(Fixtures.PETROVA.inn(), ie.inn());
        assertTrue(r.legalEntity("1157746123446").isEmpty());
    }

    @Test
    void aSingleFileLoadsToo() throws Exception {
        Path f = Files.write(dir.resolve("one.xml"), RegisterFixtures.egrul(Fixtures.GOV, StandardCharsets.UTF_8));
        assertEquals(1, FnsExtractRegistry.load(f).size());
    }

    @Test
    void truncatedXmlIsAClearError() throws Exception {
        byte[] full = RegisterFixtures.egrul(Fixtures.LLC, Charset.forName("windows-1251"));
        Path f = Files.write(dir.resolve("cut.xml"), Arrays.copyOf(full, full.length / 2));
        OrgsignException e = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(f));
        assertEquals(ErrorCode.INVALID_REGISTRY, e.code());
        assertEquals("The register file " + f + " ends in the middle of the XML (line 2); the file is truncated.", e.getMessage());
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "1027700132195");
        Path f = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Файл [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n"
                + "<Файл><Документ><СвЮЛ ОГРН=\"&x;\" ИНН=\"7701012342\"/></Документ></Файл>");
        OrgsignException e = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(f));
        assertEquals(ErrorCode.INVALID_REGISTRY, e.code());
        assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("entity"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Файл [<!ENTITY a \"ha\">");
        for (int i = 1; i < 10; i++) {
            x.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
            for (int j = 0; j < 10; j++) {
                x.append('&').append((char) ('a' + i - 1)).append(';');
            }
            x.append("\">");
        }
        x.append("]>\n<Файл><Документ><СвЮЛ ОГРН=\"&j;\"/></Документ></Файл>");
        Path f = Files.writeString(dir.resolve("laughs.xml"), x.toString());
        OrgsignException e = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(f));
        assertEquals(ErrorCode.INVALID_REGISTRY, e.code());
    }

    @Test
    void somethingThatIsNotAnExtractIsSaidToBeNone() throws Exception {
        Path f = Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion></project>");
        OrgsignException e = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(f));
        assertTrue(e.getMessage().contains("is not an FNS EGRUL/EGRIP extract"), e.getMessage());
        OrgsignException missing = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(dir.resolve("nope")));
        assertEquals(ErrorCode.IO, missing.code());
    }

    @Test
    void theOpenDataFileAndTheSchemaShapeReadTheSame() throws Exception {
        java.util.List<dev.orgsign.testcerts.RegisterDocument> docs = java.util.List.of(
                RegisterFixtures.document(Fixtures.LLC).status("112", "Юридическим лицом принято решение об изменении места нахождения"),
                RegisterFixtures.document(Fixtures.GOV), dev.orgsign.testcerts.RegisterDocument.legalEntity(Fixtures.OTHER_LLC)
                        .managedBy(Fixtures.LLC));
        Path open = Files.write(dir.resolve("open.xml"), RegisterFixtures.extract(
                dev.orgsign.testcerts.ExtractWriter.Shape.OPEN_DATA, Charset.forName("windows-1251"), docs));
        Path schema = Files.write(dir.resolve("schema.xml"), RegisterFixtures.extract(
                dev.orgsign.testcerts.ExtractWriter.Shape.SCHEMA, StandardCharsets.UTF_8, docs));
        Registry a = FnsExtractRegistry.load(open);
        Registry b = FnsExtractRegistry.load(schema);
        for (String ogrn : java.util.List.of(Fixtures.LLC.ogrn(), Fixtures.GOV.ogrn(), Fixtures.OTHER_LLC.ogrn())) {
            assertEquals(a.legalEntity(ogrn).orElseThrow(), b.legalEntity(ogrn).orElseThrow());
        }
        LegalEntityRecord llc = a.legalEntity(Fixtures.LLC.ogrn()).orElseThrow();
        assertEquals(Fixtures.LLC.shortName(), llc.shortName());
        assertEquals("112", llc.statuses().get(0).code());
        assertEquals(Fixtures.LLC.ogrn(), a.legalEntity(Fixtures.OTHER_LLC.ogrn()).orElseThrow().managers().get(0).ogrn());
    }

    @Test
    void anFnsFileOfAnotherKindIsNamedAndBadBytesPrintNothingButOurSentence() throws Exception {
        Path other = Files.writeString(dir.resolve("nds.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Файл ИдФайл=\"NO_NDS_1\" ТипИнф=\"НДС\"><Документ/></Файл>");
        OrgsignException e = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(other));
        assertTrue(e.getMessage().contains("an FNS file of another kind (ТипИнф=\"НДС\")"), e.getMessage());

        Path bad = Files.write(dir.resolve("bad.xml"), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Файл><Документ>"
                + "<СвЮЛ ОГРН=\"1027700132195\">").getBytes(StandardCharsets.UTF_8));
        Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, '<', '/', 'x', '>'}, java.nio.file.StandardOpenOption.APPEND);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            OrgsignException coding = assertThrows(OrgsignException.class, () -> FnsExtractRegistry.load(bad));
            assertTrue(coding.getMessage().startsWith("The register file " + bad + " contains bytes that are not valid in the "
                    + "encoding its XML declaration names") && coding.getMessage().endsWith("; it may have been saved in another "
                    + "encoding or damaged."), coding.getMessage());
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "the XML parser printed to the terminal");
    }
}
