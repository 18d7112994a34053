package dev.orgsign.core.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
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
 * <p>Status and receipt are personal data: the service shows them only to whoever holds the
 * submission's read token, which it returns once, in the answer to {@link #submit}
 * ({@link Submission#token()}), or to an operator's API key ({@link #withApiKey}). Keep the token
 * with the submission's id; it is sent as {@code Authorization: Bearer}, an API key as
 * {@code X-Api-Key}.
 *
 * <p>Thread-safe; one instance may serve many submissions.
 */
public final class VerificationClient {
    private static final Texts T = Texts.of(OrgsignException.class);
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
    private final String apiKey;
    private final java.util.Locale language;

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
        this.apiKey = null;
        this.language = null;
    }

    private VerificationClient(VerificationClient other, String apiKey, java.util.Locale language) {
        this.submissions = other.submissions;
        this.http = other.http;
        this.requestTimeout = other.requestTimeout;
        this.apiKey = apiKey;
        this.language = language;
    }

    /**
     * This client asking for the reader's language ({@code Accept-Language}): the checks and the
     * service's error sentences come in it, and a submission made through it is mailed and gets its
     * receipt in it (the service's own default is Russian).
     *
     * @param language Russian ({@code ru}) or English; any other is asked as English
     * @return a client that asks for it
     */
    public VerificationClient withLanguage(java.util.Locale language) {
        return new VerificationClient(this, apiKey, dev.orgsign.core.Text.russian(language)
                ? java.util.Locale.forLanguageTag("ru") : java.util.Locale.ENGLISH);
    }

    /**
     * This client with an API key sent on every request: a client key where the service lets only
     * known clients submit, an operator key to read any submission without its token.
     *
     * @param key the API key the service's operator gave
     * @return a client that sends it
     */
    public VerificationClient withApiKey(String key) {
        if (key == null || key.isBlank() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("An API key is printable ASCII without spaces.");
        }
        return new VerificationClient(this, key, language);
    }

    /**
     * Submits a registration. The service answers once it has stored it durably; submitting the
     * very same bytes again yields the same id.
     *
     * @param payload   the canonical payload JSON
     * @param signature the detached CMS signature (DER)
     * @return the submission, normally still pending, with its read token when the service accepted
     *         it just now (an identical resubmission has none: the token is given once)
     * @throws OrgsignException when the service cannot be reached or refuses the submission
     */
    public Submission submit(byte[] payload, byte[] signature) throws OrgsignException {
        ObjectNode body = JSON.createObjectNode();
        body.put("payload", Base64.getEncoder().encodeToString(payload));
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        HttpRequest request = request(submissions, null).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8))).build();
        return parse(send(request, T.text("client.what.submit"), MAX_JSON), null);
    }

    /**
     * Asks for the current status of a submission with this client's API key alone (an operator's).
     *
     * @param id the id {@link #submit} returned
     * @return the submission with its verdict and checks when decided
     * @throws OrgsignException when the service cannot be reached, does not know the id, or needs the read token
     */
    public Submission status(String id) throws OrgsignException {
        return status(id, null);
    }

    /**
     * Asks for the current status of a submission.
     *
     * @param id    the id {@link #submit} returned
     * @param token the read token {@link #submit} returned, or null to rely on this client's API key
     * @return the submission with its verdict and checks when decided, carrying {@code token}
     * @throws OrgsignException when the service cannot be reached, or knows no submission with this
     *                          id and token (HTTP 404), or was given no token (HTTP 401)
     */
    public Submission status(String id, String token) throws OrgsignException {
        HttpRequest request = request(URI.create(submissions + "/" + checkId(id)), token)
                .header("Accept", "application/json").GET().build();
        return parse(send(request, T.text("client.what.status", id), MAX_JSON), token);
    }

    /**
     * Fetches the receipt of a verified submission: a PDF signed by the service's own key
     * (docs/design.md, {@code GET /api/v1/submissions/{id}/receipt.pdf}). A receipt exists only once the
     * service has verified the submission; for a pending or rejected one the service refuses, and
     * that refusal becomes an {@link ErrorCode#SERVICE_ERROR} naming the submission's state.
     *
     * @param id    the id {@link #submit} returned
     * @param token the read token {@link #submit} returned, or null to rely on this client's API key
     * @return the PDF bytes, at most 10 MB, starting with {@code %PDF-}
     * @throws OrgsignException {@link ErrorCode#INVALID_INPUT} when {@code id} is not a submission
     *                          id; {@link ErrorCode#SERVICE_ERROR} when the service does not know
     *                          the id, has not verified the submission (pending or rejected),
     *                          answers with something other than a PDF or with more than 10 MB;
     *                          otherwise as {@link #status}
     */
    public byte[] receipt(String id, String token) throws OrgsignException {
        HttpRequest request = request(URI.create(submissions + "/" + checkId(id) + "/receipt.pdf"), token)
                .header("Accept", "application/pdf").GET().build();
        Answer a = send(request, T.text("client.what.receipt", id), MAX_RECEIPT);
        byte[] pdf = a.body();
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, T.text("client.receiptNotPdf", id, a.uri().getAuthority()));
        }
        return pdf;
    }

    /**
     * Fetches the receipt of a verified submission with this client's API key alone (an operator's);
     * otherwise as {@link #receipt(String, String)}.
     *
     * @param id the submission id
     * @return the PDF bytes
     * @throws OrgsignException as {@link #receipt(String, String)}
     */
    public byte[] receipt(String id) throws OrgsignException {
        return receipt(id, null);
    }

    private HttpRequest.Builder request(URI uri, String token) throws OrgsignException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        if (token != null) {
            if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("client.badToken"));
            }
            b.header("Authorization", "Bearer " + token);
        }
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        if (language != null) {
            b.header("Accept-Language", language.getLanguage());
        }
        return b;
    }

    private static String checkId(String id) throws OrgsignException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("client.badId", id));
        }
        return id;
    }

    /**
     * Follows a submission that {@link #submit} returned, with its read token, until the service
     * decides; otherwise as {@link #await(String, String, Duration, AwaitProgress)}.
     *
     * @param submission what {@link #submit} returned
     * @param deadline   how long to wait in total
     * @param progress   told after every poll
     * @return the decided submission, carrying the read token
     * @throws OrgsignException as {@link #await(String, String, Duration, AwaitProgress)}
     */
    public Submission await(Submission submission, Duration deadline, AwaitProgress progress) throws OrgsignException {
        return await(submission.id(), submission.token(), deadline, progress);
    }

    /**
     * Polls with this client's API key alone (an operator's); otherwise as
     * {@link #await(String, String, Duration, AwaitProgress)}.
     *
     * @param id       the submission id
     * @param deadline how long to wait in total
     * @param progress told after every poll
     * @return the decided submission
     * @throws OrgsignException as {@link #await(String, String, Duration, AwaitProgress)}
     */
    public Submission await(String id, Duration deadline, AwaitProgress progress) throws OrgsignException {
        return await(id, null, deadline, progress);
    }

    /**
     * Polls the status until the service decides or the deadline passes, waiting 200 ms at first
     * and doubling up to 5 s between polls.
     *
     * @param id       the submission id
     * @param token    the read token, or null to rely on this client's API key
     * @param deadline how long to wait in total
     * @param progress told after every poll
     * @return the decided submission (VERIFIED or REJECTED)
     * @throws OrgsignException {@link ErrorCode#SERVICE_TIMEOUT} when no verdict came in time, or
     *                          any failure of {@link #status}
     */
    public Submission await(String id, String token, Duration deadline, AwaitProgress progress) throws OrgsignException {
        long start = System.nanoTime();
        Duration pause = FIRST_POLL;
        for (int attempt = 1; ; attempt++) {
            Submission s = status(id, token);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!s.pending()) {
                progress.polled(s, attempt, elapsed, Duration.ZERO);
                return s;
            }
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                progress.polled(s, attempt, elapsed, Duration.ZERO);
                throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, T.text("client.noVerdict", id, human(deadline)));
            }
            Duration wait = pause.compareTo(left) < 0 ? pause : left;
            progress.polled(s, attempt, elapsed, wait);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, T.text("client.waitInterrupted", id), e);
            }
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    /** An answer of the service: its address and its body, read up to a limit. */
    private record Answer(URI uri, byte[] body) {
    }

    private Answer send(HttpRequest request, Text what, int limit) throws OrgsignException {
        int code;
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            code = response.statusCode();
            try (InputStream in = response.body()) {
                body = in.readNBytes(limit + 1);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, T.text("client.connectTimeout", what,
                    request.uri().getHost()), e);
        } catch (HttpTimeoutException e) {
            throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, T.text("client.answerTimeout", what, human(requestTimeout)), e);
        } catch (ConnectException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, T.text("client.nothingAnswers", what,
                    request.uri().getScheme() + "://" + request.uri().getAuthority()), e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, T.text("client.connectionFailed", what,
                    request.uri().getAuthority(), Text.quoted(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()))), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgsignException(ErrorCode.SERVICE_TIMEOUT, T.text("client.interrupted", what), e);
        }
        if (body.length > limit) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, limit >= 1 << 20 ? T.text("client.tooLargeMb", what, limit >> 20)
                    : T.text("client.tooLargeBytes", what, limit));
        }
        if (code >= 200 && code < 300) {
            return new Answer(request.uri(), body);
        }
        if (code == 404 && "GET".equals(request.method())) {
            String path = request.uri().getPath();
            String rest = path.substring(path.indexOf("submissions/") + "submissions/".length());
            String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            throw new OrgsignException(ErrorCode.SUBMISSION_NOT_FOUND, T.text("client.notFound", id, request.uri().getAuthority()));
        }
        String message = errorMessage(body);
        throw new OrgsignException(ErrorCode.SERVICE_ERROR, message == null ? T.text("client.httpError", code, what)
                : T.text("client.httpErrorSaid", code, what, message));
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

    /** @param token the read token the caller holds, kept when the answer carries none */
    private static Submission parse(Answer response, String token) throws OrgsignException {
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
            JsonNode given = n.get("token");
            return new Submission(id, verdict, checks, given != null && given.isTextual() ? given.asText() : token);
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.SERVICE_ERROR, T.text("client.unreadable", response.uri().getAuthority()), e);
        }
    }

    private static Text human(Duration d) {
        return d.toSeconds() >= 1 ? T.text("client.seconds", d.toSeconds()) : T.text("client.millis", d.toMillis());
    }
}
