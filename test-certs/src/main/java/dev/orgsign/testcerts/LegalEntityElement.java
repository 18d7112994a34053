package dev.orgsign.testcerts;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.LocalDate;

import static dev.orgsign.testcerts.ExtractWriter.grn;
import static dev.orgsign.testcerts.ExtractWriter.spelling;
import static dev.orgsign.testcerts.ExtractWriter.taxOffice;

/** One {@code СвЮЛ}, its children in the order of VO_RUGF_2_311_26_04_05_01.xsd. */
final class LegalEntityElement {
    private static final LocalDate CREATED = LocalDate.of(2002, 8, 15);

    private LegalEntityElement() {
    }

    /**
     * @param openData the short name as the open-data files write it ({@code СвНаимЮЛСокр/@НаимСокр}, format 4.06+)
     *                 rather than as the schema 4.05 does ({@code СвНаимЮЛ/@НаимЮЛСокр})
     */
    static void write(XMLStreamWriter w, RegisterDocument d, boolean openData) throws XMLStreamException {
        OrganizationData org = d.organization;
        LocalDate latest = d.latestEntry != null ? d.latestEntry : d.extractDate;
        String first = org.ogrn();
        String last = ExtractWriter.registrationNumber(false, latest, Long.parseLong(org.ogrn().substring(5, 12)) % 9_000_000);
        w.writeStartElement("СвЮЛ");
        w.writeAttribute("ДатаВып", d.extractDate.toString());
        w.writeAttribute("ОГРН", org.ogrn());
        w.writeAttribute("ДатаОГРН", CREATED.toString());
        w.writeAttribute("ИНН", org.inn());
        w.writeAttribute("КПП", org.kpp());
        w.writeAttribute("СпрОПФ", "ОКОПФ");
        w.writeAttribute("КодОПФ", org.okopfCode());
        w.writeAttribute("ПолнНаимОПФ", org.okopfName());

        w.writeStartElement("СвНаимЮЛ");
        w.writeAttribute("НаимЮЛПолн", org.fullName());
        if (org.shortName() != null && !openData) {
            w.writeAttribute("НаимЮЛСокр", org.shortName());
        }
        grn(w, "ГРНДата", "ГРН", first, CREATED);
        if (org.shortName() != null && openData) {
            w.writeStartElement("СвНаимЮЛСокр");
            w.writeAttribute("НаимСокр", org.shortName());
            grn(w, "ГРНДата", "ГРН", first, CREATED);
            w.writeEndElement();
        }
        w.writeEndElement();

        w.writeStartElement("СвАдресЮЛ");
        ExtractWriter.address(w, "АдресРФ", "ГРН", first, CREATED);
        w.writeEndElement();

        w.writeStartElement("СвОбрЮЛ");
        w.writeAttribute("ОГРН", org.ogrn());
        w.writeAttribute("ДатаОГРН", CREATED.toString());
        w.writeEmptyElement("СпОбрЮЛ");
        w.writeAttribute("КодСпОбрЮЛ", "01");
        w.writeAttribute("НаимСпОбрЮЛ", "Создание юридического лица");
        grn(w, "ГРНДата", "ГРН", first, CREATED);
        w.writeEndElement();

        taxOffice(w, "СвРегОрг");
        grn(w, "ГРНДата", "ГРН", first, CREATED);
        w.writeEndElement();

        for (RegisterDocument.Status s : d.statuses) {
            w.writeStartElement("СвСтатус");
            w.writeEmptyElement("СвСтатус");
            w.writeAttribute("КодСтатусЮЛ", s.code());
            w.writeAttribute("НаимСтатусЮЛ", s.name());
            grn(w, "ГРНДата", "ГРН", last, latest);
            w.writeEndElement();
        }

        if (d.terminatedOn != null) {
            w.writeStartElement("СвПрекрЮЛ");
            w.writeAttribute("ДатаПрекрЮЛ", d.terminatedOn.toString());
            w.writeEmptyElement("СпПрекрЮЛ");
            w.writeAttribute("КодСпПрекрЮЛ", d.terminationCode);
            w.writeAttribute("НаимСпПрекрЮЛ", d.terminationName);
            taxOffice(w, "СвРегОрг");
            w.writeEndElement();
            grn(w, "ГРНДата", "ГРН", last, d.terminatedOn);
            w.writeEndElement();
        }

        w.writeStartElement("СвУчетНО");
        w.writeAttribute("ИНН", org.inn());
        w.writeAttribute("КПП", org.kpp());
        w.writeAttribute("ДатаПостУч", CREATED.toString());
        taxOffice(w, "СвНО");
        w.writeEndElement();
        grn(w, "ГРНДата", "ГРН", first, CREATED);
        w.writeEndElement();

        for (RegisterDocument.Manager m : d.managers) {
            manager(w, m, first);
        }
        for (RegisterDocument.Head h : d.heads) {
            head(w, h, first, last);
        }
        if (!d.founders.isEmpty()) {
            w.writeStartElement("СвУчредит");
            for (PersonData f : d.founders) {
                w.writeStartElement("УчрФЛ");
                grn(w, "ГРНДатаПерв", "ГРН", first, CREATED);
                person(w, f, first);
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        Entries.write(w, d, false, first, last, CREATED, latest);
        w.writeEndElement();
    }

    private static void manager(XMLStreamWriter w, RegisterDocument.Manager m, String grn) throws XMLStreamException {
        w.writeStartElement("СвУпрОрг");
        grn(w, "ГРНДатаПерв", "ГРН", grn, CREATED);
        w.writeStartElement("НаимИННЮЛ");
        w.writeAttribute("ОГРН", m.organization().ogrn());
        w.writeAttribute("ИНН", m.organization().inn());
        w.writeAttribute("НаимЮЛПолн", m.organization().fullName());
        grn(w, "ГРНДата", "ГРН", grn, CREATED);
        w.writeEndElement();
        for (String text : m.unreliable()) {
            w.writeStartElement("СвНедДанУпрОрг");
            w.writeAttribute("ПризнНедДанУпрОрг", "2");
            w.writeAttribute("ТекстНедДанУпрОрг", text);
            grn(w, "ГРНДата", "ГРН", grn, CREATED);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** {@code СвФЛ} of the schema's СвФЛЕГРЮЛТип: the name as the register spells it and the INN. */
    private static void person(XMLStreamWriter w, PersonData p, String grn) throws XMLStreamException {
        w.writeStartElement("СвФЛ");
        w.writeAttribute("Фамилия", spelling(p.surname()));
        w.writeAttribute("Имя", spelling(p.firstName()));
        if (p.patronymic() != null) {
            w.writeAttribute("Отчество", spelling(p.patronymic()));
        }
        w.writeAttribute("ИННФЛ", p.inn());
        grn(w, "ГРНДата", "ГРН", grn, CREATED);
        w.writeEndElement();
    }

    private static void head(XMLStreamWriter w, RegisterDocument.Head h, String first, String last) throws XMLStreamException {
        PersonData p = h.person();
        w.writeStartElement("СведДолжнФЛ");
        grn(w, "ГРНДатаПерв", "ГРН", first, CREATED);
        person(w, p, first);
        w.writeStartElement("СвДолжн");
        w.writeAttribute("ВидДолжн", "02");
        w.writeAttribute("НаимВидДолжн", "Руководитель юридического лица");
        w.writeAttribute("НаимДолжн", spelling(h.position() != null ? h.position() : p.title()));
        grn(w, "ГРНДата", "ГРН", first, CREATED);
        w.writeEndElement();
        for (String text : h.unreliable()) {
            w.writeStartElement("СвНедДанДолжнФЛ");
            w.writeAttribute("ПризнНедДанДолжнФЛ", "2");
            w.writeAttribute("ТекстНедДанДолжнФЛ", text);
            grn(w, "ГРНДата", "ГРН", last, CREATED.plusYears(20));
            w.writeEndElement();
        }
        for (LocalDate[] period : h.disqualifications()) {
            w.writeStartElement("СвДискв");
            w.writeAttribute("ДатаНачДискв", period[0].toString());
            w.writeAttribute("ДатаОкончДискв", period[1].toString());
            w.writeAttribute("ДатаРеш", period[0].minusMonths(2).toString());
            grn(w, "ГРНДата", "ГРН", last, period[0].minusMonths(1));
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
