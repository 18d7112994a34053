package dev.orgsign.core.trust;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.xml.SecureXml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the ministry's list of accredited certification centres by streaming (StAX): the list's
 * version and date, and for each {@code УдостоверяющийЦентр} its names, identifiers, accreditation
 * status and history, and its keys ({@code ПрограммноАппаратныеКомплексы/…/Ключ}) with their CA
 * certificates and CRL addresses. Element names and nesting are those public parsers read (see
 * {@code ../shared/realworld/tsl/format-skeleton.xml}); everything else is skipped unread. A DOCTYPE is
 * refused, which shuts out external entities and entity expansion. A certificate that cannot be read
 * is counted and left out (its centre then cannot vouch for it: fail closed).
 */
final class TrustListReader {
    private static final Texts T = Texts.of(OrgsignException.class);
    static final String ROOT = "АккредитованныеУдостоверяющиеЦентры";
    static final String CENTRE = "УдостоверяющийЦентр";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    /** Dates without a zone are the ministry's, in Moscow time. */
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final XMLInputFactory FACTORY = SecureXml.streamFactory();

    /** A centre's names and identifiers. */
    private static final Set<String> CENTRE_TEXTS = Set.of("Название", "КраткоеНазвание", "ИНН", "ОГРН", "РеестровыйНомер");
    /** The elements read inside a centre, by the element they sit in; anything else is skipped. */
    private static final Map<String, Set<String>> CONTAINERS = Map.of(
            CENTRE, Set.of("СтатусАккредитации", "ИсторияСтатусовАккредитации", "ПрограммноАппаратныеКомплексы"),
            "ИсторияСтатусовАккредитации", Set.of("СтатусАккредитации"),
            "ПрограммноАппаратныеКомплексы", Set.of("ПрограммноАппаратныйКомплекс"),
            "ПрограммноАппаратныйКомплекс", Set.of("КлючиУполномоченныхЛиц"),
            "КлючиУполномоченныхЛиц", Set.of("Ключ"),
            "Ключ", Set.of("АдресаСписковОтзыва", "Сертификаты"),
            "Сертификаты", Set.of("ДанныеСертификата"));

    private TrustListReader() {
    }

    /** One key of a centre: the CA certificates the list gives for it (DER, read later) and its CRL addresses. */
    record Key(String keyId, List<URI> crlAddresses, List<byte[]> certificates) {
    }

    /** One centre with its keys. */
    record Entry(AccreditedCentre centre, List<Key> keys) {
    }

    /**
     * What a list holds.
     *
     * @param version    {@code Версия}, or null
     * @param date       {@code Дата}, or null
     * @param entries    the centres in document order
     * @param signatures how many XML signatures sit directly under the root
     * @param unreadable how many certificates could not be read
     */
    record Content(Long version, Instant date, List<Entry> entries, int signatures, int unreadable) {
    }

    /** The fields of a centre as they are read. */
    private static final class CentreFields {
        final Map<String, String> text = new java.util.HashMap<>();
        final List<AccreditationStatus> history = new ArrayList<>();
        final List<Key> keys = new ArrayList<>();
        String status;
        Instant since;
        String keyId;
        List<URI> crls;
        List<byte[]> certificates;
    }

    static Content read(byte[] xml, String name) throws OrgsignException {
        return read(xml, name, null);
    }

    /**
     * Reads a list.
     *
     * @param xml       the list
     * @param name      its name, for sentences
     * @param alongside a reading of the list's signature fed every event of this one (the list is parsed once), or null
     * @return what the list holds
     * @throws OrgsignException INVALID_INPUT when it is not well-formed, has a DOCTYPE or is not such a list
     */
    static Content read(byte[] xml, String name, EnvelopedDocument.Reading alongside) throws OrgsignException {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            if (alongside != null) {
                r = new Tee(r, alongside);
            }
            try {
                return read(r, name);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new OrgsignException(ErrorCode.INVALID_INPUT, line > 0
                    ? T.text("trustList.notXmlAt", name, line) : T.text("trustList.notXml", name), e);
        }
    }

    private static Content read(XMLStreamReader r, String name) throws XMLStreamException, OrgsignException {
        Deque<String> path = new ArrayDeque<>();
        List<Entry> entries = new ArrayList<>();
        Long version = null;
        Instant date = null;
        int signatures = 0;
        int[] unreadable = {0};
        CentreFields centre = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.doctype", name));
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                String ended = path.pop();
                if (centre != null) {
                    centre = ended(ended, path.peek(), centre, entries);
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String n = r.getLocalName();
            if (path.isEmpty()) {
                if (!ROOT.equals(n)) {
                    throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.root", name, n, ROOT));
                }
                path.push(n);
                continue;
            }
            String parent = path.peek();
            if (path.size() == 1) {
                if (DSIG.equals(r.getNamespaceURI()) && "Signature".equals(n)) {
                    signatures++;
                    skip(r);
                } else if ("Версия".equals(n)) {
                    version = number(r.getElementText(), name);
                } else if ("Дата".equals(n)) {
                    date = instant(r.getElementText(), "Дата", name);
                } else if (CENTRE.equals(n)) {
                    centre = new CentreFields();
                    path.push(n);
                } else {
                    skip(r);
                }
                continue;
            }
            if (centre == null) {
                skip(r);
            } else if (CONTAINERS.getOrDefault(parent, Set.of()).contains(n)) {
                path.push(n);
                if ("Ключ".equals(n)) {
                    centre.keyId = null;
                    centre.crls = new ArrayList<>();
                    centre.certificates = new ArrayList<>();
                }
            } else {
                leaf(r, parent, n, centre, unreadable, name);
            }
        }
        return new Content(version, date, entries, signatures, unreadable[0]);
    }

