package dev.orgsign.cli.commands;

import dev.orgsign.cli.VerificationOptions;
import dev.orgsign.cli.RegistrySource;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code orgsign verify}: all checks of docs/design.md on a payload and its signature, locally. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
public final class VerifyCommand extends BaseCommand {
    @Option(names = "--payload", required = true, paramLabel = "FILE", descriptionKey = "opt.payloadIn")
    Path payload;

    @Option(names = "--signature", required = true, paramLabel = "FILE", descriptionKey = "opt.signature")
    Path signature;

    @Mixin
    VerificationOptions against;

    @Override
    public Integer call() throws OrgsignException {
        byte[] p = Files2.read(payload);
        byte[] s = Files2.read(signature);
        VerificationReport report;
        try (RegistrySource.Opened registry = against.registrySource().open(m())) {
            report = against.verifier(registry.registry()).verify(p, s);
        }
        if (json) {
            printJson(Reports.json(report.requestId(), report.verdict(), report.checks(), m()));
        } else {
            Reports.text(out(), m(), report.requestId(), report.verdict(), report.checks());
        }
        return Reports.exitCode(report.verdict());
    }
}
