package dev.orgsign.testcerts;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.LocalDate;

import static dev.orgsign.testcerts.ExtractWriter.grn;
import static dev.orgsign.testcerts.ExtractWriter.spelling;
import static dev.orgsign.testcerts.ExtractWriter.taxOffice;

/** One {@code СвИП}, its children in the order of VO_RIGF_2_311_27_04_04_01.xsd. */
final class EntrepreneurElement {
    private static final LocalDate CREATED = LocalDate.of(2019, 5, 20);

    private EntrepreneurElement() {
    }

    static void write(XMLStreamWriter w, RegisterDocument d) throws XMLStreamException {
        OrganizationData ie = d.organization;
        PersonData p = d.entrepreneur;
        LocalDate latest = d.latestEntry != null ? d.latestEntry : d.extractDate;
        String first = ie.ogrn();
        String last = ExtractWriter.registrationNumber(true, latest, Long.parseLong(ie.ogrn().substring(5, 14)) % 900_000_000);
        w.writeStartElement("СвИП");
        w.writeAttribute("ДатаВып", d.extractDate.toString());
        w.writeAttribute("ОГРНИП", ie.ogrn());
        w.writeAttribute("ДатаОГРНИП", CREATED.toString());
        w.writeAttribute("ИННФЛ", ie.inn());
        w.writeAttribute("КодВидИП", "1");
        w.writeAttribute("НаимВидИП", "Индивидуальный предприниматель");

        w.writeStartElement("СвФЛ");
        w.writeAttribute("Пол", "2");
        w.writeEmptyElement("ФИОРус");
        w.writeAttribute("Фамилия", spelling(p.surname()));
        w.writeAttribute("Имя", spelling(p.firstName()));
        if (p.patronymic() != null) {
            w.writeAttribute("Отчество", spelling(p.patronymic()));
        }
        grn(w, "ГРНИПДата", "ГРНИП", first, CREATED);
        w.writeEndElement();

        w.writeStartElement("СвГражд");
        w.writeAttribute("ВидГражд", "1");
        grn(w, "ГРНИПДата", "ГРНИП", first, CREATED);
        w.writeEndElement();

        w.writeStartElement("СвАдрМЖ");
        ExtractWriter.address(w, "АдресРФ", "ГРНИП", null, CREATED);
        grn(w, "ГРНИПДата", "ГРНИП", first, CREATED);
        w.writeEndElement();

        w.writeEmptyElement("СвРегИП");
        w.writeAttribute("ОГРНИП", ie.ogrn());
        w.writeAttribute("ДатаОГРНИП", CREATED.toString());

        taxOffice(w, "СвРегОрг");
        grn(w, "ГРНИПДата", "ГРНИП", first, CREATED);
        w.writeEndElement();

        if (d.terminatedOn != null) {
            w.writeStartElement("СвПрекращ");
            w.writeEmptyElement("СвСтатус");
            w.writeAttribute("КодСтатус", d.terminationCode);
            w.writeAttribute("НаимСтатус", d.terminationName);
            w.writeAttribute("ДатаПрекращ", d.terminatedOn.toString());
            grn(w, "ГРНИПДата", "ГРНИП", last, d.terminatedOn);
            w.writeEndElement();
        }

        w.writeStartElement("СвУчетНО");
        w.writeAttribute("ИННФЛ", ie.inn());
        w.writeAttribute("ДатаПостУч", CREATED.toString());
        taxOffice(w, "СвНО");
        w.writeEndElement();
        grn(w, "ГРНИПДата", "ГРНИП", first, CREATED);
        w.writeEndElement();

        Entries.write(w, d, true, first, last, CREATED, latest);
        w.writeEndElement();
    }
}
