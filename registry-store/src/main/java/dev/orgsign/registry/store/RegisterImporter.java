package dev.orgsign.registry.store;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.FnsExtractReader;
import dev.orgsign.core.registry.LegalEntityRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Streams FNS EGRUL / EGRIP files into a {@link RegistryDatabase} with the semantics of the in-memory
 * reader: per OGRN / OGRNIP the newest record wins whatever the order, two different records of one
 * version leave it contested. One thread parses while the calling thread writes; every batch is one
 * transaction that also records how many of the file's records are in, so an import killed at any
 * point resumes where its last commit ended, and importing a file again (same {@code ИдФайл}) is a
 * no-op. A finished file bumps the store's generation, which readers watch.
 */
public final class RegisterImporter {
    private static final Texts T = Texts.of(RegistryDatabase.class);
    /** Records per transaction. */
    static final int BATCH = 2_000;
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024 * 1024;
    private final RegistryDatabase db;
    private final RecordWriter writer;

    /** Told how an import goes; every method has an empty default. */
    public interface Progress {
        /**
         * A file begins.
         *
         * @param file     the file
         * @param size     its size in bytes
         * @param resuming records of it already in the store from an interrupted import
         */
        default void started(Path file, long size, long resuming) {
        }

        /**
         * @param bytes   bytes of the current file read so far
         * @param records records of it stored so far
         */
        default void advanced(long bytes, long records) {
        }

        /**
         * @param file    the file
         * @param records records read from it in all
         */
        default void finished(Path file, long records) {
        }

        /**
         * @param file   a file that was already imported
         * @param fileId its {@code ИдФайл}
         */
        default void skipped(Path file, String fileId) {
        }
    }

    /**
     * What an import did.
     *
     * @param imported files read into the store
     * @param skipped  files already imported before
     * @param records  records read from the imported files
     */
    public record Result(int imported, int skipped, long records) {
    }

    /**
     * @param db the store
     */
    public RegisterImporter(RegistryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
        this.writer = new RecordWriter(db.postgres());
    }

    /**
     * Imports files and folders (every {@code .xml} beneath a folder, in name order).
     *
     * @param filesOrFolders the FNS files
     * @param progress       told how it goes
     * @return what was done
     * @throws OrgsignException INVALID_REGISTRY for a file that is not an extract; IO for a store failure
     */
    public Result importAll(List<Path> filesOrFolders, Progress progress) throws OrgsignException {
        int imported = 0;
        int skipped = 0;
        long records = 0;
        for (Path file : files(filesOrFolders)) {
            long n = importFile(file, progress);
            if (n < 0) {
                skipped++;
            } else {
                imported++;
                records += n;
            }
        }
        return new Result(imported, skipped, records);
    }

