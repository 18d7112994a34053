package dev.orgsign.cli;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.pkcs11.Pkcs11Discovery;
import dev.orgsign.pkcs11.Pkcs11Modules;
import dev.orgsign.pkcs11.Pkcs11Options;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TOKEN options of docs/design.md: a PKCS#11 token ({@code --module}, {@code --token},
 * {@code --pkcs11-v2}) or a JCA keystore file ({@code --keystore}, {@code --storetype}). Without
 * {@code --module} every module installed is searched ({@link Pkcs11Discovery}).
 */
public final class TokenOptions {
    /** Picks one of several tokens (the wizard's numbered list); returns its index. */
    public interface Chooser {
        /**
         * @param tokens the tokens found, more than one
         * @return the index of the one chosen
         * @throws OrgsignException when the person gives up
         */
        int choose(List<Pkcs11Discovery.Found> tokens) throws OrgsignException;
    }

    @Option(names = "--module", paramLabel = "PATH", descriptionKey = "opt.module")
    List<Path> modules = new ArrayList<>();

    @Option(names = "--token", paramLabel = "LABEL|SERIAL", descriptionKey = "opt.token")
    String token;

    @Option(names = "--pkcs11-v2", descriptionKey = "opt.pkcs11V2")
    boolean pkcs11V2;

    @Option(names = "--keystore", paramLabel = "FILE", descriptionKey = "opt.keystore")
    Path keystore;

    @Option(names = "--storetype", paramLabel = "TYPE", defaultValue = "PKCS12", descriptionKey = "opt.storetype")
    String storetype;

    private Pkcs11Discovery discovery;
    private Pkcs11Discovery.Found chosen;

    /**
     * These options as a picocli mixin built in code (the start-up path, see {@link Models}).
     *
     * @return the mixin, bound to this object's fields
     */
    @SuppressWarnings("unchecked")
    public CommandSpec mixin() {
        CommandSpec m = CommandSpec.wrapWithoutInspection(this);
        OptionSpec.Builder module = Models.option(List.class, () -> modules, v -> modules = v, "opt.module", "--module")
                .paramLabel("PATH").auxiliaryTypes(Path.class).arity("1");
        m.addOption(module.build());
        m.addOption(Models.option(String.class, () -> token, v -> token = v, "opt.token", "--token")
                .paramLabel("LABEL|SERIAL").build());
        m.addOption(Models.option(boolean.class, () -> pkcs11V2, v -> pkcs11V2 = v, "opt.pkcs11V2", "--pkcs11-v2")
                .paramLabel("<pkcs11V2>").build());
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
        return keystore != null || !modules.isEmpty() || token != null;
    }

    /**
     * Opens the token: the one named by {@code --token} (its exact label or serial), else the
     * only one found, else the one {@code chooser} picks; the same token again on a second call.
     *
     * @param allowFinalTry whether a login on the token's final PIN try is allowed
     * @param m             the language of the sentences
     * @param chooser       asks which of several tokens, or {@code null} to refuse with a list
     * @return the opened token, to be closed by the caller
     * @throws OrgsignException when the module, the token or the file cannot be used
     */
    public SigningToken open(boolean allowFinalTry, Messages m, Chooser chooser) throws OrgsignException {
        if (keystore != null && (!modules.isEmpty() || token != null)) {
            throw new OrgsignException(ErrorCode.USAGE, m.get("token.orKeystore"));
        }
        if (keystore != null) {
            return KeyStoreSigningToken.ofFile(keystore, storetype);
        }
        if (chosen == null) {
            discovery = Pkcs11Discovery.scan(Pkcs11Modules.resolveAll(modules), pkcs11V2);
            chosen = choose(discovery, m, chooser);
        }
        return discovery.open(chosen, Pkcs11Options.defaults().withAllowFinalTry(allowFinalTry).withPkcs11V2(pkcs11V2));
    }

    private Pkcs11Discovery.Found choose(Pkcs11Discovery d, Messages m, Chooser chooser) throws OrgsignException {
        List<Pkcs11Discovery.Found> candidates = d.matching(token);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            OrgsignException only = TokenListing.onlyModuleFailure(d);
            if (only != null) {
                throw only;
            }
            throw new OrgsignException(ErrorCode.TOKEN_NOT_PRESENT, token == null
                    ? m.get("token.none", TokenListing.searched(m, d))
                    : m.get("token.noMatch", token, d.tokens().isEmpty() ? "-" : TokenListing.inline(m, d.tokens()),
                    TokenListing.searched(m, d)));
        }
        if (chooser != null) {
            return candidates.get(chooser.choose(candidates));
        }
        throw new OrgsignException(ErrorCode.TOKEN_AMBIGUOUS, token == null
                ? m.get("token.several", TokenListing.inline(m, candidates))
                : m.get("token.severalMatch", token, TokenListing.inline(m, candidates)));
    }
}
