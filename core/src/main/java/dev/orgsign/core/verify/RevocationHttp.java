package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The HTTP exchange the online sources share (CRL distribution points, OCSP responders, CA
 * certificates at their AIA URL, time-stamping authorities): one time limit for the whole
 * exchange, body included, so that a server trickling bytes cannot hold a verification; a cap on
 * the body, read no further than the cap; redirects followed; the system's proxy settings. Also
 * reads the http(s) URLs out of a certificate extension. Thread-safe.
 */
final class RevocationHttp {
    /** Why an exchange gave no body. */
    enum Failure { TIMEOUT, TOO_LARGE, INTERRUPTED, UNREACHABLE }

    /**
     * The outcome of one exchange: the HTTP status and body, or a failure.
     *
     * @param status  the HTTP status, or 0 when no answer arrived
     * @param body    the body (at most the cap), or null on failure (TOO_LARGE keeps the status)
     * @param failure why there is no body, or null
     * @param cause   the exception's simple class name for UNREACHABLE, or null
     */
    record Response(int status, byte[] body, Failure failure, String cause) {
        static Response failed(Failure failure, String cause) {
            return new Response(0, null, failure, cause);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    RevocationHttp(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault() == null ? HttpClient.Builder.NO_PROXY : ProxySelector.getDefault())
                .build();
    }

    Duration timeout() {
        return timeout;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** Sends a request to {@code url}, shaped by {@code method} (headers, method, body; the timeout is set here). Never throws. */
    Response exchange(URI url, UnaryOperator<HttpRequest.Builder> method) {
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            HttpRequest request = method.apply(HttpRequest.newBuilder(url)).timeout(timeout).build();
            future = http.sendAsync(request, info -> new LimitedBody(maxBytes));
        } catch (RuntimeException e) {
            return Response.failed(Failure.UNREACHABLE, e.getClass().getSimpleName());
        }
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.body(), response.body() == null ? Failure.TOO_LARGE : null, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Response.failed(Failure.TIMEOUT, null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Response.failed(Failure.INTERRUPTED, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof HttpTimeoutException ? Response.failed(Failure.TIMEOUT, null)
                    : Response.failed(Failure.UNREACHABLE, cause.getClass().getSimpleName());
        }
    }

    /**
     * A GET of {@code url} ({@link #exchange}) and why it gave no usable body, for files the sources fetch
     * (CRLs, CA certificates).
     *
     * @param url the URL
     * @return the response and, when there is no HTTP 200 body, the phrase that completes "the FILE at URL …"
     */
    Got get(URI url) {
        Response r = exchange(url, HttpRequest.Builder::GET);
        Text problem;
        if (r.status() != 0 && r.status() != 200) {
            problem = T.text("fetch.http", r.status());
        } else if (r.failure() == null) {
            problem = null;
        } else {
            problem = switch (r.failure()) {
                case TIMEOUT -> T.text("fetch.timeout", timeout.toMillis());
                case TOO_LARGE -> T.text("fetch.tooLarge", maxBytes);
                case INTERRUPTED -> T.text("fetch.interrupted");
                case UNREACHABLE -> T.text("fetch.unreachable", r.cause());
            };
        }
        return new Got(r.body(), problem);
    }

    /**
     * A fetched file.
     *
     * @param body    the body of an HTTP 200 answer, or null
     * @param problem why there is none, as the phrase after "the FILE at URL", or null
     */
    record Got(byte[] body, Text problem) {
    }

    /**
     * The http(s) URLs a certificate's Authority Information Access names for {@code method} (OCSP, caIssuers),
     * in order; empty when there are none or the extension cannot be read.
     */
    static List<URI> accessLocations(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        List<URI> out = new java.util.ArrayList<>();
        try {
            ASN1Primitive ext = extension(cert, org.bouncycastle.asn1.x509.Extension.authorityInfoAccess.getId());
            if (ext == null) {
                return out;
            }
            for (org.bouncycastle.asn1.x509.AccessDescription d
                    : org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(ext).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(method)) {
                    addHttpUrl(d.getAccessLocation(), out);
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /**
     * The value of a certificate extension as an ASN.1 object, or null when the certificate has none.
     *
     * @throws IOException when the extension is not DER
     */
    static ASN1Primitive extension(X509Certificate cert, String oid) throws IOException {
        byte[] ext = cert.getExtensionValue(oid);
        return ext == null ? null : ASN1Primitive.fromByteArray(DEROctetString.getInstance(ext).getOctets());
    }

    /** Adds {@code name} to {@code urls} when it is an http or https URI. */
    static void addHttpUrl(GeneralName name, List<URI> urls) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String url = name.getName().toString();
            if (url.startsWith("http://") || url.startsWith("https://")) {
                urls.add(URI.create(url));
            }
        }
    }

    /** Collects a response body up to a limit; a longer one is cancelled and yields null. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.complete(null);
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
