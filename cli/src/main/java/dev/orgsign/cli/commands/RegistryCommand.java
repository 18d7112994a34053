package dev.orgsign.cli.commands;

import picocli.CommandLine.Command;

/** {@code orgsign registry}: the register store — {@code import} FNS files into it, {@code info} on what it holds. */
@Command(name = "registry", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {RegistryImportCommand.class, RegistryInfoCommand.class})
public final class RegistryCommand extends CommandGroup {
}
