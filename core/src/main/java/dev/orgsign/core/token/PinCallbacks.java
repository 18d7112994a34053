package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ready-made {@link PinCallback}s for programs without a terminal: the PIN from an environment
 * variable or from the first line of a file. Never from a command-line value, which other users
 * of the machine can read in the process list.
 */
public final class PinCallbacks {
    private static final Texts T = Texts.of(OrgsignException.class);

    private PinCallbacks() {
    }

    /**
     * The PIN held in the environment variable {@code name}, read when the token asks for it.
     *
     * @param name the variable, for example {@code ORGSIGN_PIN}
     * @return a callback that fails with PIN_MISSING when the variable is unset or empty
     */
    public static PinCallback environment(String name) {
        return request -> {
            char[] value = environmentValue(name);
            if (value == null || value.length == 0) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, T.text("pin.envMissing", request.token(), name));
            }
            return value;
        };
    }

    /**
     * The value of the environment variable {@code name} as characters the caller wipes, without
     * making a {@code String} of it: on Linux it is read from {@code /proc/self/environ} (the
     * environment the process started with, which is the one {@link System#getenv} reports; the
     * JDK keeps its own copy of that once anything calls {@code getenv}, which orgsign cannot
     * wipe); elsewhere from {@link System#getenv}.
     *
     * @param name the variable
     * @return its value, or {@code null} when it is not set
     */
    public static char[] environmentValue(String name) {
        Path environ = Path.of("/proc/self/environ");
        if (!Files.isReadable(environ)) {
            String value = System.getenv(name);
            return value == null ? null : value.toCharArray();
        }
        byte[] all;
        try {
            all = Files.readAllBytes(environ);
        } catch (IOException e) {
            String value = System.getenv(name);
            return value == null ? null : value.toCharArray();
        }
        try {
            byte[] key = (name + "=").getBytes(StandardCharsets.UTF_8);
            int start = 0;
            while (start < all.length) {
                int end = start;
                while (end < all.length && all[end] != 0) {
                    end++;
                }
                if (end - start >= key.length && Arrays.equals(all, start, start + key.length, key, 0, key.length)) {
                    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(all, start + key.length,
                            end - start - key.length));
                    char[] value = new char[chars.remaining()];
                    chars.get(value);
                    Arrays.fill(chars.array(), '\0');
                    return value;
                }
                start = end + 1;
            }
            return null;
        } finally {
            Arrays.fill(all, (byte) 0);
        }
    }

    /**
     * The PIN on the first line of {@code file} (a trailing line break is not part of it).
     *
     * @param file a file readable only by its owner, ideally
     * @return a callback that fails with PIN_MISSING when the file cannot be read or is empty
     */
    public static PinCallback file(Path file) {
        return request -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, T.text("pin.fileUnreadable", file), e);
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
                int end = 0;
                while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                    end++;
                }
                char[] pin = new char[end];
                chars.get(pin, 0, end);
                Arrays.fill(chars.array(), '\0');
                if (pin.length == 0) {
                    throw new OrgsignException(ErrorCode.PIN_MISSING, T.text("pin.fileEmpty", file));
                }
                return pin;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        };
    }
}
