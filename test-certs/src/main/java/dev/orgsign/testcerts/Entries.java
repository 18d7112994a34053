package dev.orgsign.testcerts;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.LocalDate;

/** The register entries a document lists ({@code СвЗапЕГРЮЛ} / {@code СвЗапЕГРИП}), first to newest. */
final class Entries {
    private Entries() {
    }

    static void write(XMLStreamWriter w, RegisterDocument d, boolean ip, String first, String last, LocalDate created,
                      LocalDate latest) throws XMLStreamException {
        for (int i = 0; i < d.entries; i++) {
            boolean isFirst = i == 0;
            boolean isLast = i == d.entries - 1 && d.entries > 1;
            LocalDate date = isFirst ? created : isLast ? latest : created.plusDays(i);
            String number = isFirst ? first : isLast ? last
                    : ExtractWriter.registrationNumber(ip, date, 1000 + i);
            w.writeStartElement(ip ? "СвЗапЕГРИП" : "СвЗапЕГРЮЛ");
            w.writeAttribute("ИдЗап", Long.toString(100_000_000L + i));
            w.writeAttribute(ip ? "ГРНИП" : "ГРН", number);
            w.writeAttribute("ДатаЗап", date.toString());
            w.writeEmptyElement("ВидЗап");
            w.writeAttribute("КодСПВЗ", isFirst ? (ip ? "21211" : "11201") : (ip ? "21231" : "12201"));
            w.writeAttribute("НаимВидЗап", isFirst ? "Государственная регистрация" : "Изменение сведений");
            ExtractWriter.taxOffice(w, "СвРегОрг");
            w.writeEndElement();
            w.writeEndElement();
        }
    }
}
