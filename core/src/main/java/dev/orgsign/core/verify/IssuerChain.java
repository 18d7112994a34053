package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A certificate's chain completed upwards, issuer by issuer: from the certificates at hand (the
 * token's, the signature's, those given with {@code --ca}), then — when a fetcher is given — from
 * the URL each certificate names for its issuer's certificate (AIA caIssuers). It stops at a trust
 * anchor, at a self-issued root, or where an issuer's certificate is missing, and then says which
 * one is missing, where it is published and how to supply it. An issuer is taken only when its key
 * verifies the certificate's signature (names alone repeat across a CA's key changes). Used before
 * signing ({@code register} warns before the PIN) and by the verifier when a chain cannot be built.
 */
public final class IssuerChain {
    private static final int MAX_DEPTH = 8;

    private IssuerChain() {
    }

    /**
     * How far a chain could be completed.
     *
     * @param chain        the certificate first, then each one's issuer, as far as found (trust anchors not included)
     * @param fetched      those of {@code chain} that were fetched from AIA URLs
     * @param anchor       the trust anchor that issued the last of {@code chain}, or null
     * @param missing      the certificate whose issuer's certificate was not found, or null when the chain ends at an
     *                     anchor or at a self-issued root
     * @param urls         where {@code missing} says its issuer's certificate is published (empty: nowhere)
     * @param fetchProblem why fetching from {@code urls} failed, as a phrase, or null (not tried, or nothing to try)
     */
    public record Completion(List<X509Certificate> chain, List<X509Certificate> fetched, X509Certificate anchor,
                             X509Certificate missing, List<URI> urls, Text fetchProblem) {
        /**
         * Copies the lists.
         *
         * @param chain        the chain found
         * @param fetched      the fetched certificates
         * @param anchor       the anchor reached, or null
         * @param missing      the certificate whose issuer is missing, or null
         * @param urls         its issuer's URLs
         * @param fetchProblem why fetching failed, or null
         */
        public Completion {
            chain = List.copyOf(chain);
            fetched = List.copyOf(fetched);
            urls = List.copyOf(urls);
        }

        /** {@return whether the chain ends at a trust anchor or a self-issued root (nothing is missing)} */
        public boolean complete() {
            return missing == null;
        }

        /** {@return the readable name of the issuer whose certificate is missing, or null} */
        public String missingIssuer() {
            return missing == null ? null : CertificateChecks.displayName(missing.getIssuerX500Principal());
        }

        /**
         * What is missing and how to supply it, or null when nothing is: the issuer's name, the URL
         * it is published at (or that it names none), why fetching it failed.
         *
         * @return the sentence, or null
         */
        public Text problem() {
            return missing == null ? null : T.text("issuer.missing", missingIssuer(),
                    CertificateChecks.displayName(missing.getSubjectX500Principal()), hint());
        }

        /** {@return how to supply the missing certificate, the end of the sentences that name it} */
        Text hint() {
            return fetchProblem != null ? T.text("issuer.hint.fetchFailed", fetchProblem)
                    : urls.isEmpty() ? T.text("issuer.hint.noUrl") : T.text("issuer.hint.url", urls.get(0));
        }
    }

    /**
     * Completes the chain of {@code certificate}.
     *
     * @param certificate the certificate (a signer's, a TSA's)
     * @param known       certificates at hand, in any order; unrelated ones are ignored
     * @param anchors     the trust anchors (may be empty: then the chain runs to a self-issued root)
     * @param fetcher     fetches missing issuers' certificates from their AIA URLs, or null to stay offline
     * @return how far the chain goes
     */
    public static Completion complete(X509Certificate certificate, Collection<X509Certificate> known,
                                      Collection<X509Certificate> anchors, IssuerFetcher fetcher) {
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> fetched = new ArrayList<>();
        chain.add(certificate);
        X509Certificate current = certificate;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            X509Certificate anchor = issuerAmong(current, anchors);
            if (anchor != null) {
                return new Completion(chain, fetched, anchor, null, List.of(), null);
            }
            if (issues(current, current)) {
                return new Completion(chain, fetched, null, null, List.of(), null); // a root nobody said to trust
            }
            X509Certificate next = issuerAmong(current, known);
            Text problem = null;
            List<URI> urls = IssuerFetcher.caIssuers(current);
            if (next == null && fetcher != null) {
                for (URI url : urls) {
                    IssuerFetcher.Fetched f = fetcher.fetch(url);
                    next = issuerAmong(current, f.certificates());
                    if (next != null) {
                        fetched.add(next);
                        problem = null;
                        break;
                    }
                    if (problem == null) {
                        problem = f.problem() != null ? f.problem() : T.text("issuer.otherCertificate", url);
                    }
                }
            }
            if (next == null || chain.contains(next)) {
                return new Completion(chain, fetched, null, current, urls, problem);
            }
            chain.add(next);
            current = next;
        }
        return new Completion(chain, fetched, null, current, IssuerFetcher.caIssuers(current), null);
    }

    /**
     * What is wrong with a chain that reaches a trust anchor and still does not validate, for the
     * faults people meet: a certificate of it not valid at the moment of signing, an issuer that is
     * no CA, or whose key usage does not allow signing certificates.
     *
     * @param c  a completion that reached an anchor
     * @param at the moment of signing
     * @return the fault as a phrase, or null when it is none of these
     */
    static Text fault(Completion c, java.time.Instant at) {
        List<X509Certificate> chain = c.chain();
        for (X509Certificate x : chain) {
            java.time.Instant from = x.getNotBefore().toInstant();
            java.time.Instant to = x.getNotAfter().toInstant();
            if (at.isBefore(from) || at.isAfter(to)) {
                return T.text("verify.chain.fault.notValid", name(x), at, from, to);
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            X509Certificate issuer = chain.get(i);
            boolean[] usage = issuer.getKeyUsage();
            if (issuer.getBasicConstraints() < 0) {
                return T.text("verify.chain.fault.notCa", name(issuer), name(chain.get(i - 1)));
            }
            if (usage != null && (usage.length < 6 || !usage[5])) {
                return T.text("verify.chain.fault.noCertSign", name(issuer), name(chain.get(i - 1)));
            }
        }
        return null;
    }

    private static String name(X509Certificate c) {
        return CertificateChecks.displayName(c.getSubjectX500Principal());
    }

    /**
     * The check a verifier makes of this chain: whether {@code chain} (the certificate first, then any CA
     * certificates in any order) leads to one of {@code trust}'s anchors, judged at {@code at}.
     *
     * @param chain the certificate first, then the CA certificates the signature will carry
     * @param trust the anchors (and intermediates) the verifier will use
     * @param at    the moment of signing
     * @return null when the chain is built, else the sentence of the {@code certificate.chain} check
     */
    public static Text verify(List<X509Certificate> chain, TrustMaterial trust, java.time.Instant at) {
        Check c = new CertificateChecks(trust).chain(chain.get(0), chain.subList(1, chain.size()), at, new ArrayList<>());
        return c.result() == CheckResult.PASSED ? null : c.text();
    }

    /** The one among {@code candidates} whose name is the certificate's issuer and whose key verifies it, or null. */
    private static X509Certificate issuerAmong(X509Certificate cert, Collection<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (c != cert && !c.equals(cert) && issues(c, cert)) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code issuer}'s name and key issued {@code cert}. */
    private static boolean issues(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey(), Providers.bouncyCastle());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
