package dev.orgsign.testcerts;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@link RegisterDocument}s as the FNS does: every element and attribute the official schemas
 * (VO_RUGF_2_311_26_04_05_01.xsd for EGRUL, VO_RIGF_2_311_27_04_04_01.xsd for EGRIP) require, in their
 * order, so that the fixtures validate against them (RegisterFixturesSchemaTest). Two shapes: the
 * open-data file ({@code Файл/Документ/СвЮЛ}, as the FNS publishes daily) and the schema's own root
 * ({@code EGRUL/СвЮЛ}).
 */
public final class ExtractWriter {
    /** How the documents are wrapped. */
    public enum Shape {
        /** {@code <Файл ТипИнф="ЕГРЮЛ_ОТКР_СВЕД"><Документ><СвЮЛ>}, the FNS open-data files. */
        OPEN_DATA,
        /** {@code <EGRUL ДатаВыг=…><СвЮЛ>}, the root element of the official extract schemas. */
        SCHEMA
    }

    private static final String TAX_OFFICE = "7746";
    private static final String TAX_OFFICE_NAME = "Межрайонная инспекция Федеральной налоговой службы № 46 по г. Москве";

    private ExtractWriter() {
    }

    /**
     * @param shape     the wrapping
     * @param charset   UTF-8 or windows-1251
     * @param documents documents, all legal entities or all entrepreneurs
     * @return the file's bytes
     */
    public static byte[] write(Shape shape, Charset charset, List<RegisterDocument> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDate newest = documents.stream().map(d -> d.extractDate).max(LocalDate::compareTo)
                .orElse(RegisterDocument.DEFAULT_EXTRACT_DATE);
        write(shape, charset, documents, documents.size(), newest, out);
        return out.toByteArray();
    }

    /**
     * Writes documents as they come, for files of any size (the benchmarks' millions of records).
     *
     * @param shape     the wrapping
     * @param charset   UTF-8 or windows-1251
     * @param documents documents, all legal entities or all entrepreneurs
     * @param count     how many there are (the file's {@code КолДок})
     * @param date      the file's date
     * @param out       where the file goes; not closed
     */
    public static void write(Shape shape, Charset charset, Iterable<RegisterDocument> documents, long count, LocalDate date,
                             java.io.OutputStream out) {
        java.util.Iterator<RegisterDocument> it = documents.iterator();
        RegisterDocument firstDocument = it.hasNext() ? it.next() : null;
        boolean ip = firstDocument != null && firstDocument.isEntrepreneur();
        LocalDate newest = date;
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, charset.name());
            w.writeStartDocument(charset.name(), "1.0");
            w.writeCharacters("\n");
            if (shape == Shape.OPEN_DATA) {
                w.writeStartElement("Файл");
                w.writeAttribute("ИдФайл", (ip ? "VO_RIGFO_0000_9965_" : "VO_RUGFO_0000_9965_")
                        + newest.toString().replace("-", "") + "_" + UUID.randomUUID());
                w.writeAttribute("ВерсФорм", RegisterFixtures.FORMAT_VERSION);
                w.writeAttribute("ТипИнф", ip ? "ЕГРИП_ОТКР_СВЕД" : "ЕГРЮЛ_ОТКР_СВЕД");
                w.writeAttribute("ВерсПрог", "orgsign-test-certs");
                w.writeAttribute("КолДок", Long.toString(count));
            } else {
                w.writeStartElement(ip ? "EGRIP" : "EGRUL");
                w.writeAttribute("ДатаВыг", newest.toString());
            }
            for (RegisterDocument d = firstDocument; d != null; d = it.hasNext() ? it.next() : null) {
                if (shape == Shape.OPEN_DATA) {
                    w.writeStartElement("Документ");
                    w.writeAttribute("ИдДок", UUID.nameUUIDFromBytes((d.organization.ogrn() + d.extractDate)
                            .getBytes(StandardCharsets.US_ASCII)).toString());
                }
                if (d.isEntrepreneur()) {
                    EntrepreneurElement.write(w, d);
                } else {
                    LegalEntityElement.write(w, d, shape == Shape.OPEN_DATA);
                }
                if (shape == Shape.OPEN_DATA) {
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write a register extract", e);
        }
    }

    /** {@code ГРНДата}-like element: a state registration number and the entry's date. */
    static void grn(XMLStreamWriter w, String element, String numberAttribute, String number, LocalDate date)
            throws XMLStreamException {
        w.writeEmptyElement(element);
        w.writeAttribute(numberAttribute, number);
        w.writeAttribute("ДатаЗаписи", date.toString());
    }

    /** A tax office element ({@code СвРегОрг}, {@code СвНО}). */
    static void taxOffice(XMLStreamWriter w, String element) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeAttribute("КодНО", TAX_OFFICE);
        w.writeAttribute("НаимНО", TAX_OFFICE_NAME);
    }

    /**
     * A state registration number with its check digit: 13 digits ({@code ГРН}, check mod 11) or
     * 15 ({@code ГРНИП}, check mod 13), "2" for an entry after the first, then the year and region.
     */
    static String registrationNumber(boolean entrepreneur, LocalDate date, long sequence) {
        String body = "2" + String.format("%02d", date.getYear() % 100) + "77"
                + String.format(entrepreneur ? "%09d" : "%07d", sequence);
        long n = Long.parseLong(body);
        long check = entrepreneur ? n % 13 % 10 : n % 11 % 10;
        return body + check;
    }

    /** Upper case with "Ё" folded to "Е", as the register writes names. */
    static String spelling(String s) {
        return s == null ? null : RegisterFixtures.registerSpelling(s);
    }

    /** The Moscow address every fixture shares: a legal entity's (АдрРФЕГРЮЛТип, with {@code grn}) or an entrepreneur's (region only). */
    static void address(XMLStreamWriter w, String element, String grnAttribute, String grn, LocalDate date)
            throws XMLStreamException {
        w.writeStartElement(element);
        if (grn != null) {
            w.writeAttribute("Индекс", "101000");
            w.writeAttribute("Дом", "Д. 1");
        }
        w.writeAttribute("КодРегион", "77");
        w.writeEmptyElement("Регион");
        w.writeAttribute("ТипРегион", "ГОРОД");
        w.writeAttribute("НаимРегион", "МОСКВА");
        if (grn != null) {
            w.writeEmptyElement("Улица");
            w.writeAttribute("ТипУлица", "УЛИЦА");
            w.writeAttribute("НаимУлица", "МЯСНИЦКАЯ");
            grn(w, grnAttribute.equals("ГРН") ? "ГРНДата" : "ГРНИПДата", grnAttribute, grn, date);
        }
        w.writeEndElement();
    }
}
