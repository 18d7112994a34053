package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import java.net.URI;
import java.security.cert.CRLReason;
import java.time.Instant;

/**
 * What an OCSP responder said about one certificate, after the answer was judged: GOOD or
 * REVOKED only when the answer is authentic, about the certificate asked for and current;
 * everything else is {@link Status#NO_ANSWER} with the sentence why.
 *
 * @param status     the outcome
 * @param responder  the responder's URL (null when no responder was asked)
 * @param thisUpdate when the responder vouched for the status (null without an answer)
 * @param nextUpdate until when the responder vouches for it (null when it did not say, or without an answer)
 * @param revokedAt  when the certificate was revoked (REVOKED only)
 * @param reason     why it was revoked, or null when the responder did not say (REVOKED only)
 * @param problem    why there is no answer (NO_ANSWER only), a sentence for people
 */
public record OcspAnswer(Status status, URI responder, Instant thisUpdate, Instant nextUpdate, Instant revokedAt,
                         CRLReason reason, Text problem) {
    /** The outcome of an OCSP query. */
    public enum Status {
        /** The responder vouched that the certificate is not revoked. */
        GOOD,
        /** The responder said the certificate is revoked. */
        REVOKED,
        /** No usable answer: no responder, an error, an untrusted or stale answer, or status unknown. */
        NO_ANSWER
    }

    static OcspAnswer none(URI responder, Text problem) {
        return new OcspAnswer(Status.NO_ANSWER, responder, null, null, null, null, problem);
    }
}
