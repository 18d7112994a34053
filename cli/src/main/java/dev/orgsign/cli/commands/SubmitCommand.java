package dev.orgsign.cli.commands;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.cli.ClientOptions;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.payload.PayloadCodec;
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
        byte[] p = Files2.read(payload);
        if (p.length == 0) {
            throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, m().get("submit.emptyPayload", payload));
        }
        PayloadCodec.parse(p); // a file that is not a registration is said here, not sent
        Path beside = payload.toAbsolutePath().getParent();
        return Submissions.submit(this, service.client(endpoint, m()), service.apiKeyEnv(), p, Files2.read(signature),
                new Submissions.Sent(payload, signature), endpoint, waitText == null ? null : Durations.parse(waitText, m()),
                receiptDir, beside, Map.of());
    }
}
