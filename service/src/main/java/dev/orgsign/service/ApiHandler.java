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
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API of docs/design.md on Jetty's core handler API. Every answer is JSON (the receipt
 * aside); errors are {@code {error, message}} with a 4xx or 503 status and never carry a stack trace.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern SUBMISSION = Pattern.compile("/api/v1/submissions/([0-9a-f-]{36})(/receipt\\.pdf)?");
    private static final int MAX_SIGNATURE_BYTES = 256 * 1024;

    /** A refusal to send back as JSON. */
    static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final SubmissionStore store;
    private final Receipts receipts;
    private final int maxBody;
    private final int maxPending;
    private final Clock clock;
    private final Semaphore wakeUp;
    private volatile boolean shuttingDown;

    ApiHandler(SubmissionStore store, Receipts receipts, int maxBody, int maxPending, Clock clock, Semaphore wakeUp) {
        this.store = store;
        this.receipts = receipts;
        this.maxBody = maxBody;
        this.maxPending = maxPending;
        this.clock = clock;
        this.wakeUp = wakeUp;
    }

    void shuttingDown() {
        shuttingDown = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            if (shuttingDown) {
                throw new ApiError(503, "shutting_down", "The service is shutting down; try again in a moment.");
            }
            if (path.equals("/health")) {
                requireMethod(method, "GET");
                health(response, callback);
            } else if (path.equals("/api/v1/submissions")) {
                requireMethod(method, "POST");
                submit(request, response, callback);
            } else {
                Matcher m = SUBMISSION.matcher(path);
                if (!m.matches()) {
                    throw new ApiError(404, "not_found", "There is nothing at " + trim(path) + ".");
                }
                requireMethod(method, "GET");
                if (m.group(2) == null) {
                    status(m.group(1), response, callback);
                } else {
                    receipt(m.group(1), response, callback);
                }
            }
        } catch (ApiError e) {
            error(response, callback, e.status, e.code, e.getMessage());
        } catch (SQLException e) {
            LOG.warn("Database unavailable: {}", Database.rootMessage(e));
            error(response, callback, 503, "unavailable", "The service's database is unavailable; try again later.");
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure on {} {}", method, trim(path), e);
            error(response, callback, 500, "internal", "The service failed to handle the request; it has been logged.");
        }
        return true;
    }

    private void submit(Request request, Response response, Callback callback) throws ApiError, SQLException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).replace(" ", "").matches("application/json(;.*)?")) {
            throw new ApiError(415, "unsupported_media_type", "Send the submission as application/json.");
        }
        long length = request.getLength();
        if (length > maxBody) {
            throw new ApiError(413, "too_large", "The request body of " + length + " bytes exceeds the limit of " + maxBody + " bytes.");
        }
        byte[] body = read(request);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiError(400, "invalid_json", "The request body is not valid JSON: " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw new ApiError(400, "invalid_json", "The request body cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "invalid_request", "The request body must be a JSON object with \"payload\" and \"signature\".");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("payload") && !f.equals("signature")) {
                throw new ApiError(400, "invalid_request", "Unknown field \"" + trim(f) + "\"; only \"payload\" and \"signature\" are allowed.");
            }
        }
        byte[] payload = base64(root, "payload");
        byte[] signature = base64(root, "signature");
        RegistrationPayload p;
        try {
            p = PayloadCodec.parse(payload);
        } catch (OrgsignException e) {
            throw new ApiError(400, "invalid_payload", e.getMessage());
        } catch (RuntimeException e) {
            throw new ApiError(400, "invalid_payload", "The payload cannot be read as a registration.");
        }
        if (p.contact() != null && p.contact().email() != null) {
            try {
                new jakarta.mail.internet.InternetAddress(p.contact().email(), true).validate();
            } catch (jakarta.mail.internet.AddressException e) {
                throw new ApiError(400, "invalid_payload", "The contact e-mail " + trim(p.contact().email())
                        + " is not an address mail can be sent to.");
            }
        }
        if (signature.length > MAX_SIGNATURE_BYTES) {
            throw new ApiError(413, "too_large", "The signature of " + signature.length + " bytes exceeds the limit of "
                    + MAX_SIGNATURE_BYTES + " bytes.");
        }
        try {
            CMSSignedData cms = new CMSSignedData(signature);
            if (cms.getSignerInfos().size() != 1) {
                throw new ApiError(400, "invalid_signature", "The signature must hold exactly one signer.");
            }
        } catch (org.bouncycastle.cms.CMSException | RuntimeException e) {
            throw new ApiError(400, "invalid_signature", "The signature is not a DER CMS SignedData structure "
                    + "(garbage or truncated).");
        }
        SubmissionStore.Intake intake;
        try {
            intake = store.accept(p.requestId().toString(), payload, signature, sha256(payload), sha256(signature),
                    p.contact() == null ? null : p.contact().email(), Worker.Notifications.organization(p), clock.millis(), maxPending);
        } catch (SubmissionStore.Full e) {
            throw new ApiError(429, "too_many_pending", "The service has " + maxPending
                    + " submissions waiting for verification; try again in a minute.");
        } catch (SubmissionStore.Conflict e) {
            throw new ApiError(409, "request_id_reused", e.getMessage());
        }
        if (intake.created()) {
            wakeUp.release();
        }
        ObjectNode out = Json.object();
        out.put("id", intake.id());
        out.put("status", intake.status().name());
        json(response, callback, intake.created() ? 202 : (intake.status() == Verdict.PENDING ? 202 : 200), out);
    }

    private byte[] read(Request request) throws ApiError {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) {
                throw new ApiError(413, "too_large", "The request body exceeds the limit of " + maxBody + " bytes.");
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(400, "unreadable", "The request body could not be read completely.");
        }
    }

    private static byte[] base64(JsonNode root, String field) throws ApiError {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new ApiError(400, "invalid_request", "\"" + field + "\" must be a base64 string.");
        }
        try {
            byte[] b = Base64.getDecoder().decode(n.asText());
            if (b.length == 0) {
                throw new ApiError(400, "invalid_request", "\"" + field + "\" is empty.");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_base64", "\"" + field + "\" is not valid base64.");
        }
    }

    private void status(String id, Response response, Callback callback) throws ApiError, SQLException {
        SubmissionStore.Stored s = store.find(id).orElseThrow(() -> unknown(id));
        ObjectNode out = Json.object();
        out.put("id", s.id());
        out.put("status", s.status().name());
        out.put("verdict", s.status().name());
        out.put("receivedAt", Instant.ofEpochMilli(s.receivedAt()).toString());
        if (s.verifiedAt() != null) {
            out.put("verifiedAt", Instant.ofEpochMilli(s.verifiedAt()).toString());
        }
        out.set("checks", s.reportJson() == null ? Json.MAPPER.createArrayNode() : Json.tree(s.reportJson()));
        json(response, callback, 200, out);
    }

    private void receipt(String id, Response response, Callback callback) throws ApiError, SQLException {
        SubmissionStore.Stored s = store.find(id).orElseThrow(() -> unknown(id));
        if (s.status() != Verdict.VERIFIED) {
            throw new ApiError(409, "not_verified", "Submission " + id + " is " + s.status()
                    + "; a receipt exists only for a verified submission.");
        }
        Optional<byte[]> cached = store.receipt(id);
        byte[] pdf;
        if (cached.isPresent()) {
            pdf = cached.get();
        } else {
            byte[][] content = store.content(id).orElseThrow(() -> unknown(id));
            try {
                pdf = receipts.make(s, content[0], content[1]);
            } catch (OrgsignException e) {
                LOG.error("Receipt of {} failed: {}", id, e.getMessage());
                throw new ApiError(503, "receipt_unavailable", "The receipt cannot be produced right now; try again later.");
            }
            store.storeReceipt(id, pdf);
            pdf = store.receipt(id).orElse(pdf);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/pdf");
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"receipt-" + id + ".pdf\"");
        response.write(true, ByteBuffer.wrap(pdf), callback);
    }

    private void health(Response response, Callback callback) throws SQLException {
        ObjectNode out = Json.object();
        out.put("status", "UP");
        out.put("pending", store.pending());
        json(response, callback, 200, out);
    }

    private static ApiError unknown(String id) {
        return new ApiError(404, "unknown_submission", "There is no submission " + id + ".");
    }

    private static void requireMethod(String method, String allowed) throws ApiError {
        if (!allowed.equals(method)) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use " + allowed + ".");
        }
    }

    static void json(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }

    static void error(Response response, Callback callback, int status, String code, String message) {
        ObjectNode out = Json.object();
        out.put("error", code);
        out.put("message", message);
        if (status == 413) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        json(response, callback, status, out);
    }

    private static String trim(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
