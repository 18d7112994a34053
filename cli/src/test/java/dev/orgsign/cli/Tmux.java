package dev.orgsign.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real terminal: a tmux server of its own (own socket), one session running a shell command,
 * keys sent with {@code send-keys}, the screen read with {@code capture-pane}.
 */
final class Tmux implements AutoCloseable {
    private final Path socket;
    private final String session = "orgsign";

    private Tmux(Path socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (a shell command line) in a new 160x50 terminal. */
    static Tmux start(Path dir, String command) throws Exception {
        Tmux t = new Tmux(dir.resolve("tmux.sock"));
        t.tmux("new-session", "-d", "-s", t.session, "-x", "160", "-y", "50", command);
        return t;
    }

    /** Types {@code keys} literally, then Enter. */
    void typeLine(String keys) throws Exception {
        if (!keys.isEmpty()) {
            tmux("send-keys", "-t", session, "-l", keys);
        }
        tmux("send-keys", "-t", session, "Enter");
    }

    /** Presses a key as tmux names it, e.g. {@code C-c} for Ctrl-C. */
    void key(String key) throws Exception {
        tmux("send-keys", "-t", session, key);
    }

    /** The screen and the scroll-back as text. */
    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", session);
    }

    /** Waits until the screen contains {@code text}; fails with the screen after {@code timeout}. */
    String await(String text, Duration timeout) throws Exception {
        return await(text, 1, timeout);
    }

    /** Waits until the screen contains {@code text} {@code times} times (a question asked again). */
    String await(String text, int times, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (count(s, text) >= times) {
                return s;
            }
            Thread.sleep(200);
        }
        fail("'" + text + "' did not appear " + times + " time(s) within " + timeout + ". Screen:\n" + s);
        return s;
    }

    /** How often {@code text} is on {@code screen}. */
    static int count(String screen, String text) {
        int n = 0;
        for (int at = screen.indexOf(text); at >= 0; at = screen.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    private String tmux(String... args) throws Exception {
        // -u: the terminal speaks UTF-8 whatever the test's own locale is (a CI shell may have none)
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " hung");
        }
        assertEquals(0, p.exitValue(), "tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (Exception | AssertionError ignored) {
            // already gone
        }
        Files.deleteIfExists(socket);
    }
}
