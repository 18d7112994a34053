package dev.orgsign.cli;

import dev.orgsign.cli.commands.CertsCommand;
import dev.orgsign.cli.commands.CheckCommand;
import dev.orgsign.cli.commands.CompletionCommand;
import dev.orgsign.cli.commands.DemoCommand;
import dev.orgsign.cli.commands.ServeCommand;
import dev.orgsign.cli.commands.StatusCommand;
import dev.orgsign.cli.commands.SubmitCommand;
import dev.orgsign.cli.commands.RegisterCommand;
import dev.orgsign.cli.commands.TokensCommand;
import dev.orgsign.cli.commands.VerifyCommand;
import dev.orgsign.core.OrgsignException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code orgsign} command: picocli subcommands, each a thin mapping of options onto one
 * library call. {@link #run(String[], Terminal, PrintWriter, PrintWriter)} is the whole
 * command as a function (arguments and terminal in, exit code out), which is what tests call.
 */
@Command(name = "orgsign", mixinStandardHelpOptions = true, versionProvider = Orgsign.Version.class,
        resourceBundle = Messages.BUNDLE, sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {TokensCommand.class, CertsCommand.class, CheckCommand.class, RegisterCommand.class,
                VerifyCommand.class, SubmitCommand.class, StatusCommand.class, ServeCommand.class, DemoCommand.class,
                CompletionCommand.class})
public final class Orgsign implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, descriptionKey = "opt.verbose")
    boolean verbose;

    @Option(names = "--lang", paramLabel = "ru|en", scope = ScopeType.INHERIT, descriptionKey = "opt.lang")
    String lang;

    private final Terminal terminal;
    private final Messages messages;

    private Orgsign(Terminal terminal, Messages messages) {
        this.terminal = terminal;
        this.messages = messages;
    }

    /** The terminal of this run (not interactive in tests and pipes). */
    public Terminal terminal() {
        return terminal;
    }

    /** The language of this run. */
    public Messages messages() {
        return messages;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point of the launcher. */
    public static void main(String[] args) {
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = run(args, Terminal.system(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command.
     *
     * @return the exit code of DESIGN.md
     */
    public static int run(String[] args, Terminal terminal, PrintWriter out, PrintWriter err) {
        Locale previous = Locale.getDefault();
        Messages messages = Messages.of(Messages.resolve(langOf(args)));
        Locale.setDefault(messages.locale());
        try {
            Orgsign root = new Orgsign(terminal, messages);
            CommandLine cl = new CommandLine(root);
            cl.setOut(out);
            cl.setErr(err);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setExecutionExceptionHandler(new ErrorReporter(root));
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println(messages.get("error.usage", ex.getMessage()));
                err.flush();
                return 2;
            });
            return cl.execute(args);
        } finally {
            Locale.setDefault(previous);
        }
    }

    private static String langOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return null;
    }

    /** Prints an error as the person (or script) needs it and maps it to the exit code. */
    static final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
        private final Orgsign root;

        ErrorReporter(Orgsign root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            Messages m = root.messages;
            boolean json = cl.getCommand() instanceof JsonOutput j && j.json();
            PrintWriter err = cl.getErr();
            int exit;
            String code;
            String text;
            if (ex instanceof OrgsignException oe) {
                exit = oe.exitCode();
                code = oe.code().name();
                String lead = m.russian() && m.has("error." + code) ? m.get("error." + code) : null;
                text = lead == null ? oe.getMessage() : lead + " (" + oe.getMessage() + ")";
            } else {
                exit = 1;
                code = "INTERNAL";
                text = m.get("error.internal", ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            if (json) {
                java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
                o.put("error", code);
                o.put("message", text);
                cl.getOut().println(Json.write(o));
                cl.getOut().flush();
            } else {
                err.println(m.get("error.prefix") + " " + text);
            }
            if (root.verbose) {
                ex.printStackTrace(err);
            } else if (exit == 1) {
                err.println(m.get("error.verboseHint"));
            }
            err.flush();
            return exit;
        }
    }

    /** The version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Orgsign.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"orgsign " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
