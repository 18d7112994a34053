package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tokens of every module at once: each module is loaded in turn, its tokens listed with the
 * module that holds them, and a module that cannot be loaded is reported with its reason without
 * stopping the others. A token reached through two modules (its vendor's library and a p11-kit
 * proxy, say) is listed once, with the first module in the search order.
 *
 * <pre>{@code
 * Pkcs11Discovery found = Pkcs11Discovery.scan(Pkcs11Modules.resolveAll(List.of()), false);
 * try (Pkcs11SigningToken token = found.open(found.choose("Rutoken ECP"), Pkcs11Options.defaults())) { ... }
 * }</pre>
 */
public final class Pkcs11Discovery {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    /**
     * A token and the module that holds it.
     *
     * @param module the module file
     * @param token  the token as the module listed it
     */
    public record Found(Path module, Pkcs11TokenInfo token) {
        /** {@return "model 'label', serial S (module file name)"} */
        public String describe() {
            return describe(java.util.Locale.ENGLISH);
        }

        /**
         * @param locale the reader's locale
         * @return the token in the reader's language, with its module's file name
         */
        public String describe(java.util.Locale locale) {
            return token.describe(locale) + " (" + module.getFileName() + ")";
        }
    }

    /**
     * What one module showed.
     *
     * @param module     the module file
     * @param tokens     how many initialized tokens it listed (duplicates of another module's included)
     * @param emptySlots how many of its slots hold no initialized token (an empty reader)
     * @param failure    why it could not be loaded or asked, or {@code null}
     */
    public record ModuleReport(Path module, int tokens, int emptySlots, OrgsignException failure) {
    }

    private final List<Found> tokens;
    private final List<ModuleReport> modules;
    private final boolean pkcs11V2;

    private Pkcs11Discovery(List<Found> tokens, List<ModuleReport> modules, boolean pkcs11V2) {
        this.tokens = List.copyOf(tokens);
        this.modules = List.copyOf(modules);
        this.pkcs11V2 = pkcs11V2;
    }

    /**
     * Lists the tokens of {@code modules}, in that order.
     *
     * @param modules  the modules to search ({@link Pkcs11Modules#resolveAll})
     * @param pkcs11V2 whether the PKCS#11 2.40 entry point is required ({@link Pkcs11EntryPoint})
     * @return the tokens found and what each module showed; never throws for one module's failure
     */
    public static Pkcs11Discovery scan(List<Path> modules, boolean pkcs11V2) {
        List<Found> found = new ArrayList<>();
        List<ModuleReport> reports = new ArrayList<>();
        for (Path module : modules) {
            try (Pkcs11Library library = Pkcs11Library.open(module, pkcs11V2)) {
                List<Pkcs11TokenInfo> listed = library.tokens();
                for (Pkcs11TokenInfo t : listed) {
                    if (found.stream().noneMatch(f -> f.token().sameToken(t))) {
                        found.add(new Found(library.path(), t));
                    }
                }
                reports.add(new ModuleReport(library.path(), listed.size(), library.emptySlots(), null));
            } catch (OrgsignException e) {
                reports.add(new ModuleReport(module, 0, 0, e));
            }
        }
        return new Pkcs11Discovery(found, reports, pkcs11V2);
    }

    /** {@return the tokens found, each once, in the order of the modules searched} */
    public List<Found> tokens() {
        return tokens;
    }

    /** {@return what each module searched showed, in the search order} */
    public List<ModuleReport> modules() {
        return modules;
    }

    /**
     * The tokens whose label is exactly {@code labelOrSerial} or whose serial is it (ignoring
     * case); all tokens for {@code null}. A label is never matched by its beginning: "ECP" does
     * not choose "ECP-2".
     *
     * @param labelOrSerial a token's label or serial, or {@code null}
     * @return the matching tokens
     */
    public List<Found> matching(String labelOrSerial) {
        if (labelOrSerial == null) {
            return tokens;
        }
        return tokens.stream().filter(f -> f.token().label().equals(labelOrSerial)
                || f.token().serial().equalsIgnoreCase(labelOrSerial)).toList();
    }

    /**
     * The one token meant: the one named, or the only one found.
     *
     * @param labelOrSerial the token's label or serial, or {@code null}
     * @return the token
     * @throws OrgsignException TOKEN_NOT_PRESENT (naming the modules searched and the tokens
     *                          present) or TOKEN_AMBIGUOUS (listing the candidates with their modules)
     */
    public Found choose(String labelOrSerial) throws OrgsignException {
        List<Found> chosen = matching(labelOrSerial);
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        if (chosen.isEmpty() && modules.size() == 1 && modules.get(0).failure() != null) {
            throw modules.get(0).failure(); // the one module asked for could not be used: its own sentence
        }
        if (chosen.isEmpty()) {
            Text none = labelOrSerial == null ? T.text("token.none", searchedText())
                    : T.text("token.noMatch", labelOrSerial, searchedText());
            throw new OrgsignException(ErrorCode.TOKEN_NOT_PRESENT, tokens.isEmpty() ? none
                    : T.text("token.withPresent", none, listing(tokens)));
        }
        throw new OrgsignException(ErrorCode.TOKEN_AMBIGUOUS, labelOrSerial == null
                ? T.text("token.several", listing(chosen)) : T.text("token.severalMatch", labelOrSerial, listing(chosen)));
    }

    /**
     * Opens a token this discovery found, through its module.
     *
     * @param found   one of {@link #tokens()}
     * @param options final-try and session settings
     * @return the token, to be closed by the caller
     * @throws OrgsignException TOKEN_REMOVED when it was pulled out since it was listed
     */
    public Pkcs11SigningToken open(Found found, Pkcs11Options options) throws OrgsignException {
        try (Pkcs11Library library = Pkcs11Library.open(found.module(), pkcs11V2)) {
            return library.openListed(found.token(), options);
        }
    }

    /** {@return each module searched with what it showed: "libsofthsm2.so (2 tokens)", "…: failed: reason"} */
    public String searched() {
        return searchedText().in(java.util.Locale.ENGLISH);
    }

    private Text searchedText() {
        return Text.join(", ", modules.stream().map(r -> r.failure() != null
                ? T.text("searched.failed", r.module(), r.failure().text())
                : r.tokens() == 0 && r.emptySlots() > 0 ? T.text("searched.empty", r.module(), r.emptySlots())
                : T.text("searched.ok", r.module(), r.tokens())).toList());
    }

    private static Text listing(List<Found> found) {
        return Text.join(", ", found.stream().map(f -> T.text("token.entryModule", f.token().label(), f.token().serial(),
                f.module().getFileName())).toList());
    }
}
