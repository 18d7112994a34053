package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Chooses the signing key among a token's keys the way the {@code --key} option does: by id
 * (CKA_ID in hex, or a keystore alias) or by label; with nothing named, the only key that can
 * sign. Only keys with both a private key and a certificate are candidates.
 */
public final class TokenKeys {
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
        List<TokenKey> signing = keys.stream().filter(k -> k.hasPrivateKey() && k.certificate() != null).toList();
        if (signing.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, "The token " + description
                    + " holds no key with a certificate that can sign" + (keys.isEmpty() ? "" : " (it shows "
                    + listing(keys) + ")") + ". Log in first if the token hides its keys until then.");
        }
        if (idOrLabel == null || idOrLabel.isBlank()) {
            if (signing.size() > 1) {
                throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, "The token " + description + " holds "
                        + signing.size() + " signing keys; choose one by id or label: " + listing(signing) + ".");
            }
            return signing.get(0);
        }
        String wanted = idOrLabel.strip();
        List<TokenKey> byId = signing.stream().filter(k -> k.id().equalsIgnoreCase(wanted)).toList();
        List<TokenKey> chosen = byId.isEmpty()
                ? signing.stream().filter(k -> k.label() != null && k.label().equals(wanted)).toList() : byId;
        if (chosen.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, "The token " + description
                    + " has no signing key with the id or label '" + wanted + "'. It holds " + listing(signing) + ".");
        }
        if (chosen.size() > 1) {
            throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, "Several keys of " + description + " are labelled '"
                    + wanted + "'; choose one by id: " + listing(chosen) + ".");
        }
        return chosen.get(0);
    }

    private static String listing(List<TokenKey> keys) {
        return keys.stream().map(k -> "'" + k.label() + "' (id " + k.id().toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
    }
}
