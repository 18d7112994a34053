package dev.orgsign.cli.commands;

import picocli.CommandLine.Command;

/** {@code orgsign registry}: the register store — {@code import} FNS files into it, {@code info} on what it holds. */
@Command(name = "registry", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {RegistryImportCommand.class, RegistryInfoCommand.class})
public final class RegistryCommand implements Runnable {
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
