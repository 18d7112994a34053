package dev.orgsign.testcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world artefacts that others made — FNS register files and the official XSDs, signatures by
 * CryptoPro, ViPNet, EU DSS, the ministry's roots — kept outside the repository in
 * {@code ../shared/realworld/} beside its root and read from there, never copied in. The folder is
 * looked for above the working directory; the environment variable {@code ORGSIGN_REALWORLD} names it
 * explicitly. A missing folder or file fails the test that asks for it, naming the path.
 */
public final class RealWorld {
    private RealWorld() {
    }

    /** {@return the {@code realworld} folder} @throws IllegalStateException when it is nowhere to be found */
    public static Path root() {
        String explicit = System.getenv("ORGSIGN_REALWORLD");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("realworld");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The shared real-world files (../shared/realworld beside the repository) are "
                + "not found above " + Path.of("").toAbsolutePath() + "; set ORGSIGN_REALWORLD to their folder.");
    }

    /** {@return the {@code realworld} folder} (the same as {@link #root()}) */
    public static Path dir() {
        return root();
    }

    /**
     * @param relative a path inside the folder, e.g. "registers/egrul-2025-11-02-daily.xml"
     * @return the path
     * @throws IllegalStateException when it is missing
     */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("The real-world file " + p + " is missing.");
        }
        return p;
    }

    /**
     * @param relative a file under {@link #dir()}, e.g. {@code signatures/ber/vipnet-detached.p7s}
     * @return the path
     * @throws IllegalStateException when it is missing
     */
    public static Path file(String relative) {
        return path(relative);
    }

    /** {@return every real signature file (.p7s, .sig) under {@code signatures/}, sorted} */
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
     *
     * @param signature a signature file
     * @return its content file, or null
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
