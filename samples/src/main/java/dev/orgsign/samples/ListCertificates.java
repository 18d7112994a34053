package dev.orgsign.samples;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.token.PinCallbacks;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.pkcs11.Pkcs11SigningToken;
import dev.orgsign.pkcs11.Pkcs11Tokens;

import java.nio.file.Path;

/**
 * Lists the certificates on a PKCS#11 token, as a person picks one.
 *
 * <pre>
 * ListCertificates MODULE [TOKEN_LABEL_OR_SERIAL]
 *   ORGSIGN_PIN   optional: log in first (some tokens show their private keys only then)
 * </pre>
 */
public final class ListCertificates {
    private ListCertificates() {
    }

    /**
     * Runs the sample.
     *
     * @param args the module path and optionally the token
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ListCertificates MODULE [TOKEN_LABEL_OR_SERIAL]   (PIN in ORGSIGN_PIN, optional)");
            System.exit(2);
        }
        try (Pkcs11SigningToken token = Pkcs11Tokens.open(Path.of(args[0]), args.length > 1 ? args[1] : null)) {
            System.out.println("Token: " + token.description() + ", PIN " + token.info().pin().summary());
            if (System.getenv("ORGSIGN_PIN") != null) {
                token.login(PinCallbacks.environment("ORGSIGN_PIN"));
            }
            for (TokenKey key : token.keys()) {
                System.out.println(key.label() + "  id " + key.id() + "  " + key.keyAlgorithm() + " " + key.keySizeBits()
                        + (key.hasPrivateKey() ? "  can sign" : "  certificate only"));
                if (key.certificate() != null) {
                    QualifiedCertificate q = QualifiedCertificate.parse(key.certificate());
                    System.out.println("  holder: " + q.holderName() + (q.title() == null ? "" : ", " + q.title())
                            + " (" + q.holderKind() + ")");
                    if (q.organization() != null || q.ogrnip() != null) {
                        System.out.println("  organization: " + (q.ogrnip() != null ? "OGRNIP " + q.ogrnip()
                                : q.organization() + ", OGRN " + q.ogrn()));
                    }
                    System.out.println("  valid until " + key.certificate().getNotAfter().toInstant());
                }
            }
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        }
    }
}
