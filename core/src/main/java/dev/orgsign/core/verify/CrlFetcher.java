package dev.orgsign.core.verify;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    public record Fetched(X509CRL crl, String problem) {
    }

    private record Cached(X509CRL crl, Instant until) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param timeout  the limit for connecting and for the whole response
     * @param maxBytes the largest CRL accepted
     * @param clock    judges when a cached CRL is due for renewal
     */
    public CrlFetcher(Duration timeout, int maxBytes, Clock clock) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.http = httpClient(timeout);
    }

    /**
     * The HTTP client revocation sources share (CRL distribution points, OCSP responders): the
     * connect limit, redirects followed, the system's proxy settings when there are any.
     */
    static HttpClient httpClient(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(java.net.ProxySelector.getDefault() == null ? HttpClient.Builder.NO_PROXY : java.net.ProxySelector.getDefault())
                .build();
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
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        try {
            CRLDistPoint cdp = CRLDistPoint.getInstance(ASN1Primitive.fromByteArray(
                    DEROctetString.getInstance(ext).getOctets()));
            for (DistributionPoint dp : cdp.getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = g.getName().toString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            out.add(URI.create(url));
                        }
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
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Fetched(null, "The CRL at " + url + " could not be fetched (HTTP " + response.statusCode() + ").");
                }
                body = in.readNBytes(maxBytes + 1);
            }
            if (body.length > maxBytes) {
                return new Fetched(null, "The CRL at " + url + " is larger than " + maxBytes + " bytes and was not read.");
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", Providers.bouncyCastle())
                    .generateCRL(new ByteArrayInputStream(body));
            if (crl == null) {
                return new Fetched(null, "The file at " + url + " is not a CRL.");
            }
            Instant until = crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : now.plus(Duration.ofHours(1));
            cache.put(url, new Cached(crl, until));
            return new Fetched(crl, null);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Fetched(null, "The CRL at " + url + " did not arrive within " + timeout.toMillis() + " ms.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(null, "Fetching the CRL at " + url + " was interrupted.");
        } catch (Exception e) {
            return new Fetched(null, "The CRL at " + url + " could not be fetched or read (" + e.getClass().getSimpleName() + ").");
        }
    }
}
