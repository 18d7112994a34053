package dev.orgsign.samples;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.Orgsign;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.SignedRegistration;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.PinCallbacks;

import java.nio.file.Path;

/**
 * Signs a registration with the key of a PKCS#12 file (GOST, ECDSA or RSA), after checking the
 * signer's authority against the register; writes the payload and its signature to OUT_DIR.
 *
 * <pre>
 * SignWithPkcs12 FILE.p12 IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER EMAIL OUT_DIR
 *   ORGSIGN_KEYSTORE_PASSWORD   the file's password
 * </pre>
 */
public final class SignWithPkcs12 {
    private SignWithPkcs12() {
    }

    /**
     * Runs the sample.
     *
     * @param args keystore file, organization type, OGRN or OGRNIP, register folder, e-mail, output folder
     */
    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: SignWithPkcs12 FILE.p12 IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER EMAIL OUT_DIR"
                    + "   (password in ORGSIGN_KEYSTORE_PASSWORD)");
            System.exit(2);
        }
        try (KeyStoreSigningToken token = Orgsign.keystore(Path.of(args[0]))) {
            SignedRegistration signed = Orgsign.registration(token)
                    .login(PinCallbacks.environment("ORGSIGN_KEYSTORE_PASSWORD"))
                    .organization(OrganizationType.valueOf(args[1]), args[2])
                    .registry(Path.of(args[3]))
                    .contact(args[4], null)
                    .sign();
            Path payload = signed.writeTo(Path.of(args[5]));
            System.out.println("Authority: " + signed.decision().outcome());
            System.out.println("Signed with " + signed.key().keyAlgorithm() + " key '" + signed.key().label() + "'");
            System.out.println("Request id: " + signed.payload().requestId());
            System.out.println("Wrote " + payload + " and " + SignedRegistration.SIGNATURE_FILE);
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        } catch (IllegalArgumentException e) {
            System.err.println("The organization type must be IE, LLC or GOV, not '" + args[1] + "'.");
            System.exit(2);
        }
    }
}
