package dev.orgsign.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.verify.Verdict;
import org.bouncycastle.cms.CMSSignedData;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /api/v1/submissions}: who may submit and how often, the body read without a thread
 * waiting for it, the size and certificate limits, and the durable intake. A new submission's
 * answer carries its read token, the only time the token is ever sent.
 */
final class Intake {
    private static final dev.orgsign.core.Texts T = ApiHandler.T;
    private static final java.util.regex.Pattern JSON_TYPE = java.util.regex.Pattern.compile("application/json(;.*)?");
    private final IntakeCommitter committer;
    private final ServiceConfig config;
    private final Access access;
    private final TokenBuckets perClient;
    private final TokenBuckets perRecipient;
    private final AuditLog audit;
    /** Bytes still free for bodies being read: each reads with its Content-Length (or the body limit) reserved. */
    private final AtomicLong bodyMemory;

    Intake(IntakeCommitter committer, ServiceConfig config, Access access, AuditLog audit) {
        this.committer = committer;
        this.config = config;
        this.access = access;
        this.audit = audit;
        this.perClient = new TokenBuckets(config.limits().perClient(), 100_000, System::nanoTime);
        this.perRecipient = new TokenBuckets(config.limits().perRecipient(), 100_000, System::nanoTime);
        this.bodyMemory = new AtomicLong(config.limits().bodyMemory());
    }

