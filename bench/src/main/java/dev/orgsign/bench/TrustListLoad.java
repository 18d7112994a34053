package dev.orgsign.bench;

import dev.orgsign.core.trust.TrustList;
import dev.orgsign.testcerts.TrustListFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long reading a generated, signed list of accredited certification centres takes (the published list
 * has about 600 centres, 12 MB): the first load in this JVM, and the median of further loads, with and
 * without checking its XML signature. Whole-process figures: {@code orgsign trust-list info FILE} under
 * hyperfine.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.TrustListLoad [centres] [out.xml]</pre>
 */
public final class TrustListLoad {
    private TrustListLoad() {
    }

    /** Writes the list (to {@code out.xml} when given) and prints the load times. */
    public static void main(String[] args) throws Exception {
        int centres = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("tsl-", ".xml");
        TrustListFixtures f = TrustListFixtures.get();
        f.write(f.large(centres), file, true);
        Path signer = file.resolveSibling(file.getFileName() + ".signer.cer");
        Files.write(signer, f.listSigner().certificate().getEncoded());
        System.out.printf("list of %d centres: %s (%.1f MB), signer's certificate %s%n", centres, file,
                Files.size(file) / 1e6, signer);
        String text = Files.readString(file); // the same list with its signature taken out, read unsigned
        int from = text.indexOf("<ds:Signature");
        int to = text.indexOf("</ds:Signature>") + "</ds:Signature>".length();
        byte[] unsigned = (text.substring(0, from) + text.substring(to)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (boolean checked : new boolean[] {true, false}) {
            long t0 = System.nanoTime();
            TrustList first = load(file, unsigned, f, checked);
            long firstNanos = System.nanoTime() - t0;
            long[] runs = new long[15];
            for (int i = 0; i < runs.length; i++) {
                long t = System.nanoTime();
                load(file, unsigned, f, checked);
                runs[i] = System.nanoTime() - t;
            }
            Arrays.sort(runs);
            System.out.printf("%-22s first %6.0f ms, median of %d further %6.0f ms (%d centres, %d certificates)%n",
                    checked ? "signature checked:" : "signature not checked:", firstNanos / 1e6, runs.length,
                    runs[runs.length / 2] / 1e6, first.centres().size(), first.certificates().size());
        }
    }

    private static TrustList load(Path file, byte[] unsigned, TrustListFixtures f, boolean checked) throws Exception {
        return checked ? TrustList.load(file, f.listSigner().certificate()) : TrustList.read(unsigned, file.toString(), null);
    }
}
