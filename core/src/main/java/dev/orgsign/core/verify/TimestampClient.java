package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Asks an RFC 3161 time-stamping authority over HTTP for a timestamp token over some bytes — for
 * CAdES-T, the signature value. The request carries a random nonce and asks for the TSA's
 * certificate; the answer must be granted and must stamp exactly what was asked (imprint, nonce),
 * or signing stops with a sentence. The exchange is bounded like the revocation sources' (one time
 * limit with the body included, a body cap). Thread-safe.
 */
public final class TimestampClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final RevocationHttp http;

    /**
     * @param url      the TSA's http(s) URL
     * @param timeout  the limit for connecting and for the whole exchange
     * @param maxBytes the largest answer read
     */
    public TimestampClient(URI url, Duration timeout, int maxBytes) {
        this.url = url;
        this.http = new RevocationHttp(timeout, maxBytes);
    }

    /**
     * A client with a 20-second limit and answers up to 1 MiB.
     *
     * @param url the TSA's http(s) URL
     * @return the client
     */
    public static TimestampClient of(URI url) {
        return new TimestampClient(url, Duration.ofSeconds(20), 1024 * 1024);
    }

    /** {@return the TSA's URL} */
    public URI url() {
        return url;
    }

    /**
     * A timestamp token over {@code data}, whose imprint the TSA makes with {@code digest}.
     *
     * @param data   the bytes to stamp (for CAdES-T: the contents of the signature value)
     * @param digest the imprint's digest algorithm, e.g. GOST R 34.11-2012 for a GOST signature
     * @return the DER of the token (a CMS SignedData)
     * @throws OrgsignException SERVICE_UNREACHABLE or SERVICE_TIMEOUT when the TSA does not answer,
     *                          SERVICE_ERROR when it refuses or answers something else than asked
     */
    public byte[] stamp(byte[] data, ASN1ObjectIdentifier digest) throws OrgsignException {
        TimeStampRequest request;
        try {
            String name = new DefaultAlgorithmNameFinder().getAlgorithmName(digest);
            byte[] imprint = MessageDigest.getInstance(name, Providers.bouncyCastle()).digest(data);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            request = generator.generate(digest, imprint, new BigInteger(64, RANDOM));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("tsa.request", digest.getId(), Sentences.detail(e)), e);
        }
        byte[] query;
        try {
            query = request.getEncoded();
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("tsa.encode"), e);
        }
        RevocationHttp.Response r = http.exchange(url, b -> b.header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)));
        if (r.failure() == RevocationHttp.Failure.TIMEOUT) {
            throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, T.text("tsa.timeout", url, http.timeout().toSeconds()));
        }
        if (r.status() == 0) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, T.text("tsa.unreachable", url,
                    r.cause() == null ? r.failure() : r.cause()));
        }
        if (r.status() != 200 || r.body() == null) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, r.body() == null
                    ? T.text("tsa.httpLarge", url, r.status(), http.maxBytes()) : T.text("tsa.http", url, r.status()));
        }
        try {
            TimeStampResponse response = new TimeStampResponse(r.body());
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new OrgsignException(ErrorCode.SERVICE_ERROR, response.getStatusString() == null
                        ? T.text("tsa.refused", url, response.getStatus())
                        : T.text("tsa.refusedSaying", url, response.getStatus(), Text.quoted(response.getStatusString())));
            }
            response.validate(request); // the imprint and nonce asked for, the certificate included
            return token.getEncoded();
        } catch (TSPException e) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, T.text("tsa.otherwise", url, Sentences.detail(e)), e);
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, T.text("tsa.notResponse", url), e);
        }
    }
}
