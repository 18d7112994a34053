package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.MoscowTime;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.token.KeyPresence;
import dev.orgsign.core.token.TokenKey;
import org.bouncycastle.asn1.x500.X500Name;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How keys and their certificates are shown: the JSON shape of docs/design.md and a numbered list. */
final class KeyListing {

    private KeyListing() {
    }

    /** The qualified reading of a key's certificate, or null when it has none or it is not readable. */
    static QualifiedCertificate qualified(TokenKey key) {
        if (key.certificate() == null) {
            return null;
        }
        try {
            return QualifiedCertificate.parse(key.certificate());
        } catch (OrgsignException e) {
            return null;
        }
    }

    /** docs/design.md's {@code certs --json} element. */
    static Map<String, Object> json(TokenKey key) {
        Map<String, Object> o = new LinkedHashMap<>();
        X509Certificate c = key.certificate();
        o.put("id", key.id());
        o.put("label", key.label());
        o.put("subject", c == null ? null : name(c.getSubjectX500Principal().getEncoded()));
        o.put("issuer", c == null ? null : name(c.getIssuerX500Principal().getEncoded()));
        o.put("serialNumber", c == null ? null : c.getSerialNumber().toString(16));
        o.put("notBefore", c == null ? null : c.getNotBefore().toInstant().toString());
        o.put("notAfter", c == null ? null : c.getNotAfter().toInstant().toString());
        o.put("keyAlgorithm", key.keyAlgorithm().name() + (key.keyAlgorithm().isGost() ? "" : "-" + key.keySizeBits()));
        // unknown before the PIN on tokens that hide private keys until then: null, never false
        o.put("hasPrivateKey", key.privateKey() == KeyPresence.UNKNOWN ? null : key.hasPrivateKey());
        QualifiedCertificate q = qualified(key);
        if (q == null) {
            o.put("qualified", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("surname", q.surname());
            f.put("givenName", q.givenName());
            f.put("title", q.title());
            f.put("organization", q.organization());
            f.put("ogrn", q.ogrn());
            f.put("ogrnip", q.ogrnip());
            f.put("innle", q.innle());
            f.put("inn", q.inn());
            f.put("snils", q.snils());
            o.put("qualified", f);
        }
        return o;
    }

    static String name(byte[] encoded) {
        return X500Name.getInstance(encoded).toString();
    }

    /** One numbered entry of the text listing (several lines). */
    static String text(int number, TokenKey key, Messages m, String mark) {
        StringBuilder sb = new StringBuilder();
        QualifiedCertificate q = qualified(key);
        X509Certificate c = key.certificate();
        String holder = q != null ? q.holderName() : c != null ? name(c.getSubjectX500Principal().getEncoded()) : key.label();
        sb.append(String.format(Locale.ROOT, "%2d. %s%s%n", number, holder, mark == null ? "" : "  " + mark));
        if (q != null && q.organization() != null) {
            sb.append("    ").append(m.get("certs.organization", q.organization())).append('\n');
        }
        if (q != null && (q.ogrn() != null || q.ogrnip() != null)) {
            sb.append("    ").append(q.ogrn() != null ? m.get("certs.ogrn", q.ogrn()) : m.get("certs.ogrnip", q.ogrnip()))
                    .append('\n');
        }
        if (q != null && q.title() != null) {
            sb.append("    ").append(m.get("certs.title", q.title())).append('\n');
        }
        if (c != null) {
            sb.append("    ").append(m.get("certs.validity", MoscowTime.date(c.getNotBefore().toInstant()),
                    MoscowTime.date(c.getNotAfter().toInstant()))).append('\n');
        }
        sb.append("    ").append(m.get("certs.key", key.id(), key.label(), key.keyAlgorithm()
                + (key.keyAlgorithm().isGost() ? "" : "-" + key.keySizeBits()))).append('\n');
        sb.append("    ").append(m.get("certs.privateKey", m.get("certs.privateKey." + key.privateKey().name()))).append('\n');
        return sb.toString();
    }

    /** The keys that carry a certificate (what a person can choose from). */
    static List<TokenKey> withCertificate(List<TokenKey> keys) {
        List<TokenKey> r = new ArrayList<>();
        for (TokenKey k : keys) {
            if (k.certificate() != null) {
                r.add(k);
            }
        }
        return r;
    }

    /**
     * The key named by {@code idOrLabel} (CKA_ID hex, label or alias), or the only key with a
     * certificate when none is named.
     */
    static TokenKey choose(List<TokenKey> keys, String idOrLabel, Messages m) throws OrgsignException {
        List<TokenKey> candidates = withCertificate(keys);
        if (idOrLabel != null) {
            List<TokenKey> named = new ArrayList<>();
            for (TokenKey k : keys) {
                if (k.id().equalsIgnoreCase(idOrLabel) || idOrLabel.equals(k.label())) {
                    named.add(k);
                }
            }
            if (named.size() == 1) {
                return named.get(0);
            }
            if (named.isEmpty()) {
                throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, m.get("key.notFound", idOrLabel, ids(keys)));
            }
            throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, m.get("key.ambiguous", idOrLabel, ids(named)));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, m.get("key.none"));
        }
        throw new OrgsignException(ErrorCode.KEY_AMBIGUOUS, m.get("key.choose", ids(candidates)));
    }

    static String ids(List<TokenKey> keys) {
        List<String> s = new ArrayList<>();
        for (TokenKey k : keys) {
            s.add(k.id().equals(k.label()) ? k.id() : k.id() + " (" + k.label() + ")");
        }
        return String.join(", ", s);
    }
}
