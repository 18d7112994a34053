package dev.orgsign.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.core.verify.Verdict;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.orgsign.core.registry.Registry;

/**
 * The HTTP API of docs/design.md on Jetty's core handler API. Every answer is JSON (the receipt
 * aside) and {@code Cache-Control: no-store}; errors are {@code {error, message}} with a 4xx or
 * 503 status and never carry a stack trace. Intake is {@link Intake}; status and receipt are shown
 * only to the holder of the submission's read token or of an operator key ({@link Access}).
 */
final class ApiHandler extends Handler.Abstract {
    static final Texts T = Texts.of(ApiHandler.class);
    private final Registry registry;
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern SUBMISSION = Pattern.compile("/api/v1/submissions/([0-9a-f-]{36})(/receipt\\.pdf)?");

    /** A refusal to send back as JSON. */
    static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final transient Text text;
        long retryAfter;

        ApiError(int status, String code, Text text) {
            super(text.in(Locale.ENGLISH), null, false, false);
            this.status = status;
            this.code = code;
            this.text = text;
        }

        /** @param seconds when to try again, for {@code Retry-After} @return this */
        ApiError retryAfter(long seconds) {
            retryAfter = seconds;
            return this;
        }
    }

    /** What a route does; it may answer later (the callback), or throw to be answered with an error now. */
    interface Route {
        void run() throws ApiError, SQLException;
    }

    private final SubmissionStore store;
    private final Receipts receipts;
    private final Intake intake;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private volatile boolean shuttingDown;
    /** The list of accredited certification centres the verifier judges by, or null. */
    private final TrustList trustList;

    ApiHandler(SubmissionStore store, Receipts receipts, Intake intake, Access access, AuditLog audit, Clock clock,
               Registry registry, TrustList trustList) {
        this.registry = registry;
        this.trustList = trustList;
        this.store = store;
        this.receipts = receipts;
        this.intake = intake;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    void shuttingDown() {
        shuttingDown = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        answer(Languages.of(request), response, callback, method, path, () -> route(path, method, request, response, callback));
        return true;
    }

    private void route(String path, String method, Request request, Response response, Callback callback)
            throws ApiError, SQLException {
        if (shuttingDown) {
            throw new ApiError(503, "shutting_down", T.text("api.shuttingDown"));
        }
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            health(response, callback);
        } else if (path.equals("/api/v1/submissions")) {
            requireMethod(method, "POST");
            intake.submit(request, response, callback);
        } else {
            Matcher m = SUBMISSION.matcher(path);
            if (!m.matches()) {
                throw new ApiError(404, "not_found", T.text("api.nothingAt", trim(path)));
            }
            requireMethod(method, "GET");
            if (m.group(2) == null) {
                status(m.group(1), request, response, callback);
            } else {
                receipt(m.group(1), request, response, callback);
            }
        }
    }

    /** Runs a route and answers whatever it throws: the one place where failures become JSON errors. */
    static void answer(Locale language, Response response, Callback callback, String method, String path, Route route) {
        try {
            route.run();
        } catch (ApiError e) {
            error(response, callback, e, language);
        } catch (SQLException e) {
            LOG.warn("Database unavailable: {}", Database.rootMessage(e));
            error(response, callback, 503, "unavailable", T.format(language, "api.databaseDown"));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure on {} {}", method, trim(path), e);
            error(response, callback, 500, "internal", T.format(language, "api.internal"));
        }
    }

    /**
     * The submission, when the request may read it: with its read token, or with an operator key.
     *
     * @return the submission and the reader's name for the audit log
     */
    private Readable readable(String id, Request request) throws ApiError, SQLException {
        Optional<String> operator = access.operator(request);
        String token = Access.bearer(request);
        String client = operator.map(n -> "key:" + n).orElseGet(() -> Access.address(request));
        if (operator.isEmpty() && token == null) {
            audit.record("denied", client, id, "401");
            throw new ApiError(401, "token_required", T.text("api.tokenRequired", Access.API_KEY_HEADER));
        }
        Optional<SubmissionStore.Stored> s = store.find(id);
        if (s.isEmpty() || (operator.isEmpty() && !ApiKeys.tokenMatches(token, s.get().tokenSha256()))) {
            audit.record("denied", client, id, "404");
            throw new ApiError(404, "unknown_submission", T.text(operator.isEmpty() ? "api.unknownForToken" : "api.unknown", id));
        }
        return new Readable(s.get(), client);
    }

    private record Readable(SubmissionStore.Stored submission, String client) {
    }

    private void status(String id, Request request, Response response, Callback callback) throws ApiError, SQLException {
        StageEvent reading = StageEvent.start("api.status");
        Readable r = readable(id, request);
        SubmissionStore.Stored s = r.submission();
        ObjectNode out = Json.object();
        out.put("id", s.id());
        out.put("status", s.status().name());
        out.put("verdict", s.status().name());
        out.put("receivedAt", Instant.ofEpochMilli(s.receivedAt()).toString());
        if (s.verifiedAt() != null) {
            out.put("verifiedAt", Instant.ofEpochMilli(s.verifiedAt()).toString());
        }
        if (s.mail() != null) {
            out.put("mail", s.mail().toLowerCase(java.util.Locale.ROOT));
        }
        out.set("checks", Json.checks(Json.checks(s.reportJson()), Languages.of(request)));
        audit.record("status", r.client(), id, s.status().name());
        json(response, callback, 200, out);
        reading.done(1);
    }

    private void receipt(String id, Request request, Response response, Callback callback) throws ApiError, SQLException {
        Readable r = readable(id, request);
        SubmissionStore.Stored s = r.submission();
        if (s.status() != Verdict.VERIFIED) {
            audit.record("receipt", r.client(), id, "409");
            throw new ApiError(409, "not_verified", T.text("api.notVerified", id, s.status()));
        }
        Optional<byte[]> cached = store.receipt(id);
        byte[] pdf;
        if (cached.isPresent()) {
            pdf = cached.get();
        } else {
            byte[][] content = store.content(id).orElseThrow(() -> new ApiError(404, "unknown_submission",
                    T.text("api.unknown", id)));
            try {
                pdf = receipts.make(s, content[0], content[1]);
            } catch (OrgsignException e) {
                LOG.error("Receipt of {} failed: {}", id, e.getMessage());
                throw new ApiError(503, "receipt_unavailable", T.text("api.receiptUnavailable"));
            }
            store.storeReceipt(id, pdf, clock.millis());
            pdf = store.receipt(id).orElse(pdf);
        }
        audit.record("receipt", r.client(), id, "200");
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/pdf");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"receipt-" + id + ".pdf\"");
        response.write(true, ByteBuffer.wrap(pdf), callback);
    }

    private void health(Response response, Callback callback) throws SQLException {
        StageEvent reading = StageEvent.start("api.health");
        ObjectNode out = Json.object();
        out.put("status", "UP");
        out.put("pending", store.pending());
        ObjectNode register = out.putObject("register"); // how current the register is: a stale one is visible
        register.put("newestExtract", registry.newestExtract().map(Object::toString).orElse(null));
        register.put("records", registry.size());
        if (trustList != null) { // which list the service runs on: an old one is visible
            ObjectNode list = out.putObject("trustList");
            list.put("version", trustList.version());
            list.put("date", trustList.date() == null ? null : trustList.date().toString());
            list.put("centres", trustList.centres().size());
            list.put("accreditedNow", trustList.accreditedAt(clock.instant()));
            list.put("signedBy", trustList.signer());
        }
        json(response, callback, 200, out);
        reading.done(0);
    }

    private static void requireMethod(String method, String allowed) throws ApiError {
        if (!allowed.equals(method)) {
            throw new ApiError(405, "method_not_allowed", T.text("api.method", method, allowed));
        }
    }

    static void json(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }

    static void error(Response response, Callback callback, ApiError e, Locale language) {
        if (e.retryAfter > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfter));
        }
        if (e.status == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"orgsign\"");
        }
        error(response, callback, e.status, e.code, e.text.in(language));
    }

    static void error(Response response, Callback callback, int status, String code, String message) {
        ObjectNode out = Json.object();
        out.put("error", code);
        out.put("message", message);
        if (status == 413 || status == 408 || status == 429) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the body is not read: the connection cannot be reused
        }
        json(response, callback, status, out);
    }

    static String trim(String s) {
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
