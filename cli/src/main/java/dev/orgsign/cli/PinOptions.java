package dev.orgsign.cli;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.PinCallbacks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The PIN options of docs/design.md: {@code --pin} (asked on the terminal without echo),
 * {@code --pin-env VAR}, {@code --pin-file FILE}, {@code --allow-final-try}. There is
 * deliberately no option that takes the PIN itself: a command line is visible to every user of
 * the machine and lands in shell histories.
 */
public final class PinOptions {
    @Option(names = "--pin", descriptionKey = "opt.pin")
    boolean prompt;

    @Option(names = "--pin-env", paramLabel = "VAR", descriptionKey = "opt.pinEnv")
    String pinEnv;

    @Option(names = "--pin-file", paramLabel = "FILE", descriptionKey = "opt.pinFile")
    Path pinFile;

    @Option(names = "--allow-final-try", descriptionKey = "opt.allowFinalTry")
    boolean allowFinalTry;

    /**
     * These options as a picocli mixin built in code (the start-up path, see {@link Models}).
     *
     * @return the mixin, bound to this object's fields
     */
    public CommandSpec mixin() {
        CommandSpec m = CommandSpec.wrapWithoutInspection(this);
        m.addOption(Models.option(boolean.class, () -> prompt, v -> prompt = v, "opt.pin", "--pin")
                .paramLabel("<prompt>").build());
        m.addOption(Models.option(String.class, () -> pinEnv, v -> pinEnv = v, "opt.pinEnv", "--pin-env")
                .paramLabel("VAR").build());
        m.addOption(Models.option(Path.class, () -> pinFile, v -> pinFile = v, "opt.pinFile", "--pin-file")
                .paramLabel("FILE").build());
        m.addOption(Models.option(boolean.class, () -> allowFinalTry, v -> allowFinalTry = v, "opt.allowFinalTry",
                "--allow-final-try").paramLabel("<allowFinalTry>").build());
        return m;
    }

    /**
     * Whether the PIN is to be asked on the terminal.
     *
     * @return true when {@code --pin} was given or no other source was
     */
    public boolean fromTerminal() {
        return prompt || (pinEnv == null && pinFile == null);
    }

    /**
     * Whether {@code --allow-final-try} was given.
     *
     * @return true when the final try may be used
     */
    public boolean allowFinalTry() {
        return allowFinalTry;
    }

    /**
     * The callback that supplies the PIN once. Each call returns a fresh array the caller wipes.
     *
     * @param terminal  where to ask when the PIN comes from the terminal
     * @param messages  the language of prompts and errors
     * @param mayAsk    whether asking is allowed at all (false with {@code --json})
     * @return the callback
     * @throws OrgsignException USAGE when more than one PIN source was given
     */
    public PinCallback callback(Terminal terminal, Messages messages, boolean mayAsk) throws OrgsignException {
        int sources = (prompt ? 1 : 0) + (pinEnv != null ? 1 : 0) + (pinFile != null ? 1 : 0);
        if (sources > 1) {
            throw new OrgsignException(ErrorCode.USAGE, messages.get("pin.oneSource"));
        }
        if (pinEnv != null) {
            return request -> {
                char[] value = PinCallbacks.environmentValue(pinEnv); // never a String, see there
                if (value == null || value.length == 0) {
                    throw new OrgsignException(ErrorCode.PIN_MISSING, messages.get("pin.envMissing", pinEnv));
                }
                return value;
            };
        }
        if (pinFile != null) {
            return request -> readFile(pinFile, messages);
        }
        return request -> {
            if (!terminal.interactive() || !mayAsk) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, messages.get("pin.noTerminal"));
            }
            char[] pin = terminal.readPassword(messages.get(request.countLow() ? "pin.promptCountLow" : "pin.prompt",
                    request.tokenDescription()));
            if (pin == null || pin.length == 0) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, messages.get("pin.none"));
            }
            return pin;
        };
    }

    private static char[] readFile(Path file, Messages messages) throws OrgsignException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.PIN_MISSING, messages.get("pin.fileUnreadable", file), e);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                end--;
            }
            char[] pin = new char[end];
            chars.get(pin, 0, end);
            Arrays.fill(chars.array(), '\0');
            if (pin.length == 0) {
                throw new OrgsignException(ErrorCode.PIN_MISSING, messages.get("pin.fileEmpty", file));
            }
            return pin;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