    /**
     * A reader that hands every event it reaches to a reading of the signature as well; its element text is
     * gathered through {@link #next()}, so that the reading sees the text too. A failure of the reading is kept by
     * the reading, never thrown into the list's reader (which refuses a DOCTYPE itself).
     */
    private static final class Tee extends javax.xml.stream.util.StreamReaderDelegate {
        private final EnvelopedDocument.Reading reading;

        Tee(XMLStreamReader reader, EnvelopedDocument.Reading reading) {
            super(reader);
            this.reading = reading;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            reading.take(getParent());
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("element text asked for away from a start tag", getLocation());
            }
            StringBuilder text = new StringBuilder();
            for (int event = next(); event != XMLStreamConstants.END_ELEMENT; event = next()) {
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                         XMLStreamConstants.ENTITY_REFERENCE -> text.append(getText());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    }
                    default -> throw new XMLStreamException("an element holds an element where text was expected", getLocation());
                }
            }
            return text.toString();
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) && isWhiteSpace()) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("a tag was expected", getLocation());
            }
            return event;
        }
    }

    /** Reads a text element inside a centre, or skips it. */
    private static void leaf(XMLStreamReader r, String parent, String n, CentreFields c, int[] unreadable,
                             String name) throws XMLStreamException, OrgsignException {
        switch (parent) {
            case CENTRE -> {
                if (CENTRE_TEXTS.contains(n)) {
                    c.text.put(n, r.getElementText().strip());
                } else {
                    skip(r);
                }
            }
            case "СтатусАккредитации" -> {
                if ("Статус".equals(n)) {
                    c.status = r.getElementText().strip();
                } else if ("ДействуетС".equals(n)) {
                    c.since = instant(r.getElementText(), "ДействуетС", name);
                } else {
                    skip(r);
                }
            }
            case "Ключ" -> {
                if ("ИдентификаторКлюча".equals(n)) {
                    c.keyId = r.getElementText().strip();
                } else {
                    skip(r);
                }
            }
            case "АдресаСписковОтзыва" -> {
                if ("Адрес".equals(n)) {
                    URI u = httpUri(r.getElementText().strip());
                    if (u != null) {
                        c.crls.add(u);
                    }
                } else {
                    skip(r);
                }
            }
            case "ДанныеСертификата" -> {
                if ("Данные".equals(n)) {
                    byte[] cert = base64(r.getElementText());
                    if (cert == null) {
                        unreadable[0]++;
                    } else {
                        c.certificates.add(cert);
                    }
                } else {
                    skip(r);
                }
            }
            default -> skip(r);
        }
    }

    /** Finishes what an end tag closes; returns the centre being read, or null when it was the centre that ended. */
    private static CentreFields ended(String ended, String parent, CentreFields c, List<Entry> entries) {
        switch (ended) {
            case "СтатусАккредитации" -> {
                if (c.status != null && c.since != null) {
                    c.history.add(new AccreditationStatus(c.status, c.since));
                }
                c.status = null;
                c.since = null;
            }
            case "Ключ" -> {
                c.keys.add(new Key(c.keyId, c.crls, c.certificates));
                c.crls = null;
                c.certificates = null;
            }
            case CENTRE -> {
                if (ROOT.equals(parent)) {
                    String full = c.text.get("Название");
                    String shortName = c.text.get("КраткоеНазвание");
                    entries.add(new Entry(new AccreditedCentre(full != null ? full : shortName != null ? shortName : "?",
                            shortName, c.text.get("ОГРН"), c.text.get("ИНН"), c.text.get("РеестровыйНомер"), c.history),
                            List.copyOf(c.keys)));
                    return null;
                }
            }
            default -> {
                // nothing to finish
            }
        }
        return c;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static byte[] base64(String text) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.strip());
            return der.length == 0 ? null : der;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI httpUri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Long number(String text, String name) throws OrgsignException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.version", name, text.strip()));
        }
    }

    /** An xs:dateTime with or without a zone (without one, Moscow time), or an xs:date (its start, Moscow time). */
    static Instant instant(String text, String element, String name) throws OrgsignException {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // no zone, or a date alone
        }
        try {
            return LocalDateTime.parse(t).toInstant(MOSCOW);
        } catch (DateTimeParseException e) {
            // a date alone
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(MOSCOW);
        } catch (DateTimeParseException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.date", name, t, element));
        }
    }
}
