package dev.orgsign.cli.commands;

import dev.orgsign.cli.ClientOptions;
import dev.orgsign.core.OrgsignException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** {@code orgsign submit}: sends a signed registration to the verification service. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false)
public final class SubmitCommand extends BaseCommand {
    @Option(names = "--payload", required = true, paramLabel = "FILE", descriptionKey = "opt.payloadIn")
    Path payload;

    @Option(names = "--signature", required = true, paramLabel = "FILE", descriptionKey = "opt.signature")
    Path signature;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", descriptionKey = "opt.endpoint")
    URI endpoint;

    @Option(names = "--wait", paramLabel = "DURATION", descriptionKey = "opt.wait")
    String waitText;

    @Option(names = "--receipt-dir", paramLabel = "DIR", descriptionKey = "opt.receiptDir")
    Path receiptDir;

    @Mixin
    ClientOptions service;

    @Override
    public Integer call() throws OrgsignException {
        Path beside = payload.toAbsolutePath().getParent();
        return Submissions.submit(this, service.client(endpoint, m()), Files2.read(payload), Files2.read(signature), endpoint,
                waitText == null ? null : Durations.parse(waitText, m()), receiptDir, beside, Map.of());
    }
}
