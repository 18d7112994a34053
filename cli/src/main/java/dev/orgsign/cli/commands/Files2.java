package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.IoFailures;
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
        return read(file, MAX, Messages.text("file.tooLarge", file));
    }

    /** Reads a file of at most {@code max} bytes (a signed document, an attached signature). */
    static byte[] read(Path file, long max) throws OrgsignException {
        return read(file, max, Messages.text("file.largerThan", file, max));
    }

    private static byte[] read(Path file, long max, dev.orgsign.core.Text tooLarge) throws OrgsignException {
        try {
            if (Files.isDirectory(file)) {
                throw new OrgsignException(ErrorCode.IO, Messages.text("file.isFolder", file));
            }
            if (Files.size(file) > max) {
                throw new OrgsignException(ErrorCode.IO, tooLarge);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OrgsignException(ErrorCode.IO, Messages.text("file.missing", file), e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, Messages.text("file.unreadable", file, IoFailures.reason(e)), e);
        }
    }

    /** Writes a file readable by its owner only: what the command writes holds personal data. */
    static void write(Path file, byte[] bytes) throws OrgsignException {
        try {
            PrivateFiles.write(file, bytes);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, Messages.text("file.unwritable", file, IoFailures.reason(e)), e);
        }
    }
}
