package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.trust.Accreditation;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.core.verify.IssuerChain;
import dev.orgsign.core.verify.IssuerFetcher;
import dev.orgsign.core.verify.TrustMaterial;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain a registration's signature carries: the key's own chain, completed with CA
 * certificates given by {@code --ca} and, with {@code --online}, fetched from the URL each
 * certificate names for its issuer (many tokens hold only the holder's certificate). Before the
 * PIN, {@code register} asks {@link #problem} whether the verification service will be able to
 * build the chain.
 */
final class Chains {
    private Chains() {
    }

    /** The key with its chain completed, and how far the completion went. */
    record Completed(TokenKey key, IssuerChain.Completion completion) {
    }

    static Completed complete(TokenKey key, List<Path> caFiles, IssuerFetcher fetcher, TrustMaterial trust)
            throws OrgsignException {
        List<X509Certificate> pool = new ArrayList<>(key.chain());
        for (Path p : caFiles) {
            pool.addAll(TrustMaterial.load(p, List.of()).anchors());
        }
        if (trust != null && trust.trustList() != null) { // the list's CA certificates complete what the token lacks
            trust.trustList().certificates().forEach(l -> pool.add(l.certificate()));
        }
        IssuerChain.Completion c = IssuerChain.complete(key.certificate(), pool,
                trust == null ? List.of() : trust.anchors(), fetcher);
        return new Completed(key.withChain(c.chain()), c); // keeps what the token says of its private key
    }

    /**
     * Why the verification service would find the certificate not qualified today by the list of accredited
     * certification centres (its issuing centre not in the list, or not accredited now), in the user's language, or null.
     */
    static String accreditation(X509Certificate certificate, TrustList list, Messages m) {
        if (list == null) {
            return null;
        }
        Accreditation a = list.accreditation(certificate, Instant.now());
        return a.accredited() ? null : a.reason().message(m.locale());
    }

    /**
     * Why the verification service would not build the chain of {@code completed}, in the user's
     * language, or null. With the trust anchors the service uses ({@code --trust}), the service's
     * own check; without them, whether the certificate of the holder's issuer is at hand at all.
     */
    static String problem(Completed completed, TrustMaterial trust, Messages m) {
        IssuerChain.Completion c = completed.completion();
        if (trust != null) {
            String why = IssuerChain.verify(completed.key().chain(), trust, Instant.now());
            return why == null ? null : m.get("register.chainRejected", why);
        }
        if (c.complete() || c.missing() != completed.key().certificate()) {
            return null; // the holder's issuer is there; above it, the service's trust anchors take over
        }
        String hint = c.fetchProblem() != null ? m.get("register.chainFetchFailed", c.fetchProblem())
                : c.urls().isEmpty() ? m.get("register.chainNoUrl") : m.get("register.chainUrl", c.urls().get(0));
        return m.get("register.chainMissing", c.missingIssuer()) + " " + hint;
    }
}
