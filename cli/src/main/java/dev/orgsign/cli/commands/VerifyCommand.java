package dev.orgsign.cli.commands;

import dev.orgsign.cli.VerificationOptions;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code orgsign verify}: all checks of DESIGN.md on a payload and its signature, locally. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
public final class VerifyCommand extends BaseCommand {
    @Option(names = "--payload", required = true, paramLabel = "FILE", descriptionKey = "opt.payloadIn")
    Path payload;

    @Option(names = "--signature", required = true, paramLabel = "FILE", descriptionKey = "opt.signature")
    Path signature;

    @Mixin
    VerificationOptions against;

    @Option(names = "--ca", paramLabel = "PATH", descriptionKey = "opt.caVerify")
    List<Path> caCertificates = new ArrayList<>();

    @Override
    public Integer call() throws OrgsignException {
        byte[] p = Files2.read(payload);
        byte[] s = Files2.read(signature);
        SignatureVerifier verifier = against.verifier(caCertificates);
        VerificationReport report = verifier.verify(p, s);
        if (json) {
            printJson(Reports.json(report.requestId(), report.verdict(), report.checks()));
        } else {
            Reports.text(out(), m(), report.requestId(), report.verdict(), report.checks());
        }
        return Reports.exitCode(report.verdict());
    }
}
