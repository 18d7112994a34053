package dev.orgsign.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a submission's time goes in the service: reads a JDK Flight Recorder file made over
 * {@link ServiceThroughputBenchmark} and prints the service's stage events ({@code dev.orgsign.Stage}:
 * count, mean, p50, p99 and summed wall time per stage) and the CPU samples by thread (who) and by
 * the library on top of the stack (what).
 *
 * <pre>
 * java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main -f 1 -wi 2 -i 4 -p store=h2 \
 *     -jvmArgsAppend "-XX:StartFlightRecording=filename=/tmp/service.jfr,settings=profile" ServiceThroughputBenchmark.serviceOverHttp
 * java -cp "bench/target/classes:bench/target/lib/*" dev.orgsign.bench.StageBreakdown /tmp/service.jfr
 * </pre>
 */
public final class StageBreakdown {
    /** Top-of-stack packages and what they are, most specific first. */
    private static final String[][] LIBRARIES = {
            {"org.bouncycastle.", "crypto: BouncyCastle"},
            {"sun.security.", "crypto: JDK"},
            {"java.security.", "crypto: JDK"},
            {"org.h2.", "H2"},
            {"org.postgresql.", "PostgreSQL driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"org.eclipse.jetty.", "Jetty"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"org.erdtman.", "JSON canonicalization"},
            {"jdk.internal.net.http.", "JDK HttpClient"},
            {"java.net.http.", "JDK HttpClient"},
            {"dev.orgsign.core.payload.", "orgsign payload"},
            {"dev.orgsign.core.verify.", "orgsign verifier"},
            {"dev.orgsign.core.", "orgsign core"},
            {"dev.orgsign.service.", "orgsign service"},
            {"dev.orgsign.bench.", "benchmark"},
            {"jakarta.mail.", "Jakarta Mail"},
            {"sun.nio.", "NIO / sockets"},
            {"java.nio.", "NIO / sockets"},
            {"java.util.regex.", "regex"},
    };

    private StageBreakdown() {
    }

    /** @param args the recording file */
    public static void main(String[] args) throws Exception {
        Map<String, List<Long>> stages = new TreeMap<>();
        Map<String, Long> items = new TreeMap<>();
        Map<String, Map<String, Integer>> samples = new TreeMap<>();
        int allSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("dev.orgsign.Stage")) {
                String stage = e.getString("stage");
                stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(e.getDuration().toNanos());
                items.merge(stage, (long) e.getInt("items"), Long::sum);
            } else if (type.equals("jdk.ExecutionSample")) {
                RecordedThread t = e.getThread("sampledThread");
                String who = threadGroup(t == null ? null : t.getJavaName());
                samples.computeIfAbsent(who, k -> new TreeMap<>()).merge(library(e.getStackTrace()), 1, Integer::sum);
                allSamples++;
            }
        }
        System.out.printf("%-16s %8s %8s %10s %9s %9s %9s%n", "stage", "events", "items", "sum ms", "mean µs", "p50 µs", "p99 µs");
        for (Map.Entry<String, List<Long>> s : stages.entrySet()) {
            List<Long> d = s.getValue();
            Collections.sort(d);
            long sum = d.stream().mapToLong(Long::longValue).sum();
            System.out.printf("%-16s %8d %8d %10.0f %9.0f %9.0f %9.0f%n", s.getKey(), d.size(), items.get(s.getKey()),
                    sum / 1e6, sum / 1e3 / d.size(), d.get(d.size() / 2) / 1e3, d.get(Math.min(d.size() - 1,
                            (int) Math.ceil(d.size() * 0.99) - 1)) / 1e3);
        }
        System.out.printf("%nCPU samples: %d%n", allSamples);
        for (Map.Entry<String, Map<String, Integer>> w : samples.entrySet()) {
            int n = w.getValue().values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder what = new StringBuilder();
            w.getValue().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                    .forEach(l -> what.append(what.length() > 0 ? ", " : "").append(l.getKey()).append(' ')
                            .append(Math.round(100.0 * l.getValue() / n)).append('%'));
            System.out.printf("%-22s %5.1f %% of samples: %s%n", w.getKey(), 100.0 * n / Math.max(1, allSamples), what);
        }
    }

    /** The kind of thread: the service's workers and HTTP threads, the benchmark's client, the rest. */
    static String threadGroup(String name) {
        if (name == null) {
            return "(unknown)";
        }
        if (name.startsWith("orgsign-worker")) {
            return "service workers";
        }
        if (name.startsWith("orgsign-http")) {
            return "service HTTP";
        }
        if (name.startsWith("orgsign-")) {
            return "service other";
        }
        if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
            return "bench client";
        }
        if (name.contains("jmh")) {
            return "bench JMH thread";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC") || name.startsWith("G1")) {
            return "JVM (JIT, GC)";
        }
        return "other: " + name.replaceAll("[-#]?\\d+", "");
    }

    /** The first frame from the top whose package is a known library. */
    static String library(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            for (String[] l : LIBRARIES) {
                if (type.startsWith(l[0])) {
                    return l[1];
                }
            }
        }
        return "JDK other";
    }
}
