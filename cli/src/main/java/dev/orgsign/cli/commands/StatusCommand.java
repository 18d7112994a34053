package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code orgsign status}: the status (and, once decided, the checks) of a submission. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false)
public final class StatusCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.id")
    String id;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", descriptionKey = "opt.endpoint")
    URI endpoint;

    @Option(names = "--receipt-dir", paramLabel = "DIR", descriptionKey = "opt.receiptDir")
    Path receiptDir;

    @Override
    public Integer call() throws OrgsignException {
        Submission s = new VerificationClient(endpoint).status(id);
        Map<String, String> files = new LinkedHashMap<>();
        if (receiptDir != null && s.verdict() == dev.orgsign.core.verify.Verdict.VERIFIED) {
            files.put("receipt", Submissions.receipt(endpoint, s.id(), receiptDir).toString());
        }
        Submissions.report(this, s, files, endpoint);
        return Reports.exitCode(s.verdict());
    }
}
