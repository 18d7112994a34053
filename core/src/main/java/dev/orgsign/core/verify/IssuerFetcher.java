package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.x509.AccessDescription;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches the certificate of a certificate's issuer from the URL its Authority Information Access
 * names ({@code id-ad-caIssuers}, RFC 5280 4.2.2.1: a DER certificate or a PKCS#7 certificates-only
 * bundle; PEM and base64 are read too), with the same time and size limits as CRL and OCSP
 * fetching, and caches what it got for a day. What it fetches is only a candidate: the chain is
 * still built to a trust anchor and verified. Thread-safe.
 */
public final class IssuerFetcher {
    /**
     * The outcome of one fetch.
     *
     * @param certificates what the URL holds (not yet checked), empty on failure
     * @param problem      why nothing was had (a phrase, e.g. "the one at URL could not be fetched (HTTP 404)"), or null
     */
    public record Fetched(List<X509Certificate> certificates, Text problem) {
    }

    private record Cached(List<X509Certificate> certificates, Instant until) {
    }

    private final RevocationHttp http;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1024;

    /**
     * @param timeout  the limit for connecting and for the whole exchange, body included
     * @param maxBytes the largest answer read
     * @param clock    judges when a cached answer is due for renewal
     */
    public IssuerFetcher(Duration timeout, int maxBytes, Clock clock) {
        this.http = new RevocationHttp(timeout, maxBytes);
        this.clock = clock;
    }

    /**
     * A fetcher with a 10-second limit, answers up to 1 MiB, the system clock.
     *
     * @return a new fetcher with its own cache
     */
    public static IssuerFetcher defaults() {
        return new IssuerFetcher(Duration.ofSeconds(10), 1024 * 1024, Clock.systemUTC());
    }

    /**
     * The http(s) URLs where a certificate says its issuer's certificate is published (AIA caIssuers), in order.
     *
     * @param cert the certificate
     * @return the URLs; empty when it names none (or the extension cannot be read)
     */
    public static List<URI> caIssuers(X509Certificate cert) {
        return RevocationHttp.accessLocations(cert, AccessDescription.id_ad_caIssuers);
    }

    /**
     * Fetches (or takes from the cache) the certificates at {@code url}. Never throws.
     *
     * @param url an http or https URL
     * @return the certificates, or the phrase why there are none
     */
    public Fetched fetch(URI url) {
        Instant now = clock.instant();
        Cached c = cache.get(url);
        if (c != null && c.until().isAfter(now)) {
            return new Fetched(c.certificates(), null);
        }
        RevocationHttp.Got r = http.get(url);
        if (r.problem() != null) {
            return new Fetched(List.of(), T.text("issuer.fetchProblem", url, r.problem()));
        }
        byte[] body = r.body();
        Base64Text.Decoded text = Base64Text.decode(body);
        if (text != null && text.label() == null) {
            body = text.bytes();
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Object o : CertificateFactory.getInstance("X.509", Providers.bouncyCastle())
                    .generateCertificates(new ByteArrayInputStream(body))) {
                certificates.add((X509Certificate) o);
            }
            if (certificates.isEmpty()) {
                return new Fetched(List.of(), T.text("issuer.noCertificate", url));
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(url, new Cached(List.copyOf(certificates), now.plus(Duration.ofDays(1))));
            return new Fetched(List.copyOf(certificates), null);
        } catch (Exception e) {
            return new Fetched(List.of(), T.text("issuer.notCertificate", url));
        }
    }
}