    /** Checks who asks and how often, then reads the body asynchronously and answers when it is whole. */
    void submit(Request request, Response response, Callback callback) throws ApiHandler.ApiError {
        Locale language = Languages.of(request);
        Locale submitted = Languages.ofSubmission(request);
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !JSON_TYPE.matcher(type.toLowerCase(Locale.ROOT).replace(" ", "")).matches()) {
            throw new ApiHandler.ApiError(415, "unsupported_media_type", T.text("api.mediaType"));
        }
        String client = access.submitter(request);
        long wait = perClient.take(client);
        if (wait > 0) {
            audit.record("rate-limited", client, null, "per-client");
            throw new ApiHandler.ApiError(429, "rate_limited", T.text("api.clientRate", config.limits().perClient().count(),
                    config.limits().perClient().period(), wait)).retryAfter(wait);
        }
        long length = request.getLength();
        if (length > config.maxBodyBytes()) {
            throw new ApiHandler.ApiError(413, "too_large", T.text("api.bodyTooLarge", length, config.maxBodyBytes()));
        }
        long reserved = length >= 0 ? length : config.maxBodyBytes();
        if (bodyMemory.addAndGet(-reserved) < 0) {
            bodyMemory.addAndGet(reserved);
            audit.record("refused", client, null, "busy");
            throw new ApiHandler.ApiError(503, "busy", T.text("api.busy")).retryAfter(5);
        }
        StageEvent reading = StageEvent.start("http.body");
        BodyReader.read(request, config.maxBodyBytes(), config.limits().minBodyRate(), new BodyReader.Done() {
            @Override
            public void body(byte[] body) {
                reading.done(1);
                bodyMemory.addAndGet(reserved);
                ApiHandler.answer(language, response, callback, "POST", "/api/v1/submissions",
                        () -> accept(client, body, language, submitted, response, callback));
            }

            @Override
            public void refused(ApiHandler.ApiError error) {
                bodyMemory.addAndGet(reserved);
                audit.record("refused", client, null, error.code);
                ApiHandler.error(response, callback, error, language);
            }
        });
    }

    /**
     * Decodes and checks the body, then hands the submission to the group commit, which answers.
     *
     * @param language  the reader's language, of the answer's sentences
     * @param submitted the submission's language, of its mail and receipt
     */
    private void accept(String client, byte[] body, Locale language, Locale submitted, Response response, Callback callback)
            throws ApiHandler.ApiError {
        byte[][] parts;
        RegistrationPayload p;
        StageEvent decoding = StageEvent.start("intake.decode");
        try {
            parts = parts(body);
            p = payload(parts[0]);
            limits(parts[1]);
            decoding.done(1);
        } catch (ApiHandler.ApiError e) {
            audit.record("refused", client, null, e.code);
            throw e;
        }
        String email = p.contact() == null ? null : p.contact().email();
        String token = ApiKeys.newToken();
        IntakeStore.NewSubmission s = new IntakeStore.NewSubmission(p.requestId().toString(), parts[0], parts[1],
                ApiHandler.sha256(parts[0]), ApiHandler.sha256(parts[1]), ApiKeys.sha256(token), email,
                Worker.Notifications.organization(p), submitted);
        if (!committer.offer(new Arrival(client, s, token, language, response, callback))) {
            audit.record("refused", client, null, "busy");
            throw new ApiHandler.ApiError(503, "busy", T.text("api.storingBusy")).retryAfter(5);
        }
    }

    /** A submission waiting for the group commit, answered when it is stored or refused. */
    private final class Arrival implements IntakeCommitter.Waiting {
        private final String client;
        private final IntakeStore.NewSubmission submission;
        private final String token;
        private final Locale language;
        private final Response response;
        private final Callback callback;
        private final StageEvent waiting = StageEvent.start("intake.commit");
        private ApiHandler.ApiError notAdmitted;

        Arrival(String client, IntakeStore.NewSubmission submission, String token, Locale language, Response response,
                Callback callback) {
            this.client = client;
            this.submission = submission;
            this.token = token;
            this.language = language;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public IntakeStore.NewSubmission submission() {
            return submission;
        }

        @Override
        public boolean admit() {
            if (submission.email() == null) {
                return true;
            }
            long wait = perRecipient.take(submission.email().toLowerCase(Locale.ROOT));
            if (wait > 0) {
                notAdmitted = new ApiHandler.ApiError(429, "rate_limited", T.text("api.recipientRate",
                        config.limits().perRecipient().count(), config.limits().perRecipient().period(), wait)).retryAfter(wait);
            }
            return wait == 0;
        }

        @Override
        public void outcome(IntakeStore.Outcome o) {
            waiting.done(1);
            ApiHandler.answer(language, response, callback, "POST", "/api/v1/submissions", () -> {
                switch (o.kind()) {
                    case STORED -> answer(client, o.intake(), o.intake().created() ? token : null, response, callback);
                    case NOT_ADMITTED -> {
                        audit.record("rate-limited", client, null, "per-recipient");
                        throw notAdmitted;
                    }
                    case FULL -> {
                        audit.record("refused", client, null, "too_many_pending");
                        throw new ApiHandler.ApiError(429, "too_many_pending", T.text("api.tooManyPending", config.maxPending()))
                                .retryAfter(60);
                    }
                    case CONFLICT -> {
                        audit.record("refused", client, null, "request_id_reused");
                        throw new ApiHandler.ApiError(409, "request_id_reused", o.conflict());
                    }
                    default -> throw new IllegalStateException(o.kind().name());
                }
            });
        }

        @Override
        public void failed(SQLException e) {
            ApiHandler.answer(language, response, callback, "POST", "/api/v1/submissions", () -> {
                throw e;
            });
        }
    }

    private void answer(String client, IntakeStore.Intake intake, String token, Response response, Callback callback) {
        StageEvent answering = StageEvent.start("intake.answer");
        audit.record(intake.created() ? "submitted" : "resubmitted", client, intake.id(), intake.status().name());
        ObjectNode out = Json.object();
        out.put("id", intake.id());
        out.put("status", intake.status().name());
        if (token != null) {
            out.put("token", token);
        }
        ApiHandler.json(response, callback, intake.status() == Verdict.PENDING ? 202 : 200, out);
        answering.done(1);
    }

    /** The payload and the signature of a body, decoded. */
    private static byte[][] parts(byte[] body) throws ApiHandler.ApiError {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiHandler.ApiError(400, "invalid_json", T.text("api.notJson", dev.orgsign.core.Text.quoted(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ApiHandler.ApiError(400, "invalid_json", T.text("api.unreadable"));
        }
        if (root == null || !root.isObject()) {
            throw new ApiHandler.ApiError(400, "invalid_request", T.text("api.notObject"));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("payload") && !f.equals("signature")) {
                throw new ApiHandler.ApiError(400, "invalid_request", T.text("api.unknownField", ApiHandler.trim(f)));
            }
        }
        return new byte[][] {base64(root, "payload"), base64(root, "signature")};
    }

    private static RegistrationPayload payload(byte[] payload) throws ApiHandler.ApiError {
        RegistrationPayload p;
        try {
            p = PayloadCodec.parse(payload);
        } catch (OrgsignException e) {
            throw new ApiHandler.ApiError(400, "invalid_payload", e.text());
        } catch (RuntimeException e) {
            throw new ApiHandler.ApiError(400, "invalid_payload", T.text("api.payloadUnreadable"));
        }
        if (p.contact() != null && p.contact().email() != null) {
            try {
                new jakarta.mail.internet.InternetAddress(p.contact().email(), true).validate();
            } catch (jakarta.mail.internet.AddressException e) {
                throw new ApiHandler.ApiError(400, "invalid_payload", T.text("api.badAddress", ApiHandler.trim(p.contact().email())));
            }
        }
        return p;
    }

    /** The signature's size and what it carries: one signer, a handful of certificates and CRLs. */
    private void limits(byte[] signature) throws ApiHandler.ApiError {
        int maxBytes = config.limits().maxSignatureBytes();
        if (signature.length > maxBytes) {
            throw new ApiHandler.ApiError(413, "too_large", T.text("api.signatureTooLarge", signature.length, maxBytes));
        }
        int carried;
        try {
            CMSSignedData cms = new CMSSignedData(signature);
            if (cms.getSignerInfos().size() != 1) {
                throw new ApiHandler.ApiError(400, "invalid_signature", T.text("api.oneSigner"));
            }
            carried = cms.getCertificates().getMatches(null).size() + cms.getCRLs().getMatches(null).size()
                    + cms.getAttributeCertificates().getMatches(null).size();
        } catch (org.bouncycastle.cms.CMSException | RuntimeException e) {
            throw new ApiHandler.ApiError(400, "invalid_signature", T.text("api.notCms"));
        }
        int max = config.limits().maxCertificates();
        if (carried > max) {
            throw new ApiHandler.ApiError(400, "too_many_certificates", T.text("api.tooManyCertificates", carried, max));
        }
    }

    private static byte[] base64(JsonNode root, String field) throws ApiHandler.ApiError {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new ApiHandler.ApiError(400, "invalid_request", T.text("api.notBase64String", field));
        }
        try {
            byte[] b = Base64.getDecoder().decode(n.asText());
            if (b.length == 0) {
                throw new ApiHandler.ApiError(400, "invalid_request", T.text("api.emptyField", field));
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new ApiHandler.ApiError(400, "bad_base64", T.text("api.badBase64", field));
        }
    }
}
