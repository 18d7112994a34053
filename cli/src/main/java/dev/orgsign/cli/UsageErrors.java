package dev.orgsign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * picocli's parse errors said in the reader's language: picocli words them in English only, so
 * each kind (an unknown command or option, a missing option or value, a value of the wrong type,
 * an option given twice) gets a sentence of our own, with picocli's suggestions for a typo.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /**
     * The sentence for a command line picocli could not parse.
     *
     * @param e    picocli's failure
     * @param m    the language
     * @param args the command line, for the fallback sentence
     * @return the sentence
     */
    static String sentence(CommandLine.ParameterException e, Messages m, String[] args) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u, m);
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return missing(missing, m);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return m.get("usage.twice", name(o.getOverwritten()));
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return m.get("usage.tooMany", String.join(" ", args));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return invalid(e.getArgSpec(), e.getValue(), m);
        }
        return m.get("usage.other", String.join(" ", args));
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, Messages m) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        List<String> suggestions = u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : m.get("usage.didYouMean", String.join(", ", suggestions));
        String key;
        if (u.isUnknownOption() || first.startsWith("-")) {
            key = "usage.unknownOption";
        } else if (u.getCommandLine().getParent() == null && !u.getCommandLine().getSubcommands().isEmpty()) {
            key = "usage.unknownCommand";
        } else {
            key = "usage.unexpected";
        }
        return m.get(key, first, u.getCommandLine().getCommandName()) + hint;
    }

    private static String missing(CommandLine.MissingParameterException e, Messages m) {
        List<ArgSpec> missing = e.getMissing();
        if (missing == null || missing.isEmpty()) {
            return m.get("usage.other", "");
        }
        ArgSpec first = missing.get(0);
        if (first instanceof OptionSpec o && missing.size() == 1 && valueMissing(e)) {
            return m.get("usage.missingValue", o.longestName(), o.paramLabel());
        }
        String names = missing.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
        return m.get(first instanceof PositionalParamSpec ? "usage.missingParameter" : "usage.missingOption", names);
    }

    /**
     * Whether the option was typed without its value (rather than left out): picocli tells the two
     * apart only in its English text, which this pinned version words as below.
     */
    private static boolean valueMissing(CommandLine.MissingParameterException e) {
        String text = String.valueOf(e.getMessage());
        return text.startsWith("Missing required parameter for option") || text.startsWith("Expected parameter for option");
    }

    private static String invalid(ArgSpec spec, String value, Messages m) {
        Class<?> type = spec.auxiliaryTypes().length > 0 && spec.type() == List.class ? spec.auxiliaryTypes()[0] : spec.type();
        String name = name(spec);
        if (type.isEnum()) {
            String choices = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return m.get("usage.invalidChoice", name, value, choices);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return m.get("usage.invalidNumber", name, value);
        }
        if (type == URI.class) {
            return m.get("usage.invalidAddress", name, value);
        }
        if (type == Path.class) {
            return m.get("usage.invalidPath", name, value);
        }
        return m.get("usage.invalidValue", name, value);
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.longestName() + (o.typeInfo().isBoolean() ? "" : " " + o.paramLabel());
        }
        return spec.paramLabel();
    }
}
