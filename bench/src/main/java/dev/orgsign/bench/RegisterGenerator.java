package dev.orgsign.bench;

import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.SyntheticRegister;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * Writes an FNS-like EGRUL register of any size for the store's benchmarks: windows-1251 open-data
 * files of {@code perFile} documents each ({@link SyntheticRegister}: several heads, founders,
 * terminations, statuses, disqualified and unreliable heads, older records repeated out of order).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.RegisterGenerator DIR COUNT [PER_FILE] [SEED]</pre>
 */
public final class RegisterGenerator {
    private RegisterGenerator() {
    }

    /**
     * @param args the folder, the number of documents, documents per file (100,000), the seed (1)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long count = Long.parseLong(args[1].replace("_", ""));
        long perFile = args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : 100_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        long started = System.nanoTime();
        long bytes = write(dir, count, perFile, seed);
        System.out.printf("%d documents, %d files, %.1f GB in %s, %.0f s%n", count, (count + perFile - 1) / perFile,
                bytes / 1e9, dir, (System.nanoTime() - started) / 1e9);
    }

    /** @return the bytes written */
    static long write(Path dir, long count, long perFile, long seed) throws IOException {
        Files.createDirectories(dir);
        Charset cp1251 = Charset.forName("windows-1251");
        Iterator<RegisterDocument> all = new SyntheticRegister(count, seed, LocalDate.now()).iterator();
        long bytes = 0;
        for (int file = 0; all.hasNext(); file++) {
            Path f = dir.resolve(String.format("VO_RUGFO_0000_9965_synthetic_%05d.xml", file));
            long n = Math.min(perFile, count - (long) file * perFile);
            Iterable<RegisterDocument> chunk = () -> new Iterator<>() {
                private long left = n;

                @Override
                public boolean hasNext() {
                    return left > 0 && all.hasNext();
                }

                @Override
                public RegisterDocument next() {
                    left--;
                    return all.next();
                }
            };
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                ExtractWriter.write(ExtractWriter.Shape.OPEN_DATA, cp1251, chunk, n, LocalDate.now(), out);
            }
            bytes += Files.size(f);
        }
        return bytes;
    }
}
