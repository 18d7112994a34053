package dev.orgsign.testcerts;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Extracts from the state registers in the FNS XML format (EGRUL for legal entities, EGRIP for
 * entrepreneurs; format version 4.06, element names as the FNS publishes them), agreeing with
 * {@link Fixtures}. Names are written as the register writes them: upper case, and "Е" where a
 * certificate may have "ё".
 */
public final class RegisterFixtures {
    /** The format version the extracts claim. */
    public static final String FORMAT_VERSION = "4.06";
    private static final String EXTRACT_DATE = "2026-11-20";

    private RegisterFixtures() {
    }

    /** An EGRUL extract with one document per organization. */
    public static byte[] egrul(List<OrganizationData> organizations, Charset charset) {
        return write(charset, "ЕГРЮЛ_ОТКР_СВЕД", organizations.size(), w -> {
            for (OrganizationData org : organizations) {
                writeLegalEntity(w, org, Fixtures.registeredHeads(org));
            }
        });
    }

    /**
     * An EGRUL extract with one document per organization and the heads a function gives (for
     * generated registers, e.g. the benchmark's 100,000 organizations).
     */
    public static byte[] egrul(List<OrganizationData> organizations,
                               java.util.function.Function<OrganizationData, List<PersonData>> heads, Charset charset) {
        return write(charset, "ЕГРЮЛ_ОТКР_СВЕД", organizations.size(), w -> {
            for (OrganizationData org : organizations) {
                writeLegalEntity(w, org, heads.apply(org));
            }
        });
    }

    /** An EGRUL extract for one organization. */
    public static byte[] egrul(OrganizationData organization, Charset charset) {
        return egrul(List.of(organization), charset);
    }

    /** An EGRIP extract for the test entrepreneur. */
    public static byte[] egrip(OrganizationData entrepreneur, PersonData person, Charset charset) {
        return write(charset, "ЕГРИП_ОТКР_СВЕД", 1, w -> writeEntrepreneur(w, entrepreneur, person));
    }

