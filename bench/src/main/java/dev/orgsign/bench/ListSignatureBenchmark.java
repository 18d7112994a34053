package dev.orgsign.bench;

import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.crypto.Streebog;
import dev.orgsign.core.xml.SecureXml;
import dev.orgsign.core.xml.StreamCanonicalizer;
import dev.orgsign.testcerts.TrustListFixtures;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.utils.XMLUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

/**
 * The two halves of checking the list's signature, each against what it replaced, in one run: the
 * GOST R 34.11-2012 digest of the canonical list (orgsign's {@link Streebog} and BouncyCastle's), and
 * the canonical form (orgsign's streamed {@link StreamCanonicalizer} over Aalto and Santuario's over a
 * DOM), on a generated list of 600 centres (4.9 MB).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main ListSignatureBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ListSignatureBenchmark {
    private byte[] list;
    private byte[] canonical;

    /** Generates the list and its canonical form. */
    @Setup
    public void setUp() throws Exception {
        TrustListFixtures f = TrustListFixtures.get();
        list = f.large(600).unsigned();
        org.apache.xml.security.Init.init();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(StreamCanonicalizer.EXCLUSIVE).canonicalizeSubtree(XMLUtils.read(new ByteArrayInputStream(list), true), out);
        canonical = out.toByteArray();
    }

    /** @return the digest */
    @Benchmark
    public byte[] digestStreebog() {
        return Streebog.of256().digest(canonical);
    }

    /** @return the digest */
    @Benchmark
    public byte[] digestBouncyCastle() throws Exception {
        return MessageDigest.getInstance("GOST3411-2012-256", Providers.bouncyCastle()).digest(canonical);
    }

    /** @return the octets written */
    @Benchmark
    public long canonicalStreamed() throws Exception {
        Counting out = new Counting();
        StreamCanonicalizer c14n = StreamCanonicalizer.of(StreamCanonicalizer.EXCLUSIVE, null, out);
        XMLStreamReader r = SecureXml.streamFactory().createXMLStreamReader(new ByteArrayInputStream(list));
        while (r.hasNext()) {
            r.next();
            c14n.event(r);
        }
        c14n.finish();
        return out.count;
    }

    /** @return the octets written */
    @Benchmark
    public long canonicalSantuarioDom() throws Exception {
        Counting out = new Counting();
        Canonicalizer.getInstance(StreamCanonicalizer.EXCLUSIVE).canonicalizeSubtree(XMLUtils.read(new ByteArrayInputStream(list), true), out);
        return out.count;
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
