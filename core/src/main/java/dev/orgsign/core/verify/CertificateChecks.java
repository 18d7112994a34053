package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.trust.TrustList;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The certificate checks: chain to a trust anchor, validity at signing time, revocation by CRL
 * (given offline, or fetched from the distribution point) or OCSP.
 * Results that depend only on certificates (a built chain, a CRL's own signature) are cached;
 * signatures over submissions never are.
 */
final class CertificateChecks {
    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> anchorCertificates;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final OnlineRevocation online;
    private final TrustList trustList;
    private static final int MAX_CACHED = 4096;
    private final Map<ChainKey, Object> chains = new ConcurrentHashMap<>();
    private final dev.orgsign.core.Recurring<X509CRL, CrlIndex> crlIndex = new dev.orgsign.core.Recurring<>(MAX_CACHED, CrlIndex::of);
    /** notBefore and notAfter, read once per certificate. */
    private static final dev.orgsign.core.Recurring<X509Certificate, Instant[]> VALIDITY = new dev.orgsign.core.Recurring<>(
            MAX_CACHED, c -> new Instant[] {c.getNotBefore().toInstant(), c.getNotAfter().toInstant()});

    /** A chain is built for a leaf with the certificates its signature bundled, on a given day. */
    private record ChainKey(X509Certificate leaf, Set<X509Certificate> bundled, Instant day) {
    }

    /** A CRL's dates and revoked serial numbers, read once (BouncyCastle re-parses them on every call). */
    private record CrlIndex(Instant thisUpdate, Instant nextUpdate, Map<java.math.BigInteger, X509CRLEntry> revoked) {
        static CrlIndex of(X509CRL crl) {
            Map<java.math.BigInteger, X509CRLEntry> revoked = new java.util.HashMap<>();
            if (crl.getRevokedCertificates() != null) {
                for (X509CRLEntry e : crl.getRevokedCertificates()) {
                    if (e.getCertificateIssuer() == null || e.getCertificateIssuer().equals(crl.getIssuerX500Principal())) {
                        revoked.put(e.getSerialNumber(), e);
                    }
                }
            }
            return new CrlIndex(crl.getThisUpdate().toInstant(),
                    crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(), Map.copyOf(revoked));
        }
    }
    private final Map<X509CRL, X509Certificate> crlIssuers = new ConcurrentHashMap<>();

    /** The offline CRL chosen for a leaf and its issuer: the given CRLs are fixed, so is the choice. */
    private record CrlKey(X509Certificate leaf, X509Certificate issuer) {
    }

    private final Map<CrlKey, java.util.Optional<X509CRL>> offlineCrls = new ConcurrentHashMap<>();

    /** A chain that could not be built, with the reason; {@code transientFailure} when a fetch failed (not cached). */
    private record NoChain(Text reason, boolean transientFailure) {
    }

    CertificateChecks(TrustMaterial trust) {
        this(trust, (OnlineRevocation) null);
    }

    /**
     * @param fetcher fetches CRLs from the certificate's distribution points when no current one was given, and
     *                switches OCSP on with {@link OcspClient#defaults()}; null = offline
     */
    CertificateChecks(TrustMaterial trust, CrlFetcher fetcher) {
        this(trust, fetcher == null ? null : new OnlineRevocation(fetcher, OcspClient.defaults()));
    }

    /** @param online how revocation is checked online when no current CRL was given; null = offline */
    CertificateChecks(TrustMaterial trust, OnlineRevocation online) {
        this.online = online;
        this.anchors = trust.anchors().stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toUnmodifiableSet());
        this.anchorCertificates = trust.anchors();
        this.intermediates = trust.intermediates();
        this.crls = trust.crls();
        this.trustList = trust.trustList();
    }

    /** The list of accredited certification centres this material carries, or null. */
    TrustList trustList() {
        return trustList;
    }

    /**
     * The path from {@code leaf} to a trust anchor (leaf first, anchor last), or a check failure.
     * Time is judged separately ({@link #validity}): the path is built at a moment inside the
     * leaf's validity, so that an expired certificate is reported as expired, not as untrusted.
     */
    Check chain(X509Certificate leaf, List<X509Certificate> bundled, Instant signingTime, List<X509Certificate> pathOut) {
        Instant at = clamp(signingTime, leaf);
        ChainKey key = new ChainKey(leaf, Set.copyOf(bundled), at.truncatedTo(ChronoUnit.DAYS));
        Object cached = chains.get(key);
        if (cached == null) {
            if (chains.size() >= MAX_CACHED) {
                chains.clear();
            }
            cached = build(leaf, bundled, at);
            if (!(cached instanceof NoChain no && no.transientFailure())) {
                chains.put(key, cached);
            }
        }
        if (cached instanceof NoChain no) {
            return Check.of("certificate.chain", CheckResult.FAILED, no.reason());
        }
        @SuppressWarnings("unchecked")
        List<X509Certificate> path = (List<X509Certificate>) cached;
        pathOut.addAll(path);
        X509Certificate anchor = path.get(path.size() - 1);
        Check passed = chainPassed.get(anchor); // the sentence depends on the anchor alone: made once
        if (passed == null) {
            passed = Check.of("certificate.chain", CheckResult.PASSED,
                    T.text("verify.chain.passed", displayName(anchor.getSubjectX500Principal())));
            chainPassed.put(anchor, passed);
        }
        return passed;
    }

    private final Map<X509Certificate, Check> chainPassed = new ConcurrentHashMap<>();

    /**
     * The path to an anchor from the certificates the signature bundled and those given as
     * intermediates; when that fails, the chain is completed issuer by issuer ({@link IssuerChain},
     * fetching missing CA certificates when online) to say what is missing, and built once more
     * with what was fetched.
     */
    private Object build(X509Certificate leaf, List<X509Certificate> bundled, Instant at) {
        List<X509Certificate> pool = new ArrayList<>(bundled);
        pool.add(leaf);
        pool.addAll(intermediates);
        pool.addAll(listed(leaf, pool));
        try {
            return pkix(leaf, pool, at);
        } catch (CertPathBuilderException e) {
            IssuerChain.Completion c = IssuerChain.complete(leaf, pool, anchorCertificates,
                    online == null ? null : online.issuers());
            if (!c.fetched().isEmpty()) {
                pool.addAll(c.fetched());
                try {
                    return pkix(leaf, pool, at);
                } catch (Exception again) {
                    // said below
                }
            }
            if (!c.complete()) {
                return new NoChain(T.text("verify.chain.missing", c.missingIssuer(),
                        displayName(c.missing().getSubjectX500Principal()), c.hint()), c.fetchProblem() != null);
            }
            X509Certificate top = c.chain().get(c.chain().size() - 1);
            if (c.anchor() == null) {
                return new NoChain(T.text("verify.chain.untrustedRoot", displayName(top.getSubjectX500Principal())), false);
            }
            String anchor = displayName(c.anchor().getSubjectX500Principal());
            Text fault = IssuerChain.fault(c, at);
            return new NoChain(fault != null ? T.text("verify.chain.invalidBecause", anchor, fault)
                    : T.text("verify.chain.invalidDetail", anchor, Sentences.detail(e)), false);
        } catch (Exception e) {
            return new NoChain(T.text("verify.chain.error", Sentences.detail(e)), false);
        }
    }

    /**
     * The list's CA certificates that may stand above {@code leaf}, found by name issuer by issuer (the
     * whole list, thousands of certificates, would slow every chain search down).
     */
    private List<X509Certificate> listed(X509Certificate leaf, List<X509Certificate> known) {
        if (trustList == null) {
            return List.of();
        }
        List<X509Certificate> out = new ArrayList<>();
        List<javax.security.auth.x500.X500Principal> names = new ArrayList<>();
        names.add(leaf.getIssuerX500Principal());
        for (int i = 0; i < names.size() && i < 16; i++) {
            for (X509Certificate c : trustList.withSubject(names.get(i))) {
                if (!out.contains(c) && !known.contains(c)) {
                    out.add(c);
                    if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())
                            && !names.contains(c.getIssuerX500Principal())) {
                        names.add(c.getIssuerX500Principal());
                    }
                }
            }
        }
        return out;
    }

    private List<X509Certificate> pkix(X509Certificate leaf, List<X509Certificate> pool, Instant at) throws Exception {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool), Providers.bouncyCastle()));
        PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", Providers.bouncyCastle())
                .build(params);
        List<X509Certificate> path = new ArrayList<>();
        r.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
        path.add(r.getTrustAnchor().getTrustedCert());
        return List.copyOf(path);
    }

    static Check validity(X509Certificate leaf, Instant signingTime) {
        Instant[] valid = validityOf(leaf);
        if (signingTime.isBefore(valid[0])) {
            return Check.of("certificate.validity", CheckResult.FAILED,
                    T.text("verify.validity.before", signingTime, valid[0]));
        }
        if (signingTime.isAfter(valid[1])) {
            return Check.of("certificate.validity", CheckResult.FAILED,
                    T.text("verify.validity.expired", valid[1], signingTime));
        }
        return VALIDITY_PASSED.get(leaf); // the sentence depends on the certificate alone: made once
    }

    private static final dev.orgsign.core.Recurring<X509Certificate, Check> VALIDITY_PASSED = new dev.orgsign.core.Recurring<>(
            MAX_CACHED, leaf -> {
                Instant[] valid = validityOf(leaf);
                return Check.of("certificate.validity", CheckResult.PASSED, T.text("verify.validity.passed", valid[0], valid[1]));
            });

    private static Instant[] validityOf(X509Certificate c) {
        return VALIDITY.get(c);
    }

    /**
     * Revocation of the leaf, its issuer taken from the built path or else from the bundled certificates;
     * an unknown issuer leaves revocation unknown (not passed).
     */
    Check revocation(X509Certificate leaf, X509Certificate pathIssuer, List<X509Certificate> bundled, Instant now) {
        X509Certificate issuer = pathIssuer != null ? pathIssuer : bundled.stream()
                .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) && !c.equals(leaf))
                .findFirst().orElse(null);
        if (issuer == null) {
            return Check.of("certificate.revocation", CheckResult.NOT_CHECKED, T.text("verify.revocation.noIssuer"));
        }
        return revocation(leaf, issuer, now);
    }

    /**
     * Revocation of the leaf. A current CRL of its issuer given offline decides; otherwise, when
     * online, the OCSP responder the leaf names, then (when OCSP gave no answer) the CRL at its
     * distribution point. A missing or stale CRL and no OCSP answer leave it unknown (not passed).
     */
    Check revocation(X509Certificate leaf, X509Certificate issuer, Instant now) {
        X509CRL crl = offlineCrl(leaf, issuer);
        Text online = null;
        java.net.URI fetchedFrom = null;
        boolean fromList = false;
        if ((crl == null || stale(crl, now)) && this.online != null) {
            Text ocspProblem = null;
            if (this.online.ocsp() != null) {
                OcspAnswer a = this.online.ocsp().check(leaf, issuer, now);
                if (a.status() == OcspAnswer.Status.GOOD) {
                    return Check.of("certificate.revocation", CheckResult.PASSED,
                            T.text("verify.revocation.ocspGood", a.responder(), a.thisUpdate()));
                }
                if (a.status() == OcspAnswer.Status.REVOKED) {
                    return Check.of("certificate.revocation", CheckResult.FAILED,
                            T.text("verify.revocation.ocspRevoked", a.revokedAt(), reason(a.reason()), a.responder()));
                }
                ocspProblem = a.problem();
            }
            List<java.net.URI> points = this.online.crls() == null ? List.of() : CrlFetcher.distributionPoints(leaf);
            if (points.isEmpty() && this.online.crls() != null && trustList != null) {
                points = trustList.crlAddresses(issuer); // the list's addresses for the issuer's key, where the certificate names none
                fromList = !points.isEmpty();
            }
            if (points.isEmpty()) {
                Text noPoint = T.text("verify.revocation.noDistributionPoint");
                online = ocspProblem == null ? noPoint
                        : this.online.crls() == null ? ocspProblem
                        : Text.join(" ", List.of(ocspProblem, noPoint));
            }
            for (java.net.URI url : points) {
                CrlFetcher.Fetched f = this.online.crls().fetch(url);
                if (f.crl() == null) {
                    online = f.problem();
                } else if (!f.crl().getIssuerX500Principal().equals(leaf.getIssuerX500Principal()) || !signedBy(f.crl(), issuer)) {
                    online = T.text("verify.revocation.crlForeign", url);
                } else if (stale(f.crl(), now)) {
                    online = T.text("verify.revocation.crlExpiredAt", url, index(f.crl()).nextUpdate());
                } else {
                    crl = f.crl();
                    fetchedFrom = url;
                    online = null;
                    break;
                }
            }
            if (online != null && ocspProblem != null && online != ocspProblem
                    && !online.toString().startsWith(ocspProblem.toString())) {
                online = Text.join(" ", List.of(ocspProblem, online));
            }
        }
        if (online != null) {
            return Check.of("certificate.revocation", CheckResult.NOT_CHECKED, T.text("verify.revocation.unknownOnline", online));
        }
        if (crl == null) {
            return Check.of("certificate.revocation", CheckResult.NOT_CHECKED,
                    T.text("verify.revocation.noCrl", displayName(leaf.getIssuerX500Principal())));
        }
        if (stale(crl, now)) {
            return Check.of("certificate.revocation", CheckResult.NOT_CHECKED,
                    T.text("verify.revocation.crlExpired", index(crl).nextUpdate()));
        }
        X509CRLEntry entry = index(crl).revoked().get(leaf.getSerialNumber());
        if (entry != null) {
            Instant at = entry.getRevocationDate().toInstant();
            Text why = reason(entry.getRevocationReason());
            return Check.of("certificate.revocation", CheckResult.FAILED, fetchedFrom == null
                    ? T.text("verify.revocation.crlRevoked", at, why) : T.text("verify.revocation.crlRevokedAt", at, why, fetchedFrom));
        }
        return Check.of("certificate.revocation", CheckResult.PASSED, fetchedFrom == null
                ? T.text("verify.revocation.crlGood", index(crl).thisUpdate())
                : T.text(fromList ? "verify.revocation.crlGoodAtListed" : "verify.revocation.crlGoodAt", index(crl).thisUpdate(),
                fetchedFrom));
    }

    /** " (the reason)" after a revocation date, in the reader's language, or nothing when the reason was not said. */
    private static Text reason(java.security.cert.CRLReason reason) {
        return reason == null ? Text.literal("") : Text.join("", List.of(Text.literal(" ("), Sentences.revocationReason(reason),
                Text.literal(")")));
    }

    /** The newest given CRL of the leaf's issuer signed by {@code issuer}, chosen once per leaf and issuer (null: none). */
    private X509CRL offlineCrl(X509Certificate leaf, X509Certificate issuer) {
        CrlKey key = new CrlKey(leaf, issuer);
        java.util.Optional<X509CRL> chosen = offlineCrls.get(key);
        if (chosen == null) {
            X509CRL crl = null;
            for (X509CRL c : crls) {
                if (c.getIssuerX500Principal().equals(leaf.getIssuerX500Principal()) && signedBy(c, issuer)) {
                    if (crl == null || index(c).thisUpdate().isAfter(index(crl).thisUpdate())) {
                        crl = c;
                    }
                }
            }
            chosen = java.util.Optional.ofNullable(crl);
            if (offlineCrls.size() >= MAX_CACHED) {
                offlineCrls.clear();
            }
            offlineCrls.put(key, chosen);
        }
        return chosen.orElse(null);
    }

    private boolean stale(X509CRL crl, Instant now) {
        Instant next = index(crl).nextUpdate();
        return next != null && next.isBefore(now);
    }

    private CrlIndex index(X509CRL crl) {
        return crlIndex.get(crl);
    }

    private boolean signedBy(X509CRL crl, X509Certificate issuer) {
        X509Certificate known = crlIssuers.get(crl);
        if (known != null) {
            return known.equals(issuer);
        }
        try {
            crl.verify(issuer.getPublicKey(), Providers.bouncyCastle());
            crlIssuers.put(crl, issuer);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Instant clamp(Instant t, X509Certificate c) {
        Instant from = validityOf(c)[0];
        Instant to = validityOf(c)[1];
        return t.isBefore(from) ? from : t.isAfter(to) ? to : t;
    }

    /**
     * A name people can read: the common name (with the organization when it differs), never the
     * RFC 2253 form, which writes the Russian profile's attributes (OGRN, INN) as hex.
     */
    static String displayName(javax.security.auth.x500.X500Principal principal) {
        return NAMES.get(java.nio.ByteBuffer.wrap(principal.getEncoded()));
    }

    /** Display names by the DER of the X.500 name, made once (a certificate's bytes decide them). */
    private static final dev.orgsign.core.Recurring<java.nio.ByteBuffer, String> NAMES = new dev.orgsign.core.Recurring<>(
            MAX_CACHED, der -> readableName(new javax.security.auth.x500.X500Principal(der.array())));

    private static String readableName(javax.security.auth.x500.X500Principal principal) {
        try {
            org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(principal.getEncoded());
            String cn = first(name, org.bouncycastle.asn1.x500.style.BCStyle.CN);
            String o = first(name, org.bouncycastle.asn1.x500.style.BCStyle.O);
            if (cn == null) {
                return o != null ? o : name.toString();
            }
            return o == null || o.equals(cn) ? cn : cn + ", " + o;
        } catch (RuntimeException e) {
            return principal.getName();
        }
    }

    private static String first(org.bouncycastle.asn1.x500.X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        org.bouncycastle.asn1.x500.RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        org.bouncycastle.asn1.ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof org.bouncycastle.asn1.ASN1String text ? text.getString() : value.toString();
    }
}
