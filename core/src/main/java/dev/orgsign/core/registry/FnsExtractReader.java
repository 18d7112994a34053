package dev.orgsign.core.registry;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one FNS EGRUL / EGRIP XML file by streaming (StAX) and hands each organization or
 * entrepreneur record to a {@link Sink}, in document order; {@link NewestRecords} then keeps the
 * newest record of each OGRN. It reads both shapes the FNS publishes: the open-data files (root
 * {@code Файл}, one {@code Документ} per record, {@code ТипИнф} ЕГРЮЛ_ОТКР_СВЕД / ЕГРИП_ОТКР_СВЕД) and
 * the extract format of the official schemas (root {@code EGRUL} / {@code EGRIP}). Element names and
 * their nesting are those of the schemas (VO_RUGF_2_311_26_04_05_01.xsd, VO_RIGF_2_311_27_04_04_01.xsd);
 * an element is read only where the schema puts it (a founder's {@code СвФЛ} is not a head's).
 *
 * <p>The encoding (windows-1251 or UTF-8) comes from the XML declaration. A DOCTYPE is refused —
 * extracts never carry one — which shuts out external entities and entity expansion alike. Parser
 * messages never reach the user as they are: every failure is an {@link OrgsignException} that names
 * the file and says what is wrong with it.
 */
public final class FnsExtractReader {
    private static final Texts T = Texts.of(OrgsignException.class);
    private static final XMLInputFactory FACTORY = dev.orgsign.core.xml.SecureXml.streamFactory();

    /** Receives the records of a file as they are read. */
    public interface Sink {
        /**
         * @param record a legal entity's record
         * @throws OrgsignException to stop reading
         */
        void legalEntity(LegalEntityRecord record) throws OrgsignException;

        /**
         * @param record an entrepreneur's record
         * @throws OrgsignException to stop reading
         */
        void entrepreneur(EntrepreneurRecord record) throws OrgsignException;
    }

    /**
     * What a file says of itself.
     *
     * @param fileId        {@code Файл/@ИдФайл} (open data), or null
     * @param formatVersion {@code @ВерсФорм}, or null
     * @param kind          {@code @ТипИнф} ("ЕГРЮЛ_ОТКР_СВЕД"), or the root's name for the schema format
     * @param records       how many records were read
     */
    public record FileInfo(String fileId, String formatVersion, String kind, int records) {
    }

    private FnsExtractReader() {
    }

    /**
     * Reads a file.
     *
     * @param file     an EGRUL or EGRIP file
     * @param maxBytes the largest file accepted
     * @param sink     receives the records
     * @return what the file says of itself
     * @throws OrgsignException IO when it cannot be read; INVALID_REGISTRY when it is too large, not
     *                          well-formed, has a DOCTYPE, or is not an EGRUL / EGRIP file
     */
    public static FileInfo read(Path file, long maxBytes, Sink sink) throws OrgsignException {
        return read(file, maxBytes, sink, null);
    }

