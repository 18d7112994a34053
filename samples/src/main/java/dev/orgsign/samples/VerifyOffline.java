package dev.orgsign.samples;

import dev.orgsign.core.Orgsign;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Verifies a signed registration without a service: signature, certificate chain and CRL,
 * qualified profile, the signer's authority and the organization against the register,
 * freshness. Exits 0 when verified, 5 when rejected.
 *
 * <pre>
 * VerifyOffline PAYLOAD.json SIGNATURE.sig TRUST CRL REGISTER_FOLDER
 * </pre>
 */
public final class VerifyOffline {
    private VerifyOffline() {
    }

    /**
     * Runs the sample.
     *
     * @param args payload file, signature file, trust anchors, CRL, register folder
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: VerifyOffline PAYLOAD SIGNATURE TRUST CRL REGISTER_FOLDER");
            System.exit(2);
        }
        try {
            SignatureVerifier verifier = Orgsign.verifier(Path.of(args[2]), List.of(Path.of(args[3])), Path.of(args[4]));
            VerificationReport report = verifier.verify(Files.readAllBytes(Path.of(args[0])),
                    Files.readAllBytes(Path.of(args[1])));
            System.out.println("Verdict: " + report.verdict());
            for (Check check : report.checks()) {
                System.out.println("  " + check.result() + " " + check.code() + ": " + check.message());
            }
            System.exit(report.verdict() == Verdict.VERIFIED ? 0 : 5);
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        } catch (IOException e) {
            System.err.println("The payload or the signature cannot be read: " + e.getMessage());
            System.exit(2);
        }
    }
}
