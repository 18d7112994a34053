package dev.orgsign.testcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world artefacts that other projects and tools made (signatures by CryptoPro, ViPNet, EU
 * DSS, roots of the Russian PKI), kept outside the repository in {@code ../shared/realworld/}
 * relative to its root and read from there, never copied in. A missing folder fails the test that
 * asks for it, naming the path.
 */
public final class RealWorld {
    private RealWorld() {
    }

    /** The folder {@code ../shared/realworld} beside the repository root (the nearest folder up holding {@code .ci/run}). */
    public static Path dir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(".ci/run"))) {
                Path shared = d.resolve("../shared/realworld").normalize();
                if (!Files.isDirectory(shared)) {
                    throw new IllegalStateException("The real-world test files are missing: " + shared
                            + " does not exist (it lies beside the repository, see its README).");
                }
                return shared;
            }
        }
        throw new IllegalStateException("No repository root (a folder with .ci/run) above " + start);
    }

    /** A file under {@link #dir()}, e.g. {@code signatures/ber/vipnet-detached.p7s}; fails when it is missing. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("The real-world test file " + f + " is missing.");
        }
        return f;
    }

    /** Every signature under {@code signatures/} ({@code .p7s}, {@code .sig}), sorted. */
    public static List<Path> signatures() {
        try (Stream<Path> s = Files.walk(dir().resolve("signatures"))) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".p7s") || p.toString().endsWith(".sig"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("The real-world signatures cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * The content a detached real-world signature signed: the file beside it without the signature's
     * extension ({@code test.txt} for {@code test.txt.p7s}), or {@code NAME.content.txt} for {@code NAME.p7s};
     * null when there is none (an attached signature).
     */
    public static Path contentOf(Path signature) {
        String name = signature.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        Path plain = signature.resolveSibling(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path text = signature.resolveSibling(base + ".content.txt");
        return Files.isRegularFile(text) ? text : null;
    }
}