    /**
     * Reads a file and tells how far it got (for a progress bar over a large file).
     *
     * @param file      an EGRUL or EGRIP file
     * @param maxBytes  the largest file accepted
     * @param sink      receives the records
     * @param bytesRead told the bytes read so far, about every megabyte; null for no progress
     * @return what the file says of itself
     * @throws OrgsignException as {@link #read(Path, long, Sink)}
     */
    public static FileInfo read(Path file, long maxBytes, Sink sink, java.util.function.LongConsumer bytesRead)
            throws OrgsignException {
        try {
            if (Files.size(file) > maxBytes) {
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.tooLarge", file,
                        maxBytes / (1024 * 1024)));
            }
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("register.unreadable", file), e);
        }
        return parse(file, () -> new BufferedInputStream(bytesRead == null ? Files.newInputStream(file)
                : new CountingStream(Files.newInputStream(file), bytesRead), 1 << 16), r -> new ExtractHandler(file, sink).run(r));
    }

    /** One pass of the parser over a file's elements. */
    private interface Pass<T> {
        T run(XMLStreamReader r) throws XMLStreamException, OrgsignException;
    }

    /** Opens a stream of the file's bytes. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Runs a pass over a file, decoding its bytes ourselves in the encoding it declares, and words every
     * failure for the user (the parser's own text never reaches the terminal).
     */
    private static <T> T parse(Path file, Opener opener, Pass<T> pass) throws OrgsignException {
        try (InputStream in = opener.open()) {
            // Decoded here, not by the parser: the JDK's parser prints "[Fatal Error] ..." to the terminal
            // for a byte its decoder refuses; ours reports the byte as an exception only.
            XMLStreamReader r = FACTORY.createXMLStreamReader(new InputStreamReader(in, declaredEncoding(file, in)
                    .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            try {
                return pass.run(r);
            } catch (Exception e) { // the parser passes the decoder's exception on undeclared
                if (e instanceof CharacterCodingException) {
                    throw new XMLStreamException("Invalid byte", r.getLocation(), e);
                }
                throw e;
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file, e);
        } catch (CharacterCodingException e) {
            throw notWellFormed(file, new XMLStreamException("Invalid byte", e));
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("register.unreadable", file), e);
        }
    }

    /**
     * The encoding the XML declaration names (UTF-8 when it names none), read from the first bytes
     * of the stream, which is reset to its start.
     */
    static Charset declaredEncoding(Path file, InputStream in) throws IOException, OrgsignException {
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            in.skip(3);
            return StandardCharsets.UTF_8;
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = start.indexOf("?>");
        String declaration = end < 0 ? start : start.substring(0, end);
        java.util.regex.Matcher m = ENCODING.matcher(declaration);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.encoding", file, m.group(1)));
        }
    }

    private static final java.util.regex.Pattern ENCODING = java.util.regex.Pattern.compile(
            "encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    /**
     * Reads only the start of a file: what it says of itself (its {@code ИдФайл}), without its records.
     *
     * @param file an EGRUL or EGRIP file
     * @return what the file says of itself, with {@code records} 0
     * @throws OrgsignException as {@link #read(Path, long, Sink)}
     */
    public static FileInfo peek(Path file) throws OrgsignException {
        return parse(file, () -> new BufferedInputStream(Files.newInputStream(file), 1 << 12), r -> {
            ExtractHandler h = new ExtractHandler(file, null);
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.doctype", file));
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    return h.root(r, r.getLocalName());
                }
            }
            throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.noElement", file));
        });
    }

    /** Counts the bytes read from a stream and reports them about every megabyte. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final java.util.function.LongConsumer report;
        private long count;
        private long reported;

        CountingStream(InputStream in, java.util.function.LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count - reported >= 1 << 20) {
                reported = count;
                report.accept(count);
            }
        }
    }

    /** Words a parser failure for the user, with the line, without the parser's own text. */
    static OrgsignException notWellFormed(Path file, XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        String m = String.valueOf(e.getMessage());
        String what;
        boolean coding = false;
        for (Throwable t = e; t != null; t = t instanceof XMLStreamException x && x.getNestedException() != null
                && x.getNestedException() != t ? x.getNestedException() : t.getCause() == t ? null : t.getCause()) {
            coding |= t instanceof CharacterCodingException;
        }
        if (coding || m.contains("Invalid byte") || m.contains("Invalid UTF") || m.contains("MalformedInput") || m.contains("encoding")) {
            what = "register.badBytes";
        } else if (m.contains("end of file") || m.contains("end-of-input") || m.contains("XML document structures must start and end")
                || m.contains("Premature end") || m.contains("EOF")) {
            what = "register.truncated";
        } else if (m.contains("Content is not allowed in prolog") || m.contains("in prolog")) {
            what = "register.notXml";
        } else {
            what = "register.notWellFormed";
        }
        return new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text(what, file,
                line > 0 ? T.text("register.line", line) : ""), e);
    }

    static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The event loop, with the path of open elements. */
    private static final class ExtractHandler {
        private final Path file;
        private final Sink sink;
        private final String[] path = new String[64];
        private int depth;
        private LegalEntityParts ul;
        private EntrepreneurParts ip;
        private int records;

        ExtractHandler(Path file, Sink sink) {
            this.file = file;
            this.sink = sink;
        }

        FileInfo run(XMLStreamReader r) throws XMLStreamException, OrgsignException {
            FileInfo info = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new OrgsignException(ErrorCode.INVALID_REGISTRY,
                            T.text("register.doctypeWhy", file));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new OrgsignException(ErrorCode.INVALID_REGISTRY,
                            T.text("register.entity", file, r.getLocalName()));
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (depth == 0) {
                            info = root(r, name);
                        }
                        if (depth == path.length) {
                            throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.tooDeep", file));
                        }
                        path[depth++] = name;
                        start(r, name);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        end(r.getLocalName());
                        depth--;
                    }
                    default -> { }
                }
            }
            return new FileInfo(info.fileId(), info.formatVersion(), info.kind(), records);
        }

        private FileInfo root(XMLStreamReader r, String name) throws OrgsignException {
            if (name.equals("EGRUL") || name.equals("EGRIP")) {
                return new FileInfo(null, null, name, 0);
            }
            if (!name.equals("Файл")) {
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.root", file, name));
            }
            String kind = attr(r, "ТипИнф");
            if (kind != null && !kind.startsWith("ЕГРЮЛ") && !kind.startsWith("ЕГРИП")) {
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.otherKind", file, kind));
            }
            return new FileInfo(attr(r, "ИдФайл"), attr(r, "ВерсФорм"), kind, 0);
        }

        /** The name of the element {@code up} levels above the current one ("" above the root). */
        private String up(int up) {
            int i = depth - 1 - up;
            return i >= 0 ? path[i] : "";
        }

        private void start(XMLStreamReader r, String name) {
            if (name.equals("СвЮЛ")) {
                ul = new LegalEntityParts(r);
            } else if (name.equals("СвИП")) {
                ip = new EntrepreneurParts(r);
            } else if (ul != null) {
                ul.start(r, name, up(1), up(2));
            } else if (ip != null) {
                ip.start(r, name, up(1), up(2));
            }
        }

        private void end(String name) throws OrgsignException {
            if (name.equals("СвЮЛ") && ul != null) {
                if (ul.ogrn != null) {
                    sink.legalEntity(ul.build());
                    records++;
                }
                ul = null;
            } else if (name.equals("СвИП") && ip != null) {
                if (ip.ogrnip != null) {
                    sink.entrepreneur(ip.build());
                    records++;
                }
                ip = null;
            } else if (ul != null) {
                ul.end(name, up(1));
            } else if (ip != null) {
                ip.end(name, up(1));
            }
        }
    }
}
