package dev.orgsign.samples;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.Verdict;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Submits a signed registration to the verification service and waits for the verdict,
 * printing each poll. Exits 0 when verified, 5 when rejected, 6 when the service cannot be
 * reached or gives no verdict in time.
 *
 * <pre>
 * SubmitAndWait PAYLOAD.json SIGNATURE.sig ENDPOINT [WAIT_SECONDS]
 * </pre>
 */
public final class SubmitAndWait {
    private SubmitAndWait() {
    }

    /**
     * Runs the sample.
     *
     * @param args payload file, signature file, the service's address, optionally the seconds to wait (default 120)
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: SubmitAndWait PAYLOAD SIGNATURE ENDPOINT [WAIT_SECONDS]");
            System.exit(2);
        }
        try {
            byte[] payload = Files.readAllBytes(Path.of(args[0]));
            byte[] signature = Files.readAllBytes(Path.of(args[1]));
            Duration wait = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120);
            VerificationClient client = new VerificationClient(URI.create(args[2]));
            Submission accepted = client.submit(payload, signature);
            System.out.println("Submitted: " + accepted.id() + " (" + accepted.verdict() + ")");
            Submission decided = client.await(accepted, wait, (current, attempt, elapsed, next) ->
                    System.out.println("Poll " + attempt + ": " + current.verdict()));
            System.out.println("Verdict: " + decided.verdict());
            for (Check check : decided.checks()) {
                System.out.println("  " + check.result() + " " + check.code() + ": " + check.message());
            }
            System.exit(decided.verdict() == Verdict.VERIFIED ? 0 : 5);
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        } catch (IOException e) {
            System.err.println("The payload or the signature cannot be read: " + e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("The endpoint or the waiting time is malformed: " + e.getMessage());
            System.exit(2);
        }
    }
}
