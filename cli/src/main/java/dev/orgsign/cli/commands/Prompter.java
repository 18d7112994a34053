package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.cli.Terminal;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The wizard's questions on a terminal: numbered choices, text with a default, yes/no. */
final class Prompter {
    /** Checks a typed value; returns null when it is fine, else the sentence to show. */
    interface Check {
        String problem(String value);
    }

    private static final java.util.Set<String> YES = java.util.Set.of("y", "yes", "д", "да");
    private static final java.util.Set<String> NO = java.util.Set.of("n", "no", "н", "нет");

    private final Terminal terminal;
    private final PrintWriter out;
    private final Messages m;

    Prompter(Terminal terminal, PrintWriter out, Messages m) {
        this.terminal = terminal;
        this.out = out;
        this.m = m;
    }

    PrintWriter out() {
        return out;
    }

    /** Asks for a number 1..options.size(); returns the 0-based index. */
    int choose(String question, List<String> options, int defaultIndex) throws OrgsignException {
        out.println(question);
        for (int i = 0; i < options.size(); i++) {
            out.print(options.get(i).startsWith(" ") ? options.get(i) : String.format(Locale.ROOT, "%2d. %s%n", i + 1, options.get(i)));
        }
        out.flush();
        while (true) {
            String line = read(m.get("ask.number", options.size())
                    + (defaultIndex >= 0 ? " [" + (defaultIndex + 1) + "]" : "") + ": ");
            if (line.isBlank() && defaultIndex >= 0) {
                return defaultIndex;
            }
            try {
                int n = Integer.parseInt(line.trim());
                if (n >= 1 && n <= options.size()) {
                    return n - 1;
                }
            } catch (NumberFormatException ignored) {
                // asked again below
            }
            out.println(m.get("ask.badNumber", options.size()));
            out.flush();
        }
    }

    /** Asks for text; an empty answer takes {@code def} (when not null). */
    String text(String question, String def, boolean optional, Check check) throws OrgsignException {
        while (true) {
            String line = read(question + (def != null ? " [" + def + "]" : optional ? " " + m.get("ask.optional") : "") + ": ").trim();
            String value = line.isEmpty() ? def : line;
            if (value == null || value.isEmpty()) {
                if (optional) {
                    return null;
                }
                out.println(m.get("ask.required"));
                out.flush();
                continue;
            }
            String problem = check == null ? null : check.problem(value);
            if (problem == null) {
                return value;
            }
            out.println(problem);
            out.flush();
        }
    }

    /**
     * Asks yes or no: y, yes, д, да are yes; n, no, н, нет are no; Enter is no (the default); any
     * other answer is asked again, so that a typo never signs or cancels by accident.
     */
    boolean confirm(String question) throws OrgsignException {
        while (true) {
            String line = read(question + " " + m.get("ask.yesNo") + " ").strip().toLowerCase(Locale.ROOT);
            if (YES.contains(line)) {
                return true;
            }
            if (line.isEmpty() || NO.contains(line)) {
                return false;
            }
            out.println(m.get("ask.yesOrNo"));
            out.flush();
        }
    }

    private String read(String prompt) throws OrgsignException {
        out.flush();
        String line = terminal.readLine(prompt);
        if (line == null) {
            throw new OrgsignException(ErrorCode.CANCELLED, m.get("ask.eof"));
        }
        return line;
    }
}
