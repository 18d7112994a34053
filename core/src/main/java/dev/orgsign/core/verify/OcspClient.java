package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the OCSP responders a certificate names (Authority Information Access, id-ad-ocsp) whether
 * it is revoked (RFC 6960), when the verifier is online. The request carries a SHA-1 CertID (the
 * RFC 6960 default every responder understands) and a random 16-byte nonce (RFC 8954); it is
 * POSTed as {@code application/ocsp-request} with a time limit covering the whole exchange and a
 * cap on the response size.
 *
 * <p>The answer is judged fail closed. It counts only when the response status is successful; it
 * is a BasicOCSPResponse signed by the certificate's issuer, or by a responder certificate the
 * issuer issued that carries id-kp-OCSPSigning and is valid now; it names the certificate asked
 * for; its thisUpdate is not more than 5 minutes in the future; its nextUpdate, when present, has
 * not passed. A nonce in the answer must be the one sent. A responder may ignore the nonce (many
 * serve pre-made answers): such an answer is accepted only when it is current by its own dates —
 * a nextUpdate still ahead (the responder vouches until then, as a CRL does) or, without one, a
 * thisUpdate at most {@code maxAge} old — and is otherwise refused as a possible replay. Status
 * unknown and every error give {@link OcspAnswer.Status#NO_ANSWER}, never GOOD. The delegated
 * responder certificate's own revocation is not checked (RFC 6960 4.2.2.2.1 leaves it to the CA;
 * responder certificates are short-lived and usually carry id-pkix-ocsp-nocheck). A REVOKED answer
 * fails the certificate whatever the revocation time, as a CRL entry does: it is revoked now.
 *
 * <p>A GOOD answer is cached until min(nextUpdate, thisUpdate + {@code maxAge}), never beyond
 * its nextUpdate; REVOKED answers and failures are not cached (the next verification asks again).
 * Thread-safe.
 */
public final class OcspClient {
    private static final int MAX_CACHED = 4096;
    private static final Duration SKEW = Duration.ofMinutes(5);

    private record Key(X509Certificate cert, X509Certificate issuer) {
    }

    private record Cached(OcspAnswer answer, Instant until) {
    }

    private final RevocationHttp http;
    private final Duration maxAge;
    private final OcspJudge judge;
    private final SecureRandom random = new SecureRandom();
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param timeout  the limit for connecting and for the whole exchange with one responder
     * @param maxBytes the largest response accepted
     * @param maxAge   how long after its thisUpdate a GOOD answer is reused from the cache, and how old an
     *                 answer carrying neither the nonce nor a nextUpdate may be (zero: no caching)
     */
    public OcspClient(Duration timeout, int maxBytes, Duration maxAge) {
        this.maxAge = maxAge;
        this.judge = new OcspJudge(SKEW, maxAge);
        this.http = new RevocationHttp(timeout, maxBytes);
    }

    /**
     * A client with a 10-second limit, responses up to 256 KiB and a 5-minute maximum age.
     *
     * @return a new client with its own cache
     */
    public static OcspClient defaults() {
        return new OcspClient(Duration.ofSeconds(10), 256 * 1024, Duration.ofMinutes(5));
    }

    /**
     * The http(s) URLs of the OCSP responders the certificate names, in the order it lists them.
     *
     * @param cert the certificate
     * @return the URLs; empty when it names none (or the extension cannot be read)
     */
    public static List<URI> responders(X509Certificate cert) {
        return RevocationHttp.accessLocations(cert, AccessDescription.id_ad_ocsp);
    }

    /**
     * Asks the certificate's responders in turn until one gives a GOOD or REVOKED answer (or takes
     * a GOOD one from the cache). Never throws.
     *
     * @param cert   the certificate in question
     * @param issuer the certificate of its issuer (whose key hash the request names, and who vouches for the responder)
     * @param now    the moment against which the answer's dates are judged
     * @return the answer; NO_ANSWER with the reasons of every responder tried when none answered usably
     */
    public OcspAnswer check(X509Certificate cert, X509Certificate issuer, Instant now) {
        Key key = new Key(cert, issuer);
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.answer();
        }
        List<URI> urls = responders(cert);
        if (urls.isEmpty()) {
            return OcspAnswer.none(null, T.text("ocsp.noResponder"));
        }
        List<Text> problems = new ArrayList<>();
        for (URI url : urls) {
            OcspAnswer a = ask(url, cert, issuer, now);
            if (a.status() == OcspAnswer.Status.GOOD) {
                Instant until = a.thisUpdate().plus(maxAge);
                if (a.nextUpdate() != null && a.nextUpdate().isBefore(until)) {
                    until = a.nextUpdate();
                }
                if (until.isAfter(now)) {
                    if (cache.size() >= MAX_CACHED) {
                        cache.clear();
                    }
                    cache.put(key, new Cached(a, until));
                }
            }
            if (a.status() != OcspAnswer.Status.NO_ANSWER) {
                return a;
            }
            problems.add(a.problem());
        }
        return OcspAnswer.none(urls.get(urls.size() - 1), Text.join(" ", problems));
    }

    /**
     * Asks one responder about one certificate and judges the answer. Never throws.
     *
     * @param url    the responder's URL
     * @param cert   the certificate in question
     * @param issuer the certificate of its issuer
     * @param now    the moment against which the answer's dates are judged
     * @return the judged answer
     */
    public OcspAnswer ask(URI url, X509Certificate cert, X509Certificate issuer, Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] request;
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle())
                    .build().get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, OcspJudge.nonceValue(nonce)))).build().getEncoded();
        } catch (Exception e) {
            return OcspAnswer.none(url, T.text("ocsp.noRequest", e.getClass().getSimpleName()));
        }
        RevocationHttp.Response r = http.exchange(url, b -> b.header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response").POST(HttpRequest.BodyPublishers.ofByteArray(request)));
        if (r.status() != 0 && r.status() != 200) {
            return OcspAnswer.none(url, T.text("ocsp.http", url, r.status()));
        }
        if (r.failure() != null) {
            return OcspAnswer.none(url, switch (r.failure()) {
                case TIMEOUT -> T.text("ocsp.timeout", url, http.timeout().toMillis());
                case TOO_LARGE -> T.text("ocsp.tooLarge", url, http.maxBytes());
                case INTERRUPTED -> T.text("ocsp.interrupted", url);
                case UNREACHABLE -> T.text("ocsp.unreachable", url, r.cause());
            });
        }
        return judge.judge(url, r.body(), cert, issuer, nonce, now);
    }
}
