package dev.orgsign.bench;

import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loading a register folder of 100,000 organizations (100 windows-1251 EGRUL files of 1,000
 * documents) by streaming. Time per load; the retained heap of the loaded registry is printed
 * at tear-down (heap after a full GC with the registry held, minus the heap before loading).
 * Baseline in the same run: the time to read the same bytes from disk without parsing.
 *
 * <pre>scripts/bench RegisterLoadBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RegisterLoadBenchmark {
    @Param({"100000"})
    public int organizations;

    private Path dir;
    private Registry last;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = GeneratedRegister.write(Files.createTempDirectory("orgsign-register-"), organizations);
    }

    @Benchmark
    public Registry loadRegisterFolder() throws Exception {
        last = FnsExtractRegistry.load(dir);
        if (last.size() != organizations || last.legalEntity(GeneratedRegister.ogrn(organizations / 2)).isEmpty()) {
            throw new IllegalStateException("register loaded wrong: " + last.size());
        }
        return last;
    }

    @Benchmark
    public long baselineReadBytesOnly() throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                total += Files.readAllBytes(f).length;
            }
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void measureHeapAndClean() throws Exception {
        if (last != null) {
            int records = last.size();
            long held = usedAfterGc();
            last = null;
            long without = usedAfterGc();
            System.out.printf("%nretained heap of a %d-organization registry: %.1f MB (%d records)%n",
                    organizations, (held - without) / 1048576.0, records);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
