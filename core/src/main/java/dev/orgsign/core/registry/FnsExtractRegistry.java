package dev.orgsign.core.registry;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Registry} in memory over FNS EGRUL / EGRIP XML extracts: one file, or every {@code .xml}
 * file of a folder, read by {@link FnsExtractReader} (streaming, XXE-safe). Where an OGRN or OGRNIP
 * appears more than once — within a file or across files, in any order — the newest record wins
 * ({@link NewestRecords}); file and document order never decide.
 */
public final class FnsExtractRegistry implements Registry {
    private static final Texts T = Texts.of(OrgsignException.class);
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
        return load(List.of(fileOrFolder));
    }

    /**
     * Loads several files or folders as one register: the newest record of each OGRN wins across all.
     *
     * @param filesOrFolders extracts, or folders of them (searched recursively)
     * @return the register
     * @throws OrgsignException as {@link #load(Path)}
     */
    public static FnsExtractRegistry load(List<Path> filesOrFolders) throws OrgsignException {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrFolders) {
            files.addAll(files(p));
        }
        NewestRecords newest = new NewestRecords();
        for (Path f : files) {
            FnsExtractReader.read(f, MAX_FILE_BYTES, newest);
        }
        return new FnsExtractRegistry(Map.copyOf(newest.legalEntities()), Map.copyOf(newest.entrepreneurs()));
    }

    private static List<Path> files(Path fileOrFolder) throws OrgsignException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".xml"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, T.text("register.folderUnreadable", fileOrFolder), e);
            }
            if (files.isEmpty()) {
                throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("register.folderEmpty", fileOrFolder));
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files.add(fileOrFolder);
        } else {
            throw new OrgsignException(ErrorCode.IO, T.text("register.missing", fileOrFolder));
        }
        return files;
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
    public Optional<java.time.LocalDate> newestExtract() {
        java.time.LocalDate newest = null;
        for (LegalEntityRecord r : legalEntities.values()) {
            newest = later(newest, r.extractDate());
        }
        for (EntrepreneurRecord r : entrepreneurs.values()) {
            newest = later(newest, r.extractDate());
        }
        return Optional.ofNullable(newest);
    }

    private static java.time.LocalDate later(java.time.LocalDate a, java.time.LocalDate b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    @Override
    public List<LegalEntityRecord> legalEntitiesByInn(String inn) {
        List<LegalEntityRecord> out = new ArrayList<>(1);
        for (LegalEntityRecord r : legalEntities.values()) {
            if (inn.equals(r.inn())) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public int size() {
        return legalEntities.size() + entrepreneurs.size();
    }

}
