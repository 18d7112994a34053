package dev.orgsign.testcerts;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register extracts parse with the JDK's XML parser in both encodings and agree with the personas. */
class RegisterFixturesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251"})
    void extractsParseAndAgreeWithThePersonas(String encoding) throws Exception {
        Charset charset = Charset.forName(encoding);
        List<Path> files = RegisterFixtures.write(dir, charset);
        assertEquals(5, files.size());

        byte[] raw = Files.readAllBytes(dir.resolve("egrul-" + Fixtures.LLC.ogrn() + ".xml"));
        String head = new String(raw, 0, 60, StandardCharsets.US_ASCII);
        assertTrue(head.toLowerCase().contains("encoding=\"" + encoding.toLowerCase() + "\""), head);
        if (!encoding.equals("UTF-8")) {
            assertThrows(java.nio.charset.CharacterCodingException.class,
                    () -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)),
                    "windows-1251 bytes are not UTF-8");
        }

        Document llc = parse(dir.resolve("egrul-" + Fixtures.LLC.ogrn() + ".xml"));
        Element ul = (Element) llc.getElementsByTagName("СвЮЛ").item(0);
        assertEquals(Fixtures.LLC.ogrn(), ul.getAttribute("ОГРН"));
        assertEquals(Fixtures.LLC.inn(), ul.getAttribute("ИНН"));
        assertEquals(Fixtures.LLC.kpp(), ul.getAttribute("КПП"));
        assertEquals("Общества с ограниченной ответственностью", ul.getAttribute("ПолнНаимОПФ"));
        assertEquals(Fixtures.LLC.fullName(),
                ((Element) ul.getElementsByTagName("СвНаимЮЛ").item(0)).getAttribute("НаимЮЛПолн"));
        NodeList heads = ul.getElementsByTagName("СведДолжнФЛ");
        assertEquals(2, heads.getLength());
        Element fedorov = (Element) ((Element) heads.item(0)).getElementsByTagName("СвФЛ").item(0);
        assertEquals("ФЕДОРОВ", fedorov.getAttribute("Фамилия"));
        assertEquals("АЛЕКСЕЙ", fedorov.getAttribute("Имя"));
        assertEquals(Fixtures.FEDOROV.inn(), fedorov.getAttribute("ИННФЛ"));
        assertEquals("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", ((Element) ((Element) heads.item(0))
                .getElementsByTagName("СвДолжн").item(0)).getAttribute("НаимДолжн"));
        assertEquals(0, ul.getElementsByTagName("СвПрекрЮЛ").getLength());

        Document terminated = parse(dir.resolve("egrul-" + Fixtures.TERMINATED_LLC.ogrn() + ".xml"));
        assertEquals(1, terminated.getElementsByTagName("СвПрекрЮЛ").getLength());

        Document gov = parse(dir.resolve("egrul-" + Fixtures.GOV.ogrn() + ".xml"));
        assertEquals("75404", ((Element) gov.getElementsByTagName("СвЮЛ").item(0)).getAttribute("КодОПФ"));

        Document ip = parse(dir.resolve("egrip-" + Fixtures.IE.ogrn() + ".xml"));
        Element svip = (Element) ip.getElementsByTagName("СвИП").item(0);
        assertEquals(Fixtures.IE.ogrn(), svip.getAttribute("ОГРНИП"));
        assertEquals(Fixtures.PETROVA.inn(), svip.getAttribute("ИННФЛ"));
        Element fio = (Element) svip.getElementsByTagName("ФИОРус").item(0);
        assertEquals("ПЕТРОВА", fio.getAttribute("Фамилия"));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }
}
