package dev.orgsign.cli.commands;

import dev.orgsign.cli.FollowUpException;
import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.IoFailures;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submitting to the verification service, following a submission to its verdict, fetching the receipt. */
final class Submissions {
    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private Submissions() {
    }

    /**
     * Submits and, with {@code wait}, follows the submission; keeps its read token in
     * {@code keepDir/submission.json} (owner-only); prints the verdict shape. Whatever happens after
     * the signed files exist, the person is told what to do next with the real endpoint: a service
     * that cannot be reached or refuses, the command that submits the files again; a verdict that
     * does not come in time (or Ctrl-C while waiting), the submission's number and the command that
     * asks for it.
     *
     * @param sent       the payload and signature files submitted (for the command that resubmits them)
     * @param receiptDir where to save the receipt of a verified submission, or null
     * @param keepDir    where to keep the submission's id and read token (beside the registration)
     * @param files      files to name in the output (may be empty)
     * @return the exit code: 0 verified or accepted, 5 rejected
     */
    static int submit(BaseCommand c, VerificationClient client, String apiKeyEnv, byte[] payload, byte[] signature,
                      Sent sent, URI endpoint, Duration wait, Path receiptDir, Path keepDir, Map<String, String> files)
            throws OrgsignException {
        Messages m = c.m();
        boolean progress = c.interactive();
        if (progress) {
            c.err().println(m.get("submit.sending", endpoint));
            c.err().flush();
        }
        String again = sent.command(endpoint, wait, apiKeyEnv);
        Submission s;
        try {
            s = client.submit(payload, signature);
        } catch (OrgsignException e) {
            List<String> lines = new ArrayList<>();
            if (!files.isEmpty()) {
                lines.add(m.get("followup.saved", sent.payload().toAbsolutePath().normalize().getParent()));
            }
            lines.add(m.get("followup.submitAgain", again));
            Map<String, Object> details = new LinkedHashMap<>();
            if (!files.isEmpty()) {
                details.put("files", files);
            }
            details.put("command", again);
            throw new FollowUpException(e, lines, details);
        }
        Map<String, String> allFiles = new LinkedHashMap<>(files);
        SubmissionFile kept = SubmissionFile.of(s, endpoint);
        if (kept == null) {
            s = resubmitted(s, keepDir, allFiles); // the same submission again: its token is in the file kept the first time
        } else {
            try {
                allFiles.put("submission", kept.writeTo(keepDir).toAbsolutePath().normalize().toString());
            } catch (OrgsignException e) {
                // accepted, but the token (given once) has nowhere to go: the user's last chance to keep it
                c.err().println(m.get("submit.tokenUnsaved", m.sentence(e), kept.token()));
                c.err().flush();
            }
        }
        String status = statusCommand(s.id(), endpoint, allFiles.get("submission"), apiKeyEnv);
        if (wait != null && s.pending()) {
            Thread onCtrlC = interrupted(c, s.id(), status);
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                s = client.await(s, wait, progress ? spinner(c.err(), m) : AwaitProgress.none());
            } catch (OrgsignException e) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("id", s.id());
                details.put("files", allFiles);
                details.put("command", status);
                throw new FollowUpException(e, List.of(m.get("followup.submitted", s.id()), m.get("followup.status", status)),
                        details);
            } finally {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
                if (progress) {
                    endSpinner(c.err());
                }
            }
        }
        if (!s.pending() && s.checks().isEmpty() && s.token() != null) {
            s = client.status(s.id(), s.token()); // an identical resubmission is answered with its verdict only
        }
        if (s.verdict() == Verdict.VERIFIED && receiptDir != null) {
            try {
                allFiles.put("receipt", receipt(client, s, receiptDir).toString());
            } catch (OrgsignException e) {
                c.err().println(m.get("receipt.warning", m.sentence(e))); // the verdict stands without it
                c.err().flush();
            }
        }
        report(c, s, allFiles, status);
        return Reports.exitCode(s.verdict());
    }

    /**
     * An identical resubmission, which the service answers without a read token (it is given once):
     * the token comes from the {@code submission.json} kept beside the registration the first time,
     * when it is there and names the same submission.
     */
    private static Submission resubmitted(Submission s, Path keepDir, Map<String, String> files) {
        Path file = keepDir.resolve(SubmissionFile.NAME);
        try {
            SubmissionFile f = java.nio.file.Files.isRegularFile(file) ? SubmissionFile.read(file) : null;
            if (f != null && f.id().equals(s.id())) {
                files.put("submission", file.toAbsolutePath().normalize().toString());
                return new Submission(s.id(), s.verdict(), s.checks(), f.token());
            }
        } catch (OrgsignException e) {
            // not the file it should be: the verdict stands without the checks
        }
        return s;
    }

    /** The payload and signature files a submission sends, for the command that sends them again. */
    record Sent(Path payload, Path signature) {
        String command(URI endpoint, Duration wait, String apiKeyEnv) {
            return "orgsign submit --payload " + quoted(payload.toAbsolutePath().normalize().toString()) + " --signature "
                    + quoted(signature.toAbsolutePath().normalize().toString()) + " --endpoint " + quoted(endpoint.toString())
                    + (wait == null ? "" : " --wait " + wait.toSeconds() + "s")
                    + (apiKeyEnv == null ? "" : " --api-key-env " + apiKeyEnv);
        }
    }

    /** The command that asks for a submission, with its read token's file when it was kept. */
    static String statusCommand(String id, URI endpoint, String tokenFile, String apiKeyEnv) {
        return "orgsign status " + id + " --endpoint " + quoted(endpoint.toString())
                + (tokenFile == null ? "" : " --token-file " + quoted(tokenFile))
                + (apiKeyEnv == null ? "" : " --api-key-env " + apiKeyEnv);
    }

    /** A word for the shell: quoted when it holds anything but the usual path and URL characters. */
    static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,~-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** What Ctrl-C while waiting prints: the submission is with the service; its number and how to follow it. */
    private static Thread interrupted(BaseCommand c, String id, String status) {
        Messages m = c.m();
        return new Thread(() -> {
            if (c.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("error", "INTERRUPTED");
                o.put("message", m.get("followup.interrupted", id));
                o.put("id", id);
                o.put("command", status);
                c.printJson(o);
                return;
            }
            PrintWriter err = c.err();
            endSpinner(err);
            err.println(m.get("followup.interrupted", id));
            err.println(m.get("followup.status", status));
            err.flush();
        }, "orgsign-ctrl-c");
    }

    private static void endSpinner(PrintWriter err) {
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
    }

    /** Prints a submission as docs/design.md's verdict shape (JSON) or as text. */
    static void report(BaseCommand c, Submission s, Map<String, String> files, String statusCommand) {
        if (c.json()) {
            Map<String, Object> o = Reports.json(s.id(), s.verdict(), s.checks(), c.m());
            if (!files.isEmpty()) {
                o.put("files", files);
            }
            c.printJson(o);
            return;
        }
        Reports.text(c.out(), c.m(), s.id(), s.verdict(), s.checks());
        files.forEach((k, v) -> c.out().println("  " + c.m().get("file." + k) + ": " + v));
        if (s.pending()) {
            c.out().println(c.m().get("followup.status", statusCommand));
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
            throw new OrgsignException(ErrorCode.IO, Messages.text("folder.uncreatable", dir, IoFailures.reason(e)), e);
        }
        Files2.write(file, pdf);
        return file.toAbsolutePath().normalize();
    }
}
