package dev.orgsign.cli;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.pkcs11.Pkcs11Library;
import dev.orgsign.pkcs11.Pkcs11Options;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The TOKEN options of docs/design.md: a PKCS#11 token ({@code --module}, {@code --token}) or a JCA
 * keystore file ({@code --keystore}, {@code --storetype}).
 */
public final class TokenOptions {
    @Option(names = "--module", paramLabel = "PATH", descriptionKey = "opt.module")
    Path module;

    @Option(names = "--token", paramLabel = "LABEL|SERIAL", descriptionKey = "opt.token")
    String token;

    @Option(names = "--keystore", paramLabel = "FILE", descriptionKey = "opt.keystore")
    Path keystore;

    @Option(names = "--storetype", paramLabel = "TYPE", defaultValue = "PKCS12", descriptionKey = "opt.storetype")
    String storetype;

    /**
     * These options as a picocli mixin built in code (the start-up path, see {@link Models}).
     *
     * @return the mixin, bound to this object's fields
     */
    public CommandSpec mixin() {
        CommandSpec m = CommandSpec.wrapWithoutInspection(this);
        m.addOption(Models.option(Path.class, () -> module, v -> module = v, "opt.module", "--module")
                .paramLabel("PATH").build());
        m.addOption(Models.option(String.class, () -> token, v -> token = v, "opt.token", "--token")
                .paramLabel("LABEL|SERIAL").build());
        m.addOption(Models.option(Path.class, () -> keystore, v -> keystore = v, "opt.keystore", "--keystore")
                .paramLabel("FILE").build());
        m.addOption(Models.option(String.class, () -> storetype, v -> storetype = v, "opt.storetype", "--storetype")
                .paramLabel("TYPE").defaultValue("PKCS12").build());
        return m;
    }

    /**
     * Whether a keystore file (not a PKCS#11 token) is meant.
     *
     * @return true with {@code --keystore}
     */
    public boolean isKeystore() {
        return keystore != null;
    }

    /**
     * Whether any TOKEN option was given.
     *
     * @return true when {@code --module}, {@code --token} or {@code --keystore} was given
     */
    public boolean given() {
        return keystore != null || module != null || token != null;
    }

    /**
     * Opens the token.
     *
     * @param allowFinalTry whether a login on the token's final PIN try is allowed
     * @return the opened token, to be closed by the caller
     * @throws OrgsignException when the module, the token or the file cannot be used
     */
    public SigningToken open(boolean allowFinalTry) throws OrgsignException {
        if (keystore != null && (module != null || token != null)) {
            throw new OrgsignException(ErrorCode.USAGE,
                    "Give either a PKCS#11 token (--module, --token) or a keystore file (--keystore), not both.");
        }
        if (keystore != null) {
            return KeyStoreSigningToken.ofFile(keystore, storetype);
        }
        try (Pkcs11Library library = Pkcs11Library.open(module)) {
            return library.openToken(token, Pkcs11Options.defaults().withAllowFinalTry(allowFinalTry));
        }
    }
}
