package dev.orgsign.samples;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.Orgsign;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.SignedRegistration;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.token.PinCallbacks;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.pkcs11.Pkcs11Tokens;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The library snippet of the README, compiled and run in CI: open a PKCS#11 token, pick the key,
 * check the signer's authority, sign, submit to the verification service and wait for the verdict. A test keeps the README's text equal to the region between
 * the {@code README snippet} markers below.
 *
 * <pre>
 * ReadmeSnippet MODULE TOKEN KEY OGRN REGISTER_FOLDER OUT_DIR ENDPOINT
 *   ORGSIGN_PIN   the token's user PIN
 * </pre>
 */
public final class ReadmeSnippet {
    private ReadmeSnippet() {
    }

    /**
     * Runs the snippet.
     *
     * @param args module, token, key, OGRN, register folder, output folder, the service's address
     * @throws OrgsignException whatever the library reports, with its sentence for the user
     */
    public static void main(String[] args) throws OrgsignException {
        if (args.length != 7) {
            System.err.println("usage: ReadmeSnippet MODULE TOKEN KEY OGRN REGISTER_FOLDER OUT_DIR ENDPOINT   (PIN in ORGSIGN_PIN)");
            System.exit(2);
        }
        Path module = Path.of(args[0]);
        String tokenLabel = args[1];
        String keyId = args[2];
        String ogrn = args[3];
        Path registerFolder = Path.of(args[4]);
        Path outDir = Path.of(args[5]);
        URI endpoint = URI.create(args[6]);
        // README snippet begin
        try (SigningToken token = Pkcs11Tokens.open(module, tokenLabel)) {
            SignedRegistration signed = Orgsign.registration(token)
                    .login(PinCallbacks.environment("ORGSIGN_PIN"))  // one attempt, never retried
                    .key(keyId)                                      // CKA_ID in hex, or the label
                    .organization(OrganizationType.LLC, ogrn)
                    .registry(registerFolder)                        // EGRUL / EGRIP extracts
                    .contact("buh@romashka.example", "+74951234567")
                    .sign();                                         // checks the signer's authority first
            signed.writeTo(outDir);                                  // registration.json + .sig
            Submission result = signed.submit(endpoint, Duration.ofMinutes(2));  // waits for the verdict
            System.out.println(result.id() + ": " + result.verdict());
        }
        // README snippet end
    }
}
