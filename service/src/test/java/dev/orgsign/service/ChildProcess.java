package dev.orgsign.service;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ChildService} JVM started from this test's class path. */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private ChildProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static ChildProcess start(Path data, String jdbcUrl, int workers, int leaseSeconds, Path log) throws Exception {
        return start(data, jdbcUrl, workers, leaseSeconds, log, null);
    }

    /** @param operatorKeys a file of operator key hashes, or null */
    static ChildProcess start(Path data, String jdbcUrl, int workers, int leaseSeconds, Path log, Path operatorKeys)
            throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp, ChildService.class.getName(), data.toString(),
                TestMaterial.DIR.resolve("trust").toString(), TestMaterial.DIR.resolve("crl").toString(),
                TestMaterial.DIR.resolve("registry/utf-8").toString(), jdbcUrl == null ? "-" : jdbcUrl,
                Integer.toString(workers), Integer.toString(leaseSeconds)));
        if (operatorKeys != null) {
            cmd.add(operatorKeys.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("The child service exited with " + p.waitFor() + "; see " + log);
            }
            int at = line.indexOf(" listening on ");
            if (at >= 0) {
                String rest = line.substring(at + " listening on ".length());
                return new ChildProcess(p, URI.create(rest.substring(0, rest.indexOf(' '))));
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("The child service did not start in time; see " + log);
    }

    URI uri() {
        return uri;
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the service shuts down gracefully. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
