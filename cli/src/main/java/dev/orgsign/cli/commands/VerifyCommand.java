package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.VerificationReport;
import picocli.CommandLine.Command;
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

    @Option(names = "--trust", required = true, paramLabel = "PATH", descriptionKey = "opt.trust")
    Path trust;

    @Option(names = "--crl", paramLabel = "FILE", descriptionKey = "opt.crl")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--registry", required = true, paramLabel = "PATH", descriptionKey = "opt.registry")
    Path registry;

    @Override
    public Integer call() throws OrgsignException {
        byte[] p = Files2.read(payload);
        byte[] s = Files2.read(signature);
        SignatureVerifier verifier = new SignatureVerifier(TrustMaterial.load(trust, crls), FnsExtractRegistry.load(registry));
        VerificationReport report = verifier.verify(p, s);
        if (json) {
            printJson(Reports.json(report.requestId(), report.verdict(), report.checks()));
        } else {
            Reports.text(out(), m(), report.requestId(), report.verdict(), report.checks());
        }
        return Reports.exitCode(report.verdict());
    }
}
