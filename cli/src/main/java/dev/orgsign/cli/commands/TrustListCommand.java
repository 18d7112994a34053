package dev.orgsign.cli.commands;

import picocli.CommandLine.Command;

/** {@code orgsign trust-list}: the ministry's list of accredited certification centres — {@code info} on a list file. */
@Command(name = "trust-list", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {TrustListInfoCommand.class})
public final class TrustListCommand extends CommandGroup {
}
