package dev.orgsign.cli;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.pkcs11.Pkcs11Discovery;
import dev.orgsign.pkcs11.Pkcs11TokenInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * How tokens found across modules are named to the person, in their language: one line per
 * token for the wizard's choice and for errors, and the modules searched with what each showed.
 */
public final class TokenListing {
    private TokenListing() {
    }

    /**
     * One token as the wizard offers it: label, model, serial and module.
     *
     * @param m the language
     * @param f the token
     * @return "label — model, serial S, module M"
     */
    public static String choice(Messages m, Pkcs11Discovery.Found f) {
        return line(m, "token.choice", f);
    }

    private static String line(Messages m, String key, Pkcs11Discovery.Found f) {
        Pkcs11TokenInfo t = f.token();
        return m.get(key, t.label(), t.model().isBlank() ? t.manufacturer() : t.model(), t.serial(),
                f.module().getFileName());
    }

    /**
     * Tokens for an error sentence.
     *
     * @param m     the language
     * @param found the tokens
     * @return "'label' (model, serial S, module M), …"
     */
    public static String inline(Messages m, List<Pkcs11Discovery.Found> found) {
        List<String> parts = new ArrayList<>();
        for (Pkcs11Discovery.Found f : found) {
            parts.add(line(m, "token.inline", f));
        }
        return String.join("; ", parts);
    }

    /**
     * The modules searched and what each showed.
     *
     * @param m         the language
     * @param discovery the search
     * @return "path (2 tokens), path (not loaded: …)"
     */
    public static String searched(Messages m, Pkcs11Discovery discovery) {
        List<String> parts = new ArrayList<>();
        for (Pkcs11Discovery.ModuleReport r : discovery.modules()) {
            parts.add(r.failure() != null ? m.get("token.searched.failed", r.module(), m.sentence(r.failure()))
                    : r.tokens() == 0 ? m.get("token.searched.empty", r.module(), r.emptySlots())
                    : m.get("token.searched.ok", r.module(), r.tokens()));
        }
        return String.join("; ", parts);
    }

    /**
     * The failure of a module when it was the only one searched (its own sentence is the clearest).
     *
     * @param discovery the search
     * @return the failure, or null
     */
    static OrgsignException onlyModuleFailure(Pkcs11Discovery discovery) {
        List<Pkcs11Discovery.ModuleReport> r = discovery.modules();
        return r.size() == 1 ? r.get(0).failure() : null;
    }
}