    /**
     * Writes the register folder: one EGRUL file per organization and the EGRIP file of the
     * entrepreneur, named {@code egrul-<ogrn>.xml} / {@code egrip-<ogrnip>.xml}.
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, Charset charset) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (OrganizationData org : Fixtures.registeredOrganizations()) {
            Path f = dir.resolve("egrul-" + org.ogrn() + ".xml");
            Files.write(f, egrul(org, charset));
            files.add(f);
        }
        Path ip = dir.resolve("egrip-" + Fixtures.IE.ogrn() + ".xml");
        Files.write(ip, egrip(Fixtures.IE, Fixtures.PETROVA, charset));
        files.add(ip);
        return files;
    }

    /** Upper case with "Ё" folded to "Е", as the register writes names. */
    public static String registerSpelling(String name) {
        return name.toUpperCase(new Locale("ru")).replace('Ё', 'Е');
    }

    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static byte[] write(Charset charset, String kind, int documents, Body body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, charset.name());
            w.writeStartDocument(charset.name(), "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("Файл");
            w.writeAttribute("ИдФайл", "VO_RIGFO_0000_9965_" + EXTRACT_DATE.replace("-", "") + "_" + UUID.randomUUID());
            w.writeAttribute("ВерсФорм", FORMAT_VERSION);
            w.writeAttribute("ТипИнф", kind);
            w.writeAttribute("ВерсПрог", "orgsign-test-certs");
            w.writeAttribute("КолДок", Integer.toString(documents));
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write a register extract", e);
        }
    }

    static void writeLegalEntity(XMLStreamWriter w, OrganizationData org, List<PersonData> heads) throws XMLStreamException {
        w.writeStartElement("Документ");
        w.writeAttribute("ИдДок", UUID.nameUUIDFromBytes(org.ogrn().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toString());
        w.writeStartElement("СвЮЛ");
        w.writeAttribute("ДатаВып", EXTRACT_DATE);
        w.writeAttribute("ОГРН", org.ogrn());
        w.writeAttribute("ДатаОГРН", "2002-08-15");
        w.writeAttribute("ИНН", org.inn());
        w.writeAttribute("КПП", org.kpp());
        w.writeAttribute("СпрОПФ", "ОКОПФ");
        w.writeAttribute("КодОПФ", org.okopfCode());
        w.writeAttribute("ПолнНаимОПФ", org.okopfName());

        w.writeStartElement("СвНаимЮЛ");
        w.writeAttribute("НаимЮЛПолн", org.fullName());
        w.writeEmptyElement("СвНаимЮЛСокр");
        w.writeAttribute("НаимСокр", org.shortName());
        w.writeEndElement();

        w.writeStartElement("СвАдресЮЛ");
        w.writeEmptyElement("СвАдрЮЛФИАС");
        w.writeAttribute("Индекс", org.address().substring(0, 6));
        w.writeAttribute("АдрТекст", org.address());
        w.writeEndElement();

        if (org.terminated()) {
            w.writeStartElement("СвПрекрЮЛ");
            w.writeAttribute("ДатаПрекрЮЛ", "2024-03-01");
            w.writeEmptyElement("СпПрекрЮЛ");
            w.writeAttribute("КодСпПрекрЮЛ", "201");
            w.writeAttribute("НаимСпПрекрЮЛ", "Прекращение деятельности юридического лица в связи с исключением из ЕГРЮЛ"
                    + " на основании п.2 ст.21.1 Федерального закона от 08.08.2001 №129-ФЗ");
            w.writeEmptyElement("СвРегОрг");
            w.writeAttribute("КодНО", "7746");
            w.writeAttribute("НаимНО", "Межрайонная инспекция ФНС № 46 по г. Москве");
            w.writeEndElement();
        }

        int record = 1;
        for (PersonData head : heads) {
            w.writeStartElement("СведДолжнФЛ");
            w.writeEmptyElement("ГРНДатаПерв");
            w.writeAttribute("ГРН", "2" + org.ogrn().substring(1, 12) + record++);
            w.writeAttribute("ДатаЗаписи", "2021-04-12");
            w.writeEmptyElement("СвФЛ");
            w.writeAttribute("Фамилия", registerSpelling(head.surname()));
            w.writeAttribute("Имя", registerSpelling(head.firstName()));
            w.writeAttribute("Отчество", registerSpelling(head.patronymic()));
            w.writeAttribute("ИННФЛ", head.inn());
            w.writeEmptyElement("СвДолжн");
            w.writeAttribute("ВидДолжн", "02");
            w.writeAttribute("НаимВидДолжн", "Руководитель юридического лица");
            w.writeAttribute("НаимДолжн", registerSpelling(head.title()));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    static void writeEntrepreneur(XMLStreamWriter w, OrganizationData ie, PersonData person) throws XMLStreamException {
        w.writeStartElement("Документ");
        w.writeAttribute("ИдДок", UUID.nameUUIDFromBytes(ie.ogrn().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toString());
        w.writeStartElement("СвИП");
        w.writeAttribute("ДатаВып", EXTRACT_DATE);
        w.writeAttribute("ОГРНИП", ie.ogrn());
        w.writeAttribute("ДатаОГРНИП", "2019-05-20");
        w.writeAttribute("ИННФЛ", ie.inn());
        w.writeAttribute("КодВидИП", "1");
        w.writeAttribute("НаимВидИП", "Индивидуальный предприниматель");
        w.writeStartElement("СвФЛ");
        w.writeAttribute("Пол", "2");
        w.writeEmptyElement("ФИОРус");
        w.writeAttribute("Фамилия", registerSpelling(person.surname()));
        w.writeAttribute("Имя", registerSpelling(person.firstName()));
        w.writeAttribute("Отчество", registerSpelling(person.patronymic()));
        w.writeEndElement();
        if (ie.terminated()) {
            w.writeStartElement("СвПрекрИП");
            w.writeAttribute("ДатаПрекрИП", "2024-03-01");
            w.writeEmptyElement("СпПрекр");
            w.writeAttribute("КодСпПрекр", "201");
            w.writeAttribute("НаимСпПрекр", "Прекращение деятельности в связи с принятием решения");
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }
}
