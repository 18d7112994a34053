package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Chooses the signing key among a token's keys the way the {@code --key} option does: by id
 * (CKA_ID in hex, or a keystore alias) or by label; with nothing named, the only key that can
 * sign. Only keys with a certificate and a private key (present, or not shown before the login)
 * are candidates.
 */
public final class TokenKeys {
    private static final Texts T = Texts.of(OrgsignException.class);
    private TokenKeys() {
    }

    /**
     * Picks one key.
     *
     * @param keys        what the token lists ({@link SigningToken#keys()})
     * @param idOrLabel   the key's id or label, or {@code null} to take the only signing key
     * @param description the token, for messages
     * @return the chosen key
     * @throws OrgsignException KEY_NOT_FOUND when no signing key matches, KEY_AMBIGUOUS when
     *                          several do; the message lists the keys present
     */
    public static TokenKey choose(List<TokenKey> keys, String idOrLabel, String description) throws OrgsignException {
        return choose(keys, idOrLabel, locale -> description);
    }

    /**
     * Picks one key; the messages name the token in the reader's language.
     *
     * @param keys        what the token lists ({@link SigningToken#keys()})
     * @param idOrLabel   the key's id or label, or {@code null} to take the only signing key
     * @param description the token, for messages
     * @return the chosen key
     * @throws OrgsignException KEY_NOT_FOUND when no signing key matches, KEY_AMBIGUOUS when
     *                          several do; the message lists the keys present
     */
    public static TokenKey choose(List<TokenKey> keys, String idOrLabel, Text description) throws OrgsignException {
        // a key whose private half the token hides until the login still counts: it is read again after it
        List<TokenKey> signing = keys.stream().filter(k -> k.privateKey() != KeyPresence.ABSENT && k.certificate() != null)
                .toList();
        if (signing.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, keys.isEmpty()
                    ? T.text("keys.noneToSign", description) : T.text("keys.noneToSignShows", description, listing(keys)));
        }
        if (idOrLabel == null || idOrLabel.isBlank()) {
            if (signing.size() > 1) {
                throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, T.text("keys.several", description, signing.size(),
                        listing(signing)));
            }
            return signing.get(0);
        }
        String wanted = idOrLabel.strip();
        List<TokenKey> byId = signing.stream().filter(k -> k.id().equalsIgnoreCase(wanted)).toList();
        List<TokenKey> chosen = byId.isEmpty()
                ? signing.stream().filter(k -> k.label() != null && k.label().equals(wanted)).toList() : byId;
        if (chosen.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, T.text("keys.noMatch", description, wanted, listing(signing)));
        }
        if (chosen.size() > 1) {
            throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, T.text("keys.sameLabel", description, wanted, listing(chosen)));
        }
        return chosen.get(0);
    }

    private static Text listing(List<TokenKey> keys) {
        return Text.join(", ", keys.stream().map(k -> T.text("keys.entry", k.label(), k.id().toLowerCase(Locale.ROOT)))
                .toList());
    }
}
