package dev.orgsign.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold personal data or keys, readable by their owner only: folders 0700, files 0600
 * on POSIX file systems (elsewhere the folder's own protection applies). Registrations, signatures,
 * receipts, read tokens, the service's database and its keys are written through this.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /**
     * Creates a folder (and missing parents) that only its owner may enter; a folder that exists
     * already is left as it is.
     *
     * @param dir the folder
     * @return {@code dir}
     * @throws IOException when it cannot be created
     */
    public static Path folder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, attributes(dir, FOLDER));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    /**
     * Writes a file readable by its owner only, through a temporary file in the same folder so
     * that a reader never sees half a file; an existing file is replaced.
     *
     * @param file  the file
     * @param bytes its content
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(dir, FILE));
        try {
            Files.write(tmp, bytes);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes an existing folder or file private (0700 / 0600); nothing happens to what does not exist.
     *
     * @param path the folder or file
     * @throws IOException when its permissions cannot be changed
     */
    public static void restrict(Path path) throws IOException {
        if (!Files.exists(path) || !posix(path)) {
            return;
        }
        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
    }

    /**
     * The creation attribute of a private file, for {@code Files.newByteChannel} and the like.
     *
     * @param dir the folder the file goes into
     * @return the 0600 attribute, or none on a file system without POSIX permissions
     */
    public static FileAttribute<?>[] fileAttributes(Path dir) {
        return attributes(dir, FILE);
    }

    private static FileAttribute<?>[] attributes(Path dir, Set<PosixFilePermission> permissions) {
        Path probe = dir.toAbsolutePath();
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe != null && posix(probe) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
