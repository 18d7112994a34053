package dev.orgsign.cli.commands;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** File reading and writing with a sentence for each failure. */
final class Files2 {
    /** Files above this size are refused before reading (payloads are tiny; signatures a few KB). */
    static final long MAX = 16L * 1024 * 1024;

    private Files2() {
    }

    static byte[] read(Path file) throws OrgsignException {
        return read(file, MAX, "The file " + file + " is too large to be a registration.");
    }

    /** Reads a file of at most {@code max} bytes (a signed document, an attached signature). */
    static byte[] read(Path file, long max) throws OrgsignException {
        return read(file, max, "The file " + file + " is larger than " + max + " bytes.");
    }

    private static byte[] read(Path file, long max, String tooLarge) throws OrgsignException {
        try {
            if (Files.isDirectory(file)) {
                throw new OrgsignException(ErrorCode.IO, "The path " + file + " is a folder, not a file.");
            }
            if (Files.size(file) > max) {
                throw new OrgsignException(ErrorCode.IO, tooLarge);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OrgsignException(ErrorCode.IO, "The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Writes a file readable by its owner only: what the command writes holds personal data. */
    static void write(Path file, byte[] bytes) throws OrgsignException {
        try {
            PrivateFiles.write(file, bytes);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The file " + file + " could not be written: " + e.getMessage(), e);
        }
    }
}
