package dev.orgsign.testcerts;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extracts from the state registers in the FNS XML format (EGRUL for legal entities, EGRIP for
 * entrepreneurs), agreeing with {@link Fixtures}, written by {@link ExtractWriter} so that they
 * validate against the official schemas. Names are written as the register writes them: upper case,
 * and "Е" where a certificate may have "ё". {@link RegisterDocument} makes the hard cases.
 */
public final class RegisterFixtures {
    /** The format version the extracts claim. */
    public static final String FORMAT_VERSION = "4.06";

    private RegisterFixtures() {
    }

    /** An EGRUL extract with one document per organization. */
    public static byte[] egrul(List<OrganizationData> organizations, Charset charset) {
        return egrul(organizations, Fixtures::registeredHeads, charset);
    }

    /**
     * An EGRUL extract with one document per organization and the heads a function gives (for
     * generated registers, e.g. the benchmark's 100,000 organizations).
     */
    public static byte[] egrul(List<OrganizationData> organizations,
                               java.util.function.Function<OrganizationData, List<PersonData>> heads, Charset charset) {
        List<RegisterDocument> documents = new ArrayList<>(organizations.size());
        for (OrganizationData org : organizations) {
            RegisterDocument d = RegisterDocument.legalEntity(org);
            heads.apply(org).forEach(d::head);
            documents.add(d);
        }
        return ExtractWriter.write(ExtractWriter.Shape.OPEN_DATA, charset, documents);
    }

    /** An EGRUL extract for one organization. */
    public static byte[] egrul(OrganizationData organization, Charset charset) {
        return egrul(List.of(organization), charset);
    }

    /** An EGRIP extract for the test entrepreneur. */
    public static byte[] egrip(OrganizationData entrepreneur, PersonData person, Charset charset) {
        return ExtractWriter.write(ExtractWriter.Shape.OPEN_DATA, charset, List.of(RegisterDocument.entrepreneur(entrepreneur, person)));
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

    /**
     * @param shape     open-data file or the schema's own root
     * @param charset   UTF-8 or windows-1251
     * @param documents the documents, all of one register
     * @return the file's bytes
     */
    public static byte[] extract(ExtractWriter.Shape shape, Charset charset, List<RegisterDocument> documents) {
        return ExtractWriter.write(shape, charset, documents);
    }

    /** The document of a fixture organization with the heads the fixtures register. */
    public static RegisterDocument document(OrganizationData organization) {
        RegisterDocument d = RegisterDocument.legalEntity(organization);
        Fixtures.registeredHeads(organization).forEach(d::head);
        return d;
    }
}
