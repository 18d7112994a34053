package dev.orgsign.core.registry;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Registry} over FNS EGRUL / EGRIP XML extracts: one file, or every {@code .xml} file
 * of a folder. Files are read by streaming (StAX), so a folder of 100,000 organizations loads
 * without ever holding a document tree; the encoding (windows-1251 or UTF-8) comes from each
 * file's XML declaration. A DOCTYPE is refused outright — extracts never carry one — which
 * shuts out external entities and entity expansion ("billion laughs") alike.
 */
public final class FnsExtractRegistry implements Registry {
    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    private final Map<String, LegalEntityRecord> legalEntities;
    private final Map<String, EntrepreneurRecord> entrepreneurs;

    private FnsExtractRegistry(Map<String, LegalEntityRecord> legalEntities, Map<String, EntrepreneurRecord> entrepreneurs) {
        this.legalEntities = legalEntities;
        this.entrepreneurs = entrepreneurs;
    }

    /**
     * Loads a file or every {@code .xml} file under a folder.
     *
     * @param fileOrFolder an extract, or a folder of them (searched recursively)
     * @return the register
     * @throws OrgsignException IO when the path cannot be read; INVALID_REGISTRY for an empty folder,
     *                          a file that is not an EGRUL / EGRIP extract, or one with a DOCTYPE
     */
    public static FnsExtractRegistry load(Path fileOrFolder) throws OrgsignException {
        Map<String, LegalEntityRecord> ul = new HashMap<>();
        Map<String, EntrepreneurRecord> ip = new HashMap<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".xml"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, "The register folder " + fileOrFolder + " cannot be read.", e);
            }
            if (files.isEmpty()) {
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The register folder " + fileOrFolder
                        + " holds no .xml extracts.");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files.add(fileOrFolder);
        } else {
            throw new OrgsignException(ErrorCode.IO, "The register path " + fileOrFolder + " does not exist.");
        }
        ExtractParser parser = new ExtractParser(ul, ip);
        for (Path f : files) {
            parser.parse(f, MAX_FILE_BYTES);
        }
        return new FnsExtractRegistry(ul, ip);
    }

    @Override
    public Optional<LegalEntityRecord> legalEntity(String ogrn) {
        return Optional.ofNullable(legalEntities.get(ogrn));
    }

    @Override
    public Optional<EntrepreneurRecord> entrepreneur(String ogrnip) {
        return Optional.ofNullable(entrepreneurs.get(ogrnip));
    }

    @Override
    public int size() {
        return legalEntities.size() + entrepreneurs.size();
    }

    /** The StAX pass over one extract. */
    static final class ExtractParser {
        private static final XMLInputFactory FACTORY = secureFactory();
        private final Map<String, LegalEntityRecord> ul;
        private final Map<String, EntrepreneurRecord> ip;

        ExtractParser(Map<String, LegalEntityRecord> ul, Map<String, EntrepreneurRecord> ip) {
            this.ul = ul;
            this.ip = ip;
        }

        private static XMLInputFactory secureFactory() {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, false);
            return f;
        }

        void parse(Path file, long maxBytes) throws OrgsignException {
            try {
                if (Files.size(file) > maxBytes) {
                    throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The register file " + file
                            + " is larger than " + maxBytes / (1024 * 1024) + " MB; split the extract.");
                }
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, "The register file " + file + " cannot be read.", e);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                XMLStreamReader r = FACTORY.createXMLStreamReader(in);
                try {
                    read(r, file);
                } finally {
                    r.close();
                }
            } catch (XMLStreamException e) {
                int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The register file " + file
                        + " is not a well-formed XML extract" + (line > 0 ? " (line " + line + ")" : "")
                        + ": " + firstLine(e.getMessage()), e);
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, "The register file " + file + " cannot be read.", e);
            }
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "unreadable";
            }
            String t = s.replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            return t.lines().findFirst().orElse(t).strip();
        }

        private void read(XMLStreamReader r, Path file) throws XMLStreamException, OrgsignException {
            LegalEntityBuilder ulb = null;
            EntrepreneurBuilder ipb = null;
            String[] person = null;
            boolean rootSeen = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The register file " + file
                            + " contains a DOCTYPE declaration. FNS extracts never do; it is refused because it could "
                            + "pull in external files or expand entities without bound.");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The register file " + file
                            + " uses an undeclared entity '&" + r.getLocalName() + ";'.");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!name.equals("Файл")) {
                            throw new OrgsignException(ErrorCode.INVALID_REGISTRY, "The file " + file
                                    + " is not an EGRUL/EGRIP extract: its root element is <" + name + ">, not <Файл>.");
                        }
                    }
                    switch (name) {
                        case "СвЮЛ" -> ulb = new LegalEntityBuilder(attr(r, "ОГРН"), attr(r, "ИНН"), attr(r, "КПП"),
                                attr(r, "КодОПФ"), attr(r, "ПолнНаимОПФ"));
                        case "СвНаимЮЛ" -> {
                            if (ulb != null) {
                                ulb.fullName = attr(r, "НаимЮЛПолн");
                            }
                        }
                        case "СвНаимЮЛСокр" -> {
                            if (ulb != null) {
                                ulb.shortName = attr(r, "НаимСокр");
                            }
                        }
                        case "СвПрекрЮЛ" -> {
                            if (ulb != null) {
                                ulb.terminated = true;
                            }
                        }
                        case "СведДолжнФЛ" -> person = new String[5];
                        case "СвФЛ" -> {
                            if (person != null) {
                                person[0] = attr(r, "Фамилия");
                                person[1] = attr(r, "Имя");
                                person[2] = attr(r, "Отчество");
                                person[3] = attr(r, "ИННФЛ");
                            }
                        }
                        case "СвДолжн" -> {
                            if (person != null) {
                                person[4] = attr(r, "НаимДолжн");
                            }
                        }
                        case "СвИП" -> ipb = new EntrepreneurBuilder(attr(r, "ОГРНИП"), attr(r, "ИННФЛ"));
                        case "ФИОРус" -> {
                            if (ipb != null) {
                                ipb.surname = attr(r, "Фамилия");
                                ipb.firstName = attr(r, "Имя");
                                ipb.patronymic = attr(r, "Отчество");
                            }
                        }
                        case "СвПрекрИП" -> {
                            if (ipb != null) {
                                ipb.terminated = true;
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "СведДолжнФЛ" -> {
                            if (ulb != null && person != null && person[0] != null) {
                                ulb.heads.add(new AuthorizedPerson(person[0], person[1], person[2], person[3], person[4]));
                            }
                            person = null;
                        }
                        case "СвЮЛ" -> {
                            if (ulb != null && ulb.ogrn != null) {
                                ul.put(ulb.ogrn, ulb.build());
                            }
                            ulb = null;
                        }
                        case "СвИП" -> {
                            if (ipb != null && ipb.ogrnip != null) {
                                ip.put(ipb.ogrnip, ipb.build());
                            }
                            ipb = null;
                        }
                        default -> { }
                    }
                }
            }
        }

        private static String attr(XMLStreamReader r, String name) {
            String v = r.getAttributeValue(null, name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private static final class LegalEntityBuilder {
        final String ogrn;
        final String inn;
        final String kpp;
        final String okopfCode;
        final String okopfName;
        String fullName;
        String shortName;
        boolean terminated;
        final List<AuthorizedPerson> heads = new ArrayList<>(2);

        LegalEntityBuilder(String ogrn, String inn, String kpp, String okopfCode, String okopfName) {
            this.ogrn = ogrn;
            this.inn = inn;
            this.kpp = kpp;
            this.okopfCode = okopfCode;
            this.okopfName = okopfName;
        }

        LegalEntityRecord build() {
            return new LegalEntityRecord(ogrn, inn, kpp, fullName, shortName, okopfCode, okopfName, terminated, heads);
        }
    }

    private static final class EntrepreneurBuilder {
        final String ogrnip;
        final String inn;
        String surname;
        String firstName;
        String patronymic;
        boolean terminated;

        EntrepreneurBuilder(String ogrnip, String inn) {
            this.ogrnip = ogrnip;
            this.inn = inn;
        }

        EntrepreneurRecord build() {
            return new EntrepreneurRecord(ogrnip, inn, surname, firstName, patronymic, terminated);
        }
    }
}
