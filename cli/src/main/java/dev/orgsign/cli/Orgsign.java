package dev.orgsign.cli;

import dev.orgsign.cli.commands.CertsCommand;
import dev.orgsign.cli.commands.CheckCommand;
import dev.orgsign.cli.commands.CompletionCommand;
import dev.orgsign.cli.commands.DemoCommand;
import dev.orgsign.cli.commands.RegistryCommand;
import dev.orgsign.cli.commands.ServeCommand;
import dev.orgsign.cli.commands.StatusCommand;
import dev.orgsign.cli.commands.SubmitCommand;
import dev.orgsign.cli.commands.RegisterCommand;
import dev.orgsign.cli.commands.TokensCommand;
import dev.orgsign.cli.commands.VerifyCommand;
import dev.orgsign.core.ErrorCode;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Properties;

/**
 * The {@code orgsign} command: picocli subcommands, each a thin mapping of options onto one
 * library call. {@link #run(String[], Terminal, PrintWriter, PrintWriter)} is the whole
 * command as a function (arguments and terminal in, exit code out), which is what tests call.
 */
@Command(name = "orgsign", mixinStandardHelpOptions = true, versionProvider = Orgsign.Version.class,
        resourceBundle = Messages.BUNDLE, sortOptions = false, usageHelpAutoWidth = true)
public final class Orgsign implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, descriptionKey = "opt.verbose")
    boolean verbose;

    @Option(names = "--lang", paramLabel = "ru|en", scope = ScopeType.INHERIT, descriptionKey = "opt.lang")
    String lang;

    private final Terminal terminal;
    private final Messages messages;

    Orgsign(Terminal terminal, Messages messages) {
        this.terminal = terminal;
        this.messages = messages;
    }

    /**
     * The terminal of this run.
     *
     * @return the terminal (not interactive in tests and pipes)
     */
    public Terminal terminal() {
        return terminal;
    }

    /**
     * The language of this run.
     *
     * @return the messages
     */
    public Messages messages() {
        return messages;
    }

    /**
     * This command's model built in code, the same as its annotations describe (the start-up
     * path, see {@link Models}).
     *
     * @return the model, bound to this object
     */
    CommandSpec model() {
        CommandSpec s = CommandSpec.wrapWithoutInspection(this).name("orgsign").versionProvider(new Version())
                .resourceBundleBaseName(Messages.BUNDLE);
        s.usageMessage().sortOptions(false).autoWidth(true);
        s.addOption(Models.option(boolean.class, () -> verbose, v -> verbose = v, "opt.verbose", "-v", "--verbose")
                .paramLabel("<verbose>").scopeType(ScopeType.INHERIT).build());
        s.addOption(Models.option(String.class, () -> lang, v -> lang = v, "opt.lang", "--lang").paramLabel("ru|en")
                .scopeType(ScopeType.INHERIT).build());
        Models.standardHelpOptions(s);
        spec = s;
        return s;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Entry point of the launcher; exits with the command's exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Charset cs = outputCharset();
        // System.out and System.err too: anything printed directly (the service's start line) is then
        // readable, whatever the locale says
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, cs));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, cs));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = run(args, Terminal.system(cs), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The charset to write the terminal in: the console's (or the locale's) when it can write
     * Russian, else UTF-8. A shell without LANG (a fresh container, ssh, cron) says US-ASCII, and
     * every Cyrillic letter would come out as '?'; today's terminals decode UTF-8.
     *
     * @return the charset of standard output and error
     */
    static Charset outputCharset() {
        String stdout = System.getProperty("stdout.encoding");
        Charset cs = System.console() != null ? System.console().charset()
                : stdout != null && Charset.isSupported(stdout) ? Charset.forName(stdout) : Charset.defaultCharset();
        return cs.canEncode() && cs.newEncoder().canEncode("Ёё№«»—") ? cs : java.nio.charset.StandardCharsets.UTF_8;
    }

    /**
     * Runs the command.
     *
     * @param args     the command line
     * @param terminal the person to ask, or {@link Terminal#none()}
     * @param out      standard output
     * @param err      standard error
     * @return the exit code of docs/design.md
     */
    public static int run(String[] args, Terminal terminal, PrintWriter out, PrintWriter err) {
        Locale previous = Locale.getDefault();
        Messages messages = Messages.of(Messages.resolve(langOf(args)));
        Locale.setDefault(messages.locale());
        try {
            Orgsign root = new Orgsign(terminal, messages);
            CommandLine cl = new CommandLine(root.model());
            String chosen = subcommandOf(args);
            for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
                // Only the subcommand being run is modelled (picocli reads each one's annotations
                // and help texts at construction): that is most of the start-up work saved.
                if (chosen == null || chosen.equals(e.getKey())) {
                    Object command = e.getValue().get();
                    // the root and `certs` (the start-up path) are modelled in code, see Models
                    cl.addSubcommand(e.getKey(),
                            command instanceof CertsCommand c ? new CommandLine(c.model(root)) : command);
                }
            }
            cl.setOut(out);
            cl.setErr(err);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setExecutionExceptionHandler(new ErrorReporter(root));
            cl.setParameterExceptionHandler((ex, a) -> {
                String sentence = UsageErrors.sentence(ex, messages, a);
                if (Arrays.asList(a).contains("--json")) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("error", ErrorCode.USAGE.name());
                    o.put("message", sentence);
                    out.println(Json.write(o));
                    out.flush();
                } else {
                    err.println(messages.get("error.prefix") + " " + messages.get("error.usage", sentence,
                            ex.getCommandLine().getCommandSpec().qualifiedName()));
                    err.flush();
                }
                return ErrorCode.USAGE.exitCode();
            });
            return cl.execute(args);
        } finally {
            Locale.setDefault(previous);
        }
    }

    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("tokens", TokensCommand::new);
        SUBCOMMANDS.put("certs", CertsCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("register", RegisterCommand::new);
        SUBCOMMANDS.put("verify", VerifyCommand::new);
        SUBCOMMANDS.put("submit", SubmitCommand::new);
        SUBCOMMANDS.put("status", StatusCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("registry", RegistryCommand::new);
        SUBCOMMANDS.put("trust-list", dev.orgsign.cli.commands.TrustListCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
    }

    /** The subcommand named on the command line, or null (help, version, completion, a typo: model all). */
    private static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) {
                i++;
            } else if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) && !a.equals("completion") ? a : null;
            }
        }
        return null;
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
                text = m.sentence(oe);
            } else {
                exit = 1;
                code = "INTERNAL";
                text = m.get("error.internal", ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            if (json) {
                java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
                o.put("error", code);
                o.put("message", text);
                if (ex instanceof FollowUpException f) {
                    o.putAll(f.details());
                }
                cl.getOut().println(Json.write(o));
                cl.getOut().flush();
            } else if (ErrorCode.CANCELLED.name().equals(code)) {
                err.println(text); // the person's own choice, not an error
            } else {
                err.println(m.get("error.prefix") + " " + text);
                if (ex instanceof FollowUpException f) {
                    f.lines().forEach(err::println);
                }
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
