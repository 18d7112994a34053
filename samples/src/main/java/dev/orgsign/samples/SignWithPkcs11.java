package dev.orgsign.samples;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.Orgsign;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.SignedRegistration;
import dev.orgsign.core.token.PinCallbacks;
import dev.orgsign.pkcs11.Pkcs11SigningToken;
import dev.orgsign.pkcs11.Pkcs11Tokens;

import java.nio.file.Path;

/**
 * Signs a registration with a key on a PKCS#11 token (Rutoken, JaCarta, SoftHSM): the signer's
 * authority is checked against the register first, then the canonical payload and its detached
 * CAdES-BES signature are written to OUT_DIR.
 *
 * <pre>
 * SignWithPkcs11 MODULE TOKEN KEY_ID_OR_LABEL IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER EMAIL OUT_DIR
 *   ORGSIGN_PIN   the token's user PIN
 * </pre>
 */
public final class SignWithPkcs11 {
    private SignWithPkcs11() {
    }

    /**
     * Runs the sample.
     *
     * @param args module, token, key, organization type, OGRN or OGRNIP, register folder, e-mail, output folder
     */
    public static void main(String[] args) {
        if (args.length != 8) {
            System.err.println("usage: SignWithPkcs11 MODULE TOKEN KEY IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER EMAIL OUT_DIR"
                    + "   (PIN in ORGSIGN_PIN)");
            System.exit(2);
        }
        try (Pkcs11SigningToken token = Pkcs11Tokens.open(Path.of(args[0]), args[1])) {
            SignedRegistration signed = Orgsign.registration(token)
                    .login(PinCallbacks.environment("ORGSIGN_PIN"))
                    .key(args[2])
                    .organization(OrganizationType.valueOf(args[3]), args[4])
                    .registry(Path.of(args[5]))
                    .contact(args[6], null)
                    .sign();
            Path payload = signed.writeTo(Path.of(args[7]));
            System.out.println("Authority: " + signed.decision().outcome());
            System.out.println("Signed with " + signed.key().label() + " on " + token.description());
            System.out.println("Request id: " + signed.payload().requestId());
            System.out.println("Wrote " + payload + " and " + SignedRegistration.SIGNATURE_FILE);
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        } catch (IllegalArgumentException e) {
            System.err.println("The organization type must be IE, LLC or GOV, not '" + args[3] + "'.");
            System.exit(2);
        }
    }
}
