package dev.orgsign.pkcs11;

import dev.orgsign.core.OrgsignException;

import java.nio.file.Path;
import java.util.List;

/**
 * The short way for programs to reach a PKCS#11 token: load the module, pick the token, and get
 * a {@link Pkcs11SigningToken} that keeps the module loaded until it is closed.
 *
 * <pre>{@code
 * try (Pkcs11SigningToken token = Pkcs11Tokens.open(Path.of("/usr/lib/librtpkcs11ecp.so"), "Rutoken ECP")) {
 *     token.login(PinCallbacks.environment("ORGSIGN_PIN"));
 *     List<TokenKey> keys = token.keys();
 * }
 * }</pre>
 */
public final class Pkcs11Tokens {
    private Pkcs11Tokens() {
    }

    /**
     * Opens a token with the default options (the final PIN try refused, up to 8 sessions).
     *
     * @param module        the vendor's PKCS#11 library, or {@code null} to search every module
     *                      installed ({@link Pkcs11Discovery})
     * @param labelOrSerial the token's label or serial, or {@code null} for the only token present
     * @return the token, to be closed by the caller
     * @throws OrgsignException MODULE_NOT_FOUND, MODULE_INVALID, TOKEN_NOT_PRESENT, TOKEN_AMBIGUOUS
     */
    public static Pkcs11SigningToken open(Path module, String labelOrSerial) throws OrgsignException {
        return open(module, labelOrSerial, Pkcs11Options.defaults());
    }

    /**
     * Opens a token.
     *
     * @param module        the vendor's PKCS#11 library, or {@code null} to search every module
     *                      installed ({@link Pkcs11Modules#resolveAll}, {@link Pkcs11Discovery})
     * @param labelOrSerial the token's label or serial (exactly), or {@code null} for the only token present
     * @param options       final-try, session and entry-point settings
     * @return the token, to be closed by the caller
     * @throws OrgsignException MODULE_NOT_FOUND, MODULE_INVALID, TOKEN_NOT_PRESENT (naming the modules
     *                          searched), TOKEN_AMBIGUOUS (listing the tokens with their modules)
     */
    public static Pkcs11SigningToken open(Path module, String labelOrSerial, Pkcs11Options options)
            throws OrgsignException {
        Pkcs11Discovery found = Pkcs11Discovery.scan(Pkcs11Modules.resolveAll(module == null ? List.of()
                : List.of(module)), options.pkcs11V2());
        return found.open(found.choose(labelOrSerial), options);
    }

    /**
     * The tokens a module sees now; with {@code module} null, the tokens of every module installed
     * (each once; {@link Pkcs11Discovery#scan} also tells which module holds each and which
     * modules failed).
     *
     * @param module the vendor's PKCS#11 library, or {@code null} to search every module installed
     * @return one entry per initialized token present
     * @throws OrgsignException MODULE_NOT_FOUND, MODULE_INVALID, TOKEN_ERROR for the module given
     */
    public static List<Pkcs11TokenInfo> list(Path module) throws OrgsignException {
        if (module == null) {
            return Pkcs11Discovery.scan(Pkcs11Modules.resolveAll(List.of()), false).tokens().stream()
                    .map(Pkcs11Discovery.Found::token).toList();
        }
        try (Pkcs11Library library = Pkcs11Library.open(module)) {
            return library.tokens();
        }
    }
}
