package dev.orgsign.cli.commands;

import picocli.CommandLine.Command;

/** {@code orgsign trust-list}: the ministry's list of accredited certification centres — {@code info} on a list file. */
@Command(name = "trust-list", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {TrustListInfoCommand.class})
public final class TrustListCommand implements Runnable {
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
