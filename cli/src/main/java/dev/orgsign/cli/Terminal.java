package dev.orgsign.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * The person at the keyboard, when there is one: the wizard and the PIN prompt talk through
 * this. Without a terminal (a pipe, CI, a test) nothing is ever asked.
 */
public interface Terminal {
    /**
     * Whether a person can be asked.
     *
     * @return true when standard input and output are a terminal
     */
    boolean interactive();

    /**
     * Shows {@code prompt} and reads one line.
     *
     * @param prompt what to show
     * @return the line, or {@code null} at end of input
     */
    String readLine(String prompt);

    /**
     * Shows {@code prompt} and reads a secret without echo.
     *
     * @param prompt what to show
     * @return the secret (the caller wipes it), or {@code null} at end of input
     */
    char[] readPassword(String prompt);

    /**
     * The process's terminal, read and written in {@code charset}. When the console's own charset
     * differs (a shell without LANG says US-ASCII), prompts go to standard output in
     * {@code charset} and lines are read from standard input in it, so that a Russian prompt and
     * a Russian answer ("нет") survive; a PIN is still read without echo by the console.
     *
     * @param charset the terminal's charset, as {@code Orgsign.outputCharset()} chose it
     * @return {@link System#console()}, or a terminal that is not interactive
     */
    static Terminal system(Charset charset) {
        Console console = System.console();
        if (console == null) {
            return none();
        }
        // own reader only when the console's charset cannot be trusted with Cyrillic
        BufferedReader own = console.charset().equals(charset) ? null
                : new BufferedReader(new InputStreamReader(System.in, charset));
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine(String prompt) {
                if (own == null) {
                    return console.readLine("%s", prompt);
                }
                System.out.print(prompt);
                System.out.flush();
                try {
                    return own.readLine();
                } catch (IOException e) {
                    return null;
                }
            }

            @Override
            public char[] readPassword(String prompt) {
                if (own == null) {
                    return console.readPassword("%s", prompt);
                }
                System.out.print(prompt);
                System.out.flush();
                return console.readPassword();
            }
        };
    }

    /**
     * A terminal that is not there.
     *
     * @return a terminal that asks nothing
     */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }
        };
    }
}
