package dev.orgsign.cli.commands;

import dev.orgsign.cli.Json;
import dev.orgsign.cli.JsonOutput;
import dev.orgsign.cli.Messages;
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
    @ParentCommand
    Orgsign root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "opt.json")
    boolean json;

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

    /** The language of this run. */
    Messages m() {
        return root.messages();
    }

    /** The terminal of this run. */
    Terminal terminal() {
        return root.terminal();
    }

    /** Whether a person may be asked (a terminal and no {@code --json}). */
    boolean interactive() {
        return !json && root.terminal().interactive();
    }

    /** Prints {@code value} as JSON on standard output. */
    void printJson(Object value) {
        out().println(Json.write(value));
        out().flush();
    }
}
