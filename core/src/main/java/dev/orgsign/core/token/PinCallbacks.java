package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;

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
            String value = System.getenv(name);
            if (value == null || value.isEmpty()) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, "The PIN for " + request.tokenDescription()
                        + " was to come from the environment variable " + name + ", which is not set.");
            }
            return value.toCharArray();
        };
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
                throw new OrgsignException(ErrorCode.PIN_MISSING, "The PIN file " + file + " cannot be read.", e);
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
                    throw new OrgsignException(ErrorCode.PIN_MISSING, "The PIN file " + file + " is empty.");
                }
                return pin;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        };
    }
}
