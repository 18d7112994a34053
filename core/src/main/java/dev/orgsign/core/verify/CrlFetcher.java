package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs from the HTTP distribution points a certificate names (when the verifier is
 * online), with a time limit and a size limit, and caches each CRL until its nextUpdate. What it
 * fetches is only a candidate: the caller checks the CRL's issuer and signature, and anything
 * that cannot be fetched leaves revocation unknown — never passed. Thread-safe.
 */
public final class CrlFetcher {
    /**
     * The outcome of one fetch: a CRL, or the sentence why there is none.
     *
     * @param crl     the CRL (not yet checked against its issuer), or null
     * @param problem why there is no CRL, or null
     */
    public record Fetched(X509CRL crl, Text problem) {
    }

    private record Cached(X509CRL crl, Instant until) {
    }

    private final RevocationHttp http;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param timeout  the limit for connecting and for the whole exchange, body included
     * @param maxBytes the largest CRL accepted
     * @param clock    judges when a cached CRL is due for renewal
     */
    public CrlFetcher(Duration timeout, int maxBytes, Clock clock) {
        this.clock = clock;
        this.http = new RevocationHttp(timeout, maxBytes);
    }

    /**
     * A fetcher with a 10-second limit, CRLs up to 20 MiB, the system clock.
     *
     * @return a new fetcher with its own cache
     */
    public static CrlFetcher defaults() {
        return new CrlFetcher(Duration.ofSeconds(10), 20 * 1024 * 1024, Clock.systemUTC());
    }

    /**
     * The http(s) URLs of the certificate's CRL distribution points, in the order it lists them.
     *
     * @param cert the certificate
     * @return the URLs; empty when it names none (or the extension cannot be read)
     */
    public static List<URI> distributionPoints(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        try {
            ASN1Primitive ext = RevocationHttp.extension(cert, Extension.cRLDistributionPoints.getId());
            if (ext == null) {
                return out;
            }
            for (DistributionPoint dp : CRLDistPoint.getInstance(ext).getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        RevocationHttp.addHttpUrl(g, out);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /**
     * Fetches (or takes from the cache) the CRL at {@code url}. Never throws.
     *
     * @param url an http or https URL
     * @return the CRL, or the sentence why there is none
     */
    public Fetched fetch(URI url) {
        Instant now = clock.instant();
        Cached c = cache.get(url);
        if (c != null && c.until().isAfter(now)) {
            return new Fetched(c.crl(), null);
        }
        RevocationHttp.Got r = http.get(url);
        if (r.problem() != null) {
            return new Fetched(null, T.text("crl.fetchProblem", url, r.problem()));
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", Providers.bouncyCastle())
                    .generateCRL(new ByteArrayInputStream(r.body()));
            if (crl == null) {
                return new Fetched(null, T.text("crl.notCrl", url));
            }
            Instant until = crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : now.plus(Duration.ofHours(1));
            cache.put(url, new Cached(crl, until));
            return new Fetched(crl, null);
        } catch (Exception e) {
            return new Fetched(null, T.text("crl.unreadable", url, e.getClass().getSimpleName()));
        }
    }
}
