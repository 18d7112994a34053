package dev.orgsign.cli.commands;

import dev.orgsign.cli.ClientOptions;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.SubmissionFile;
import dev.orgsign.core.client.VerificationClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code orgsign status}: the status (and, once decided, the checks) of a submission, opened with
 * its read token ({@code --token-file}: the {@code submission.json} that submit or register wrote;
 * or {@code --token-env}) or with an operator's API key ({@code --api-key-env}).
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false)
public final class StatusCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "param.id")
    String id;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", descriptionKey = "opt.endpoint")
    URI endpoint;

    @Option(names = "--token-file", paramLabel = "FILE", descriptionKey = "opt.tokenFile")
    Path tokenFile;

    @Option(names = "--token-env", paramLabel = "VAR", descriptionKey = "opt.tokenEnv")
    String tokenEnv;

    @Mixin
    ClientOptions service;

    @Option(names = "--receipt-dir", paramLabel = "DIR", descriptionKey = "opt.receiptDir")
    Path receiptDir;

    @Override
    public Integer call() throws OrgsignException {
        VerificationClient client = service.client(endpoint, m());
        Submission s = client.status(id, token());
        Map<String, String> files = new LinkedHashMap<>();
        if (receiptDir != null && s.verdict() == dev.orgsign.core.verify.Verdict.VERIFIED) {
            files.put("receipt", Submissions.receipt(client, s, receiptDir).toString());
        }
        Submissions.report(this, s, files, Submissions.statusCommand(s.id(), endpoint,
                tokenFile == null ? null : tokenFile.toAbsolutePath().normalize().toString(), service.apiKeyEnv()));
        return Reports.exitCode(s.verdict());
    }

    /** The read token from {@code --token-file} or {@code --token-env}, or null to rely on an operator key. */
    private String token() throws OrgsignException {
        if (tokenFile != null && tokenEnv != null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("status.oneTokenSource"));
        }
        if (tokenFile != null) {
            SubmissionFile f = SubmissionFile.read(tokenFile);
            if (!f.id().equals(id)) {
                throw new OrgsignException(ErrorCode.USAGE, m().get("status.tokenFileOther", tokenFile, f.id(), id));
            }
            return f.token();
        }
        if (tokenEnv != null) {
            String t = System.getenv(tokenEnv);
            if (t == null || t.isBlank()) {
                throw new OrgsignException(ErrorCode.USAGE, m().get("serve.secretMissing", tokenEnv));
            }
            return t.strip();
        }
        return null;
    }
}
