package dev.orgsign.testcerts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real-world artefacts shared beside the repository ({@code ../shared/realworld}: FNS
 * register files, the official XSDs, real signatures, the ministry's roots). Tests read them where
 * they are and never copy them. The folder is looked for above the working directory; the
 * environment variable {@code ORGSIGN_REALWORLD} names it explicitly.
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

    /**
     * @param relative a path inside the folder, e.g. "registers/egrul-2025-11-02-daily.xml"
     * @return the path
     */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("The real-world file " + p + " is missing.");
        }
        return p;
    }
}
