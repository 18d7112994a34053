package dev.orgsign.testcerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code openssl} binary, for interoperability tests: {@code openssl cms -verify} of our
 * signatures and {@code openssl cms -sign -cades} of signatures our verifier must accept. GOST
 * needs the gost engine (Debian package {@code libengine-gost-openssl}). When the binary or the
 * engine is missing, {@link #require()} / {@link #requireGost()} fail with a message that names
 * the package to install ({@code scripts/setup} installs both).
 */
public final class OpenSsl {
    private final String binary;
    /** A command that runs openssl at another time ({@code faketime}), or empty. */
    private final List<String> prefix;

    /** The outcome of one openssl run. */
    public record Run(int exitCode, String output) {
        /** Whether openssl exited with 0. */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private OpenSsl(String binary) {
        this(binary, List.of());
    }

    private OpenSsl(String binary, List<String> prefix) {
        this.prefix = List.copyOf(prefix);
        this.binary = binary;
    }

    /** The openssl on the PATH; fails naming the package when there is none. */
    public static OpenSsl require() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "openssl");
            if (Files.isExecutable(p)) {
                return new OpenSsl(p.toString());
            }
        }
        throw new IllegalStateException("The openssl binary is not installed: install the Debian package 'openssl' "
                + "(scripts/setup does).");
    }

    /** The openssl on the PATH with the gost engine loadable; fails naming the package when it is not. */
    public static OpenSsl requireGost() {
        OpenSsl o = require();
        Run r = o.run(Path.of("."), "engine", "gost", "-t");
        if (!r.ok() || !r.output().contains("available")) {
            throw new IllegalStateException("The OpenSSL GOST engine is not installed: install the Debian package "
                    + "'libengine-gost-openssl' (scripts/setup does). openssl said: " + r.output().strip());
        }
        return o;
    }

    /**
     * This openssl run as if the clock showed {@code ago} earlier (libfaketime's {@code faketime}, Debian
     * package {@code faketime}): what it stamps or signs carries that time.
     *
     * @param ago how far back
     * @return the backdated openssl
     * @throws IllegalStateException when faketime is not installed
     */
    public OpenSsl backdated(Duration ago) {
        try {
            Process p = new ProcessBuilder("faketime", "-f", "-" + ago.toSeconds(), "true").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("faketime does not run: install the Debian package 'faketime' (scripts/setup does).");
            }
        } catch (IOException e) {
            throw new IllegalStateException("faketime is not installed: install the Debian package 'faketime' (scripts/setup does).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new OpenSsl(binary, List.of("faketime", "-f", "-" + ago.toSeconds()));
    }

    /** Runs {@code openssl args...} in {@code dir} with a one-minute limit. */
    public Run run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(binary);
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "openssl timed out: " + String.join(" ", cmd));
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, "openssl could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }

    /**
     * {@code openssl cms -verify} of a detached DER signature over {@code content}, trusting {@code caFile}.
     *
     * @param gost whether to load the gost engine
     */
    public Run cmsVerify(Path dir, Path signature, Path content, Path caFile, boolean gost) {
        List<String> args = new ArrayList<>(List.of("cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", content.toString(), "-CAfile", caFile.toString(), "-out", dir.resolve("openssl-verified.out").toString()));
        if (gost) {
            args.addAll(1, List.of("-engine", "gost"));
        }
        return run(dir, args.toArray(String[]::new));
    }

    /**
     * {@code openssl cms -sign -cades -binary -outform DER} (detached) of {@code content} with a PEM
     * certificate and key, the certificates in {@code chainPem} added (they must not repeat the signer).
     *
     * @param digest  the digest name for {@code -md} (sha256, md_gost12_256, md_gost12_512)
     * @param options further options, e.g. {@code -stream} (BER with indefinite lengths), {@code -nodetach}
     *                (the content inside), {@code -outform PEM}
     * @return the signature as openssl wrote it
     */
    public byte[] cmsSign(Path dir, Path content, Path certPem, Path keyPem, Path chainPem, String digest, boolean gost,
                          String... options) throws IOException {
        Path out = Files.createTempFile(dir, "openssl-", ".p7s");
        List<String> args = new ArrayList<>(List.of("cms", "-sign", "-cades", "-binary", "-outform", "DER",
                "-in", content.toString(), "-signer", certPem.toString(), "-inkey", keyPem.toString(),
                "-certfile", chainPem.toString(), "-md", digest, "-out", out.toString()));
        args.addAll(List.of(options));
        if (gost) {
            args.addAll(1, List.of("-engine", "gost"));
        }
        Run r = run(dir, args.toArray(String[]::new));
        if (!r.ok()) {
            throw new IOException("openssl cms -sign failed: " + r.output());
        }
        return Files.readAllBytes(out);
    }

    /**
     * {@code openssl ts -verify} of a timestamp token (DER) over the bytes of {@code data}, trusting
     * {@code caFile}, with {@code untrusted} as further certificates (the TSA's issuers). The imprint is
     * computed by {@code openssl dgst} with the gost engine ({@code ts -verify -data} of OpenSSL 3 fetches
     * digests from providers only, which do not include the engine's GOST R 34.11-2012) and handed over
     * with {@code -digest}.
     *
     * @param digest the imprint's digest as openssl names it: sha256, md_gost12_256, ...
     */
    public Run tsVerify(Path dir, Path token, Path data, String digest, Path caFile, Path untrusted) {
        Run hash = run(dir, "dgst", "-engine", "gost", "-" + digest, "-r", data.toString());
        if (!hash.ok()) {
            return hash;
        }
        String hex = null;
        for (String line : hash.output().split("\\R")) {
            if (line.matches("[0-9a-f]{32,128} .*")) {
                hex = line.substring(0, line.indexOf(' '));
            }
        }
        if (hex == null) {
            return new Run(-1, "openssl dgst gave no digest: " + hash.output());
        }
        return run(dir, "ts", "-verify", "-engine", "gost", "-token_in", "-in", token.toString(), "-digest", hex,
                "-CAfile", caFile.toString(), "-untrusted", untrusted.toString());
    }
}
