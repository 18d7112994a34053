package dev.orgsign.core;

import dev.orgsign.core.token.KeyPresence;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.token.TokenKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The key of a {@link Registration}: read from the token (a keystore opened first when its
 * certificates need it), named by the caller or chosen through the dialog with the keys the register
 * confirms first, and read again after the login, when a token shows the private keys it hid.
 */
final class KeySelection {
    private static final Texts T = Texts.of(KeySelection.class);

    private final SigningToken token;
    private final PinCallback pins;
    private final RegistrationDialog dialog;

    KeySelection(SigningToken token, PinCallback pins, RegistrationDialog dialog) {
        this.token = token;
        this.pins = pins;
        this.dialog = dialog;
    }

    /**
     * The key named by {@code selector}, else the only one, else the dialog's choice.
     *
     * @param selector    the id or label, or null
     * @param entitled    whether the register confirms a key's holder (for the order and the mark)
     * @param description the token, for messages
     */
    TokenKey choose(String selector, Predicate<TokenKey> entitled, Text description) throws OrgsignException {
        List<TokenKey> keys = readable();
        if (selector == null || selector.isBlank()) {
            List<TokenKey> candidates = keys.stream()
                    .filter(k -> k.certificate() != null && k.privateKey() != KeyPresence.ABSENT).toList();
            if (candidates.size() > 1 && dialog.interactive()) {
                List<RegistrationDialog.KeyChoice> first = new ArrayList<>();
                List<RegistrationDialog.KeyChoice> others = new ArrayList<>();
                for (TokenKey k : candidates) {
                    boolean yes = entitled.test(k);
                    (yes ? first : others).add(new RegistrationDialog.KeyChoice(k, yes));
                }
                first.addAll(others);
                int i = dialog.chooseKey(List.copyOf(first));
                if (i >= 0 && i < first.size()) {
                    return first.get(i).key();
                }
            }
        }
        return TokenKeys.choose(keys, selector, description);
    }

    /**
     * The key as the token shows it after the login, with the chain already completed.
     *
     * @param key the key chosen before the login
     * @return the same key, whose private key the token now shows
     * @throws OrgsignException KEY_NOT_USABLE when the token holds no private key for it
     */
    TokenKey afterLogin(TokenKey key) throws OrgsignException {
        for (TokenKey k : token.keys()) {
            if (k.id().equals(key.id()) && k.certificate() != null) {
                if (k.privateKey() == KeyPresence.ABSENT) {
                    break;
                }
                return k.withChain(key.chain());
            }
        }
        throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("registration.noPrivateKey", key.label(), key.id()));
    }

    /** The keys; a keystore that shows nothing before it is opened is opened first. */
    private List<TokenKey> readable() throws OrgsignException {
        try {
            return token.keys();
        } catch (OrgsignException e) {
            if (e.code() != ErrorCode.NOT_LOGGED_IN || pins == null) {
                throw e;
            }
            token.login(pins);
            return token.keys();
        }
    }
}
