package dev.orgsign.cli.commands;

/**
 * A command that only groups subcommands ({@code registry}, {@code trust-list}): alone, it prints its
 * usage; its subcommands take the root command (language, terminal) through it.
 */
abstract class CommandGroup implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The root command, for the language and terminal of the subcommands. */
    @picocli.CommandLine.ParentCommand
    dev.orgsign.cli.Orgsign root;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
