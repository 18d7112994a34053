package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.PrivateFiles;
import dev.orgsign.core.client.AwaitProgress;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.SubmissionFile;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Submitting to the verification service, following a submission to its verdict, fetching the receipt. */
final class Submissions {
    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private Submissions() {
    }

    /**
     * Submits and, with {@code wait}, follows the submission; keeps its read token in
     * {@code keepDir/submission.json} (owner-only); prints the verdict shape.
     *
     * @param receiptDir where to save the receipt of a verified submission, or null
     * @param keepDir    where to keep the submission's id and read token (beside the registration)
     * @param files      files to name in the output (may be empty)
     * @return the exit code: 0 verified or accepted, 5 rejected
     */
    static int submit(BaseCommand c, VerificationClient client, byte[] payload, byte[] signature, URI endpoint, Duration wait,
                      Path receiptDir, Path keepDir, Map<String, String> files) throws OrgsignException {
        Messages m = c.m();
        boolean progress = c.interactive();
        if (progress) {
            c.err().println(m.get("submit.sending", endpoint));
            c.err().flush();
        }
        Submission s = client.submit(payload, signature);
        Map<String, String> allFiles = new LinkedHashMap<>(files);
        SubmissionFile kept = SubmissionFile.of(s, endpoint);
        if (kept != null) {
            try {
                allFiles.put("submission", kept.writeTo(keepDir).toAbsolutePath().normalize().toString());
            } catch (OrgsignException e) {
                // accepted, but the token (given once) has nowhere to go: the user's last chance to keep it
                c.err().println(m.get("submit.tokenUnsaved", e.getMessage(), kept.token()));
                c.err().flush();
            }
        }
        if (wait != null && s.pending()) {
            s = client.await(s, wait, progress ? spinner(c.err(), m) : AwaitProgress.none());
            if (progress) {
                c.err().print("\r" + " ".repeat(60) + "\r");
                c.err().flush();
            }
        }
        if (s.verdict() == Verdict.VERIFIED && receiptDir != null) {
            try {
                allFiles.put("receipt", receipt(client, s, receiptDir).toString());
            } catch (OrgsignException e) {
                c.err().println(m.get("receipt.warning", e.getMessage())); // the verdict stands without it
                c.err().flush();
            }
        }
        report(c, s, allFiles);
        return Reports.exitCode(s.verdict());
    }

    /** Prints a submission as docs/design.md's verdict shape (JSON) or as text. */
    static void report(BaseCommand c, Submission s, Map<String, String> files) {
        if (c.json()) {
            Map<String, Object> o = Reports.json(s.id(), s.verdict(), s.checks());
            if (!files.isEmpty()) {
                o.put("files", files);
            }
            c.printJson(o);
            return;
        }
        Reports.text(c.out(), c.m(), s.id(), s.verdict(), s.checks());
        files.forEach((k, v) -> c.out().println("  " + c.m().get("file." + k) + ": " + v));
        if (s.pending()) {
            c.out().println(c.m().get("submit.pendingHint", s.id(), files.getOrDefault("submission", SubmissionFile.NAME)));
        }
        c.out().flush();
    }

    private static AwaitProgress spinner(PrintWriter err, Messages m) {
        return (current, attempt, elapsed, nextPoll) -> {
            err.print("\r" + SPINNER[attempt % SPINNER.length] + " " + m.get("submit.waiting", elapsed.toSeconds()));
            err.flush();
        };
    }

    /** Saves the receipt PDF of a verified submission as {@code dir/receipt.pdf}, owner-only. */
    static Path receipt(VerificationClient client, Submission s, Path dir) throws OrgsignException {
        byte[] pdf = client.receipt(s.id(), s.token());
        Path file = dir.resolve("receipt.pdf");
        try {
            PrivateFiles.folder(dir);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The folder " + dir + " could not be created: " + e.getMessage(), e);
        }
        Files2.write(file, pdf);
        return file.toAbsolutePath().normalize();
    }
}
