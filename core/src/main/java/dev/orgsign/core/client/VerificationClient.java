package dev.orgsign.core.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Talks to the orgsign verification service (docs/design.md, "HTTP API of the service"): submits a
 * payload with its detached signature, asks for the status of a submission, and waits for a
 * verdict with back-off, and fetches the signed PDF receipt of a verified submission. Every failure is an {@link OrgsignException}: {@link ErrorCode#SERVICE_UNREACHABLE}
 * when no connection can be made, {@link ErrorCode#SERVICE_TIMEOUT} when the service or the
 * verdict does not come in time, {@link ErrorCode#SUBMISSION_NOT_FOUND} when it knows no submission
 * with the id asked for (HTTP 404), {@link ErrorCode#SERVICE_ERROR} when the service answers with
 * another error (its own message is kept).
 *
 * <p>Thread-safe; one instance may serve many submissions.
 */
public final class VerificationClient {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20).build())
            .build());
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);
    /** The largest JSON answer read from the service. */
    private static final int MAX_JSON = 1 << 20;
    /** The largest receipt read from the service. */
    private static final int MAX_RECEIPT = 10 << 20;

    private final URI submissions;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * A client with the JDK's default TLS trust and a 30-second request timeout.
     *
     * @param endpoint the service's base address, e.g. {@code http://localhost:8080/}
     */
    public VerificationClient(URI endpoint) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(30));
    }

    /**
     * A client over a caller-built {@link HttpClient} (for a private TLS trust store, a proxy, …).
     *
     * @param endpoint       the service's base address
     * @param http           the HTTP client to use
     * @param requestTimeout how long one request may take
     */
    public VerificationClient(URI endpoint, HttpClient http, Duration requestTimeout) {
        String base = endpoint.toString();
        this.submissions = URI.create(base.endsWith("/") ? base : base + "/").resolve("api/v1/submissions");
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Submits a registration. The service answers once it has stored it durably; submitting the
     * very same bytes again yields the same id.
     *
     * @param payload   the canonical payload JSON
     * @param signature the detached CMS signature (DER)
     * @return the submission, normally still pending
     * @throws OrgsignException when the service cannot be reached or refuses the submission
     */
    public Submission submit(byte[] payload, byte[] signature) throws OrgsignException {
        ObjectNode body = JSON.createObjectNode();
        body.put("payload", Base64.getEncoder().encodeToString(payload));
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        HttpRequest request = HttpRequest.newBuilder(submissions).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8))).build();
        return parse(send(request, "submit the registration", MAX_JSON));
    }

    /**
     * Asks for the current status of a submission.
     *
     * @param id the id {@link #submit} returned
     * @return the submission with its verdict and checks when decided
     * @throws OrgsignException when the service cannot be reached or does not know the id
     */
    public Submission status(String id) throws OrgsignException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(submissions + "/" + checkId(id))).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
        return parse(send(request, "ask for the status of submission " + id, MAX_JSON));
    }

    /**
     * Fetches the receipt of a verified submission: a PDF signed by the service's own key
     * (docs/design.md, {@code GET /api/v1/submissions/{id}/receipt.pdf}). A receipt exists only once the
     * service has verified the submission; for a pending or rejected one the service refuses, and
     * that refusal becomes an {@link ErrorCode#SERVICE_ERROR} naming the submission's state.
     *
     * @param id the id {@link #submit} returned
     * @return the PDF bytes, at most 10 MB, starting with {@code %PDF-}
     * @throws OrgsignException {@link ErrorCode#INVALID_INPUT} when {@code id} is not a submission
     *                          id; {@link ErrorCode#SERVICE_ERROR} when the service does not know
     *                          the id, has not verified the submission (pending or rejected),
     *                          answers with something other than a PDF or with more than 10 MB;
     *                          otherwise as {@link #status}
     */
    public byte[] receipt(String id) throws OrgsignException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(submissions + "/" + checkId(id) + "/receipt.pdf"))
                .timeout(requestTimeout).header("Accept", "application/pdf").GET().build();
        Answer a = send(request, "fetch the receipt of submission " + id, MAX_RECEIPT);
        byte[] pdf = a.body();
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, "The receipt of submission " + id + " from "
                    + a.uri().getAuthority() + " is not a PDF document.");
        }
        return pdf;
    }

    private static String checkId(String id) throws OrgsignException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, "\"" + id + "\" is not a submission id.");
        }
        return id;
    }

    /**
     * Polls the status until the service decides or the deadline passes, waiting 200 ms at first
     * and doubling up to 5 s between polls.
     *
     * @param id       the submission id
     * @param deadline how long to wait in total
     * @param progress told after every poll
     * @return the decided submission (VERIFIED or REJECTED)
     * @throws OrgsignException {@link ErrorCode#SERVICE_TIMEOUT} when no verdict came in time, or
     *                          any failure of {@link #status}
     */
    public Submission await(String id, Duration deadline, AwaitProgress progress) throws OrgsignException {
        long start = System.nanoTime();
        Duration pause = FIRST_POLL;
        for (int attempt = 1; ; attempt++) {
            Submission s = status(id);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!s.pending()) {
                progress.polled(s, attempt, elapsed, Duration.ZERO);
                return s;
            }
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                progress.polled(s, attempt, elapsed, Duration.ZERO);
                throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, "The service has not decided on submission " + id
                        + " within " + human(deadline) + "; ask again later with `orgsign status " + id + "`.");
            }
            Duration wait = pause.compareTo(left) < 0 ? pause : left;
            progress.polled(s, attempt, elapsed, wait);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, "Waiting for submission " + id + " was interrupted.", e);
            }
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    /** An answer of the service: its address and its body, read up to a limit. */
    private record Answer(URI uri, byte[] body) {
    }

    private Answer send(HttpRequest request, String what, int limit) throws OrgsignException {
        int code;
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            code = response.statusCode();
            try (InputStream in = response.body()) {
                body = in.readNBytes(limit + 1);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, "Could not " + what + ": the service at "
                    + request.uri().getHost() + " did not accept a connection in time.", e);
        } catch (HttpTimeoutException e) {
            throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, "Could not " + what + ": the service did not answer within "
                    + human(requestTimeout) + ".", e);
        } catch (ConnectException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, "Could not " + what + ": nothing answers at "
                    + request.uri().getScheme() + "://" + request.uri().getAuthority() + "; check the endpoint address.", e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, "Could not " + what + ": the connection to "
                    + request.uri().getAuthority() + " failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, "Could not " + what + ": interrupted.", e);
        }
        if (body.length > limit) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, "Could not " + what + ": the service's answer is larger than "
                    + (limit >= 1 << 20 ? (limit >> 20) + " MB" : limit + " bytes") + ".");
        }
        if (code >= 200 && code < 300) {
            return new Answer(request.uri(), body);
        }
        if (code == 404 && "GET".equals(request.method())) {
            String path = request.uri().getPath();
            String rest = path.substring(path.indexOf("submissions/") + "submissions/".length());
            String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            throw new OrgsignException(ErrorCode.SUBMISSION_NOT_FOUND, Texts.of(OrgsignException.class)
                    .text("client.notFound", id, request.uri().getAuthority()));
        }
        String message = errorMessage(body);
        throw new OrgsignException(ErrorCode.SERVICE_ERROR, "The service answered HTTP " + code + " when asked to " + what
                + (message == null ? "." : ": " + message));
    }

    private static String errorMessage(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("message")) {
                return n.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static Submission parse(Answer response) throws OrgsignException {
        try {
            JsonNode n = JSON.readTree(response.body());
            String id = n.get("id").asText();
            Verdict verdict = Verdict.valueOf(n.get("status").asText());
            List<Check> checks = new ArrayList<>();
            JsonNode array = n.get("checks");
            if (array != null && array.isArray()) {
                for (JsonNode c : array) {
                    checks.add(new Check(c.get("code").asText(), CheckResult.valueOf(c.get("result").asText()),
                            c.path("message").asText("")));
                }
            }
            return new Submission(id, verdict, checks);
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, "The service's answer cannot be read; is "
                    + response.uri().getAuthority() + " an orgsign verification service?", e);
        }
    }

    private static String human(Duration d) {
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
