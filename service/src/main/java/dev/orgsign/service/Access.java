package dev.orgsign.service;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * Who is asking: submitters (anyone, or holders of a client API key when the operator lists
 * them) and readers of a submission (the holder of its read token, or of an operator API key).
 * A client is named in the audit log and the rate limits by its key's name ({@code key:NAME}) or
 * else by its network address ({@code Forwarded} / {@code X-Forwarded-For} only when the operator
 * says a proxy sets them).
 */
final class Access {
    static final String API_KEY_HEADER = "X-Api-Key";

    private final ApiKeys operators;
    private final ApiKeys clients;

    Access(ApiKeys operators, ApiKeys clients) {
        this.operators = operators;
        this.clients = clients;
    }

    /**
     * The submitter's name for rate limits and the audit log.
     *
     * @throws ApiHandler.ApiError 401 when the service takes submissions from known clients only
     *                             and no client (or operator) key was sent
     */
    String submitter(Request request) throws ApiHandler.ApiError {
        String key = request.getHeaders().get(API_KEY_HEADER);
        Optional<String> name = clients.match(key).or(() -> operators.match(key));
        if (name.isPresent()) {
            return "key:" + name.get();
        }
        if (!clients.isEmpty()) {
            throw new ApiHandler.ApiError(401, "key_required", ApiHandler.T.text("api.keyRequired", API_KEY_HEADER));
        }
        return address(request);
    }

    /** The operator key's name, when the request carries one. */
    Optional<String> operator(Request request) {
        return operators.match(request.getHeaders().get(API_KEY_HEADER));
    }

    /** The read token of {@code Authorization: Bearer TOKEN}, or null. */
    static String bearer(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The client's network address, as the connector (or a trusted proxy's header) gives it. */
    static String address(Request request) {
        String a = Request.getRemoteAddr(request);
        return a == null ? "unknown" : a;
    }
}
