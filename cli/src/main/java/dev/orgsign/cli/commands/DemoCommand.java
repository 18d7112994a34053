package dev.orgsign.cli.commands;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import dev.orgsign.testcerts.softhsm.SoftHsmMissingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code orgsign demo}: a complete registration on this machine with test material. It writes
 * a test PKI and register extracts, provisions a SoftHSM token with the demo LLC head's key,
 * starts the verification service embedded (H2 in the output folder, an ephemeral port), runs
 * {@code orgsign register} against it as a separate process — as an accountant would, with the
 * demo token's PIN handed over in an environment variable — and prints the verdict and where
 * the files and the receipt are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false)
public final class DemoCommand extends BaseCommand {
    /** The demo token's label. */
    static final String TOKEN = "orgsign-demo";
    /** The variable the demo hands the demo token's PIN over in. */
    static final String PIN_VARIABLE = "ORGSIGN_DEMO_PIN";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out", descriptionKey = "opt.demoOut")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = out.toAbsolutePath().normalize();
        step("demo.clean", dir);
        for (String sub : new String[] {"pki", "softhsm", "service", "registration"}) {
            deleteTree(dir.resolve(sub));
        }
        Files.createDirectories(dir);

        step("demo.pki", dir.resolve("pki"));
        TestPki pki = TestPki.get();
        TestPkiWriter.write(pki, dir.resolve("pki"));

        step("demo.token", dir.resolve("softhsm"));
        SoftHsm softHsm;
        try {
            softHsm = SoftHsm.at(dir.resolve("softhsm"));
        } catch (SoftHsmMissingException e) {
            throw new OrgsignException(ErrorCode.MODULE_NOT_FOUND, m().get("demo.noSoftHsm"), e);
        }
        ProvisionedToken token = softHsm.provision(TOKEN, SoftHsm.USER_PIN, pki, EnumSet.of(Persona.LLC_HEAD));

        ServiceConfig config = ServiceConfig.builder().port(0).dataDir(dir.resolve("service"))
                .trust(dir.resolve("pki/trust")).crls(List.of(dir.resolve("pki/crl")))
                .registry(dir.resolve("pki/registry/utf-8")).build();
        try (VerificationServer server = VerificationServer.start(config)) {
            step("demo.service", server.uri());
            List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1"));
            command.addAll(quietRuntimeOptions());
            int first = command.size();
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.orgsign.cli.Orgsign", "register",
                    "--lang", m().locale().getLanguage(),
                    "--type", "LLC", "--ogrn", "1027700132195",
                    "--module", softHsm.libraryPath().toString(), "--token", token.label(), "--key", "llc-head-ec-p256",
                    "--pin-env", PIN_VARIABLE,
                    "--registry", dir.resolve("pki/registry/utf-8").toString(),
                    "--ca", dir.resolve("pki/ca/fns-ca.pem").toString(),
                    "--phone", "+74951234567",
                    "--out", dir.resolve("registration").toString(),
                    "--endpoint", server.uri().toString(), "--wait", "120s"));
            step("demo.register", String.join(" ", command.subList(first + 3, command.size())));
            out().println(m().get("demo.pinNote", PIN_VARIABLE));
            out().flush();
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(softHsm.environment());
            pb.environment().put(PIN_VARIABLE, SoftHsm.USER_PIN);
            Process p = pb.start();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out().println("    " + line);
                    out().flush();
                }
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, m().get("demo.timeout"));
            }
            int exit = p.exitValue();
            out().println();
            out().println(m().get(exit == 0 ? "demo.done" : "demo.failed", exit));
            out().println("  " + m().get("demo.files", dir.resolve("registration")));
            Path receipt = dir.resolve("registration/receipt.pdf");
            if (Files.exists(receipt)) {
                out().println("  " + m().get("demo.receipt", receipt));
            }
            out().println("  " + m().get("demo.pkiAt", dir.resolve("pki")));
            out().println("  " + m().get("demo.serviceAt", dir.resolve("service")));
            out().println("  " + m().get("demo.verifyHint", dir));
            out().flush();
            return exit;
        }
    }

    private void step(String key, Object arg) {
        if (!json) {
            out().println("==> " + m().get(key, arg));
            out().flush();
        }
    }

    /**
     * The options bin/orgsign gives a Java 24+ runtime, so that the child prints no warning about the
     * PKCS#11 wrapper's JNI library or about dependencies' use of sun.misc.Unsafe.
     */
    private static List<String> quietRuntimeOptions() {
        return Runtime.version().feature() >= 24
                ? List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                : List.of();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
