package dev.orgsign.pkcs11;

import dev.orgsign.core.OrgsignException;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link PinRulesTest} (under gdb, which counts the C_Login calls SoftHSM
 * receives): opens a token, logs in once with the PIN from {@code PROBE_PIN}, prints the outcome.
 */
public final class LoginProbe {
    private LoginProbe() {
    }

    public static void main(String[] args) {
        try (Pkcs11Library lib = Pkcs11Library.open(Path.of(args[0]));
             Pkcs11SigningToken token = lib.openToken(args[1], Pkcs11Options.defaults())) {
            token.login(request -> System.getenv("PROBE_PIN").toCharArray());
            System.out.println("OUTCOME OK");
        } catch (OrgsignException e) {
            System.out.println("OUTCOME " + e.code() + " CKR=" + e.pkcs11ReturnCode().orElse(-1));
            System.out.println("MESSAGE " + e.getMessage());
        }
    }
}
