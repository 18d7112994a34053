package dev.orgsign.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, said in the reader's language: the usual file-system failures
 * (no such file, permission denied, not a folder, disk full, read-only) have sentences of their
 * own; anything else is the JDK's own text, which is English.
 */
public final class IoFailures {
    private static final Texts T = Texts.of(IoFailures.class);

    private IoFailures() {
    }

    /**
     * The reason of an I/O failure.
     *
     * @param e the failure
     * @return a short clause such as "permission denied" / "нет прав доступа"
     */
    public static Text reason(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return T.text("io.noSuchFile", f.getFile());
        }
        if (e instanceof AccessDeniedException f) {
            return T.text("io.accessDenied", f.getFile());
        }
        if (e instanceof NotDirectoryException f) {
            return T.text("io.notDirectory", f.getFile());
        }
        if (e instanceof FileAlreadyExistsException f) {
            return T.text("io.exists", f.getFile());
        }
        if (e instanceof DirectoryNotEmptyException f) {
            return T.text("io.notEmpty", f.getFile());
        }
        String detail = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        String lower = String.valueOf(detail).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return T.text("io.diskFull");
        }
        if (lower.contains("read-only file system")) {
            return T.text("io.readOnly");
        }
        if (lower.contains("permission denied")) {
            return T.text("io.accessDenied", e instanceof FileSystemException f ? f.getFile() : "");
        }
        return Text.quoted(String.valueOf(detail));
    }
}
