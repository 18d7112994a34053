package dev.orgsign.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs a sample's {@code main} the way a user does: in a JVM of its own, with its own
 * environment (the PIN variables) and exit code. SOFTHSM2_CONF is inherited from the test JVM.
 */
final class SampleProcess {
    private SampleProcess() {
    }

    /** What a sample printed and how it exited. */
    record Result(int exitCode, String out, String err) {
        /** Fails when the sample leaked a stack trace instead of a sentence. */
        Result withoutStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "a stack trace leaked:\n" + err);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(Class<?> sample, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), sample.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("sample-out-", ".txt");
        Path err = Files.createTempFile("sample-err-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("ORGSIGN_PIN");
            pb.environment().remove("ORGSIGN_KEYSTORE_PASSWORD");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(sample.getSimpleName() + " did not finish within 180 s");
            }
            Result result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            System.out.println("=== " + sample.getSimpleName() + " " + String.join(" ", args) + "\n" + result);
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