    /** @return the records read, or -1 when the file was imported before */
    private long importFile(Path file, Progress progress) throws OrgsignException {
        FnsExtractReader.FileInfo head = FnsExtractReader.peek(file);
        String fileId = head.fileId() != null ? head.fileId() : "sha256:" + sha256(file);
        long resume;
        try (Connection c = db.dataSource().getConnection()) {
            resume = begin(c, fileId, file);
        } catch (SQLException e) {
            throw storeFailure(e);
        }
        if (resume < 0) {
            progress.skipped(file, fileId);
            return -1;
        }
        long size = size(file);
        progress.started(file, size, resume);
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        Parser parser = new Parser(file, resume, queue);
        Thread t = new Thread(parser, "orgsign-import-parser");
        t.setDaemon(true);
        t.start();
        long stored = resume;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            while (true) {
                Batch b = queue.take();
                if (b.end) {
                    break;
                }
                writer.write(c, b.legalEntities, b.entrepreneurs);
                stored += b.count;
                try (PreparedStatement ps = c.prepareStatement("update registry_file set records = ? where file_id = ?")) {
                    ps.setLong(1, stored);
                    ps.setString(2, fileId);
                    ps.executeUpdate();
                }
                c.commit();
                progress.advanced(parser.bytes, stored);
            }
            if (parser.failure != null) {
                throw parser.failure;
            }
            try (PreparedStatement ps = c.prepareStatement("update registry_file set completed = true, records = ?, "
                    + "completed_at = ? where file_id = ?");
                 PreparedStatement gen = c.prepareStatement("update registry_meta set meta_value = meta_value + 1 where meta_name = 'generation'")) {
                ps.setLong(1, stored);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, fileId);
                ps.executeUpdate();
                gen.executeUpdate();
            }
            if (resume > 0) {
                StoreSummary.recount(c);
            }
            c.commit();
        } catch (SQLException e) {
            parser.stop = true;
            throw storeFailure(e);
        } catch (InterruptedException e) {
            parser.stop = true;
            Thread.currentThread().interrupt();
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("import.interruptedFile", file), e);
        }
        progress.finished(file, stored);
        return stored;
    }

    /** @return records of the file already stored, or -1 when the file is complete */
    private static long begin(Connection c, String fileId, Path file) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select records, completed from registry_file where file_id = ?")) {
            q.setString(1, fileId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return rs.getBoolean(2) ? -1 : rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement("insert into registry_file (file_id, name, records, completed, started_at) "
                + "values (?, ?, 0, false, ?)")) {
            ins.setString(1, fileId);
            ins.setString(2, truncate(file.toAbsolutePath().toString(), 1000));
            ins.setTimestamp(3, Timestamp.from(Instant.now()));
            ins.executeUpdate();
        }
        return 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(s.length() - max);
    }

    /** Records in document order, handed from the parser to the writer. */
    private static final class Batch {
        final List<LegalEntityRecord> legalEntities = new ArrayList<>();
        final List<EntrepreneurRecord> entrepreneurs = new ArrayList<>();
        int count;
        boolean end;
    }

    /** Parses one file on its own thread, skipping what an earlier run stored. */
    private static final class Parser implements Runnable, FnsExtractReader.Sink {
        private final Path file;
        private final long skip;
        private final BlockingQueue<Batch> queue;
        private long seen;
        private Batch current = new Batch();
        volatile long bytes;
        volatile boolean stop;
        volatile OrgsignException failure;

        Parser(Path file, long skip, BlockingQueue<Batch> queue) {
            this.file = file;
            this.skip = skip;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                FnsExtractReader.read(file, MAX_FILE_BYTES, this, b -> bytes = b);
                hand(current);
            } catch (OrgsignException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new OrgsignException(ErrorCode.INTERNAL, T.text("import.readFailed", file, e), e);
            } finally {
                Batch end = new Batch();
                end.end = true;
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void legalEntity(LegalEntityRecord record) throws OrgsignException {
            if (seen++ >= skip) {
                current.legalEntities.add(record);
                next();
            }
        }

        @Override
        public void entrepreneur(EntrepreneurRecord record) throws OrgsignException {
            if (seen++ >= skip) {
                current.entrepreneurs.add(record);
                next();
            }
        }

        private void next() throws OrgsignException {
            if (++current.count >= BATCH) {
                hand(current);
                current = new Batch();
            }
        }

        private void hand(Batch b) throws OrgsignException {
            if (stop) {
                throw new OrgsignException(ErrorCode.INTERNAL, T.text("import.stopped"));
            }
            if (b.count == 0) {
                return;
            }
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrgsignException(ErrorCode.INTERNAL, T.text("import.interrupted"), e);
            }
        }
    }

    static List<Path> files(List<Path> filesOrFolders) throws OrgsignException {
        List<Path> out = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase().endsWith(".xml"))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new OrgsignException(ErrorCode.IO, T.text("import.folderUnreadable", p), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new OrgsignException(ErrorCode.IO, T.text("import.missing", p));
            }
        }
        if (out.isEmpty()) {
            throw new OrgsignException(ErrorCode.INVALID_REGISTRY, T.text("import.noFiles", filesOrFolders));
        }
        return out;
    }

    private static long size(Path file) throws OrgsignException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("import.fileUnreadable", file), e);
        }
    }

    private static String sha256(Path file) throws OrgsignException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("import.fileUnreadable", file), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrgsignException storeFailure(SQLException e) {
        return new OrgsignException(ErrorCode.IO, T.text("import.databaseFailed", db.displayUrl(),
                RegistryDatabase.rootMessage(e)), e);
    }
}
