package dev.orgsign.cli.commands;

import dev.orgsign.cli.Json;
import dev.orgsign.cli.JsonOutput;
import dev.orgsign.cli.Messages;
import dev.orgsign.cli.Models;
import dev.orgsign.cli.Orgsign;
import dev.orgsign.cli.Terminal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every subcommand shares: the root's language and terminal, the output, {@code --json}. */
public abstract class BaseCommand implements Callable<Integer>, JsonOutput {
    /** The command above this one: the root, or a group such as {@code registry} whose parent is the root. */
    @ParentCommand
    Object parentCommand;

    Orgsign root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "opt.json")
    boolean json;

    /**
     * Starts this command's model in code (the start-up path, see {@link dev.orgsign.cli.Models}):
     * the command's name and {@code --json}, bound to this object, whose parent and spec are set
     * as picocli would inject them. The subclass adds its options, then
     * {@link Models#standardHelpOptions}.
     *
     * @param name the subcommand's name
     * @param root the parent command
     * @return the model, for the subclass's options
     */
    CommandSpec model(String name, Orgsign root) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(this).name(name);
        s.usageMessage().sortOptions(false);
        s.addOption(Models.option(boolean.class, () -> json, v -> json = v, "opt.json", "--json").paramLabel("<json>")
                .build());
        this.root = root;
        this.spec = s;
        return s;
    }

    @Override
    public boolean json() {
        return json;
    }

    /** Standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: prompts, progress, warnings. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The root command of this run, above any group this command belongs to. */
    Orgsign root() {
        if (root == null) {
            root = parentCommand instanceof Orgsign o ? o : ((CommandGroup) parentCommand).root;
        }
        return root;
    }

    /** The language of this run. */
    Messages m() {
        return root().messages();
    }

    /** The terminal of this run. */
    Terminal terminal() {
        return root().terminal();
    }

    /** Whether a person may be asked (a terminal and no {@code --json}). */
    boolean interactive() {
        return !json && root().terminal().interactive();
    }

    /** Prints {@code value} as JSON on standard output. */
    void printJson(Object value) {
        out().println(Json.write(value));
        out().flush();
    }
}
