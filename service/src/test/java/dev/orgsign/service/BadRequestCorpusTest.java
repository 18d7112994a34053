package dev.orgsign.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad request gets a specific 4xx JSON error, never a stack trace, and the service keeps serving. */
class BadRequestCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path data;
    private static VerificationServer server;
    private static TestMaterial.Signed good;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("orgsign-corpus-");
        // the corpus sends some forty requests from one address: limits are the hostile-client test's subject
        server = VerificationServer.start(TestMaterial.bulk(TestMaterial.config(data)).build());
        good = TestMaterial.sign(Persona.LLC_HEAD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String body(byte[] payload, byte[] signature) {
        return "{\"payload\":\"" + b64(payload) + "\",\"signature\":\"" + b64(signature) + "\"}";
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("api/v1/submissions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String code, String what) throws Exception {
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        JsonNode n = JSON.readTree(r.body());
        assertEquals(code, n.get("error").asText(), what + ": " + r.body());
        String message = n.get("message").asText();
        assertTrue(message.length() > 10 && message.endsWith("."), what + ": " + message);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("dev.orgsign"),
                what + " leaks internals: " + r.body());
    }

    private static void stillServes() throws Exception {
        assertEquals(200, get("health").statusCode());
    }

    @Test
    void eachBadRequestGetsItsOwn4xxJsonError() throws Exception {
        byte[] cms = good.signature();
        String payload = new String(good.payload(), StandardCharsets.UTF_8);
        Map<String, Object[]> corpus = new LinkedHashMap<>();
        corpus.put("invalid JSON", new Object[] {"application/json", "{\"payload\": \"abc\",", 400, "invalid_json"});
        corpus.put("not an object", new Object[] {"application/json", "[1,2,3]", 400, "invalid_request"});
        corpus.put("empty body", new Object[] {"application/json", "", 400, "invalid_request"});
        corpus.put("trailing garbage", new Object[] {"application/json", body(good.payload(), cms) + "x", 400, "invalid_json"});
        corpus.put("duplicate key", new Object[] {"application/json", "{\"payload\":\"YQ==\",\"payload\":\"Yg==\",\"signature\":\"YQ==\"}", 400, "invalid_json"});
        corpus.put("deep nesting", new Object[] {"application/json", "[".repeat(5000) + "]".repeat(5000), 400, "invalid_json"});
        corpus.put("unknown field", new Object[] {"application/json", "{\"payload\":\"YQ==\",\"signature\":\"YQ==\",\"x\":1}", 400, "invalid_request"});
        corpus.put("payload not a string", new Object[] {"application/json", "{\"payload\":{},\"signature\":\"YQ==\"}", 400, "invalid_request"});
        corpus.put("missing signature", new Object[] {"application/json", "{\"payload\":\"" + b64(good.payload()) + "\"}", 400, "invalid_request"});
        corpus.put("bad base64 payload", new Object[] {"application/json", "{\"payload\":\"%%%not base64%%%\",\"signature\":\"" + b64(cms) + "\"}", 400, "bad_base64"});
        corpus.put("bad base64 signature", new Object[] {"application/json", "{\"payload\":\"" + b64(good.payload()) + "\",\"signature\":\"MII=*\"}", 400, "bad_base64"});
        corpus.put("payload not JSON", new Object[] {"application/json", body("hello".getBytes(StandardCharsets.UTF_8), cms), 400, "invalid_payload"});
        corpus.put("payload of another schema", new Object[] {"application/json", body("{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8), cms), 400, "invalid_payload"});
        corpus.put("payload with an XML document inside", new Object[] {"application/json",
            body("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>".getBytes(StandardCharsets.UTF_8), cms),
            400, "invalid_payload"});
        String[][] tricks = {
            {"\"position\":\"", "<!DOCTYPE r [<!ENTITY xxe SYSTEM \\\"file:///etc/passwd\\\">]>&xxe;"},
            {"\"fullName\":\"", "&xxe;&lol9;"},
            {"\"surname\":\"", "<![CDATA[x]]>"},
            {"\"email\":\"", "&xxe;"},
            {"\"email\":\"", "<script>"},
        };
        for (String[] t : tricks) {
            String tricked = payload.replaceFirst(java.util.regex.Pattern.quote(t[0]), java.util.regex.Matcher.quoteReplacement(t[0] + t[1]));
            if (tricked.equals(payload)) {
                throw new AssertionError("no " + t[0] + " in " + payload);
            }
            corpus.put("XML entity trick in " + t[0] + t[1], new Object[] {"application/json",
                body(tricked.getBytes(StandardCharsets.UTF_8), cms), 400, "invalid_payload"});
        }
        corpus.put("garbage CMS", new Object[] {"application/json", body(good.payload(), "this is not a CMS structure".getBytes(StandardCharsets.UTF_8)), 400, "invalid_signature"});
        corpus.put("random CMS bytes", new Object[] {"application/json", body(good.payload(), new java.util.Random(7).ints(600, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, c) -> { }).toByteArray()), 400, "invalid_signature"});
        corpus.put("truncated CMS", new Object[] {"application/json", body(good.payload(), Arrays.copyOf(cms, cms.length / 2)), 400, "invalid_signature"});
        corpus.put("CMS with a lying length", new Object[] {"application/json", body(good.payload(), new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}), 400, "invalid_signature"});
        corpus.put("wrong content type", new Object[] {"text/plain", body(good.payload(), cms), 415, "unsupported_media_type"});
        corpus.put("XML content type", new Object[] {"application/xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", 415, "unsupported_media_type"});
        corpus.put("no content type", new Object[] {null, body(good.payload(), cms), 415, "unsupported_media_type"});
        for (var e : corpus.entrySet()) {
            Object[] c = e.getValue();
            assertJsonError(post((String) c[0], (String) c[1]), (Integer) c[2], (String) c[3], e.getKey());
            stillServes();
        }
        assertJsonError(get("api/v1/submissions/0b7e5c1e-1111-4222-8333-944455556666"), 401, "token_required", "no token");
        assertJsonError(get("api/v1/submissions/0b7e5c1e-1111-4222-8333-944455556666", "some-token"), 404, "unknown_submission",
                "unknown id");
        assertJsonError(get("api/v1/submissions/not-an-id"), 404, "not_found", "not an id");
        assertJsonError(get("api/v1/submissions/..%2F..%2Fetc%2Fpasswd"), 400, "http_400", "an encoded path separator");
        assertJsonError(get("api/v1/submissions/0b7e5c1e-1111-4222-8333-944455556666/receipt.pdf", "some-token"), 404,
                "unknown_submission", "unknown receipt");
        assertJsonError(get("nothing/here"), 404, "not_found", "unknown path");
        assertJsonError(get("api/v1/submissions"), 405, "method_not_allowed", "GET on the collection");
        stillServes();
    }

    @Test
    void a50MegabyteBodyIsRefusedWithoutReadingIt() throws Exception {
        long fifty = 50L * 1024 * 1024;
        for (boolean chunked : new boolean[] {false, true}) {
            try (Socket s = new Socket(server.uri().getHost(), server.uri().getPort())) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + fifty + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                long written = 0;
                try {
                    while (written < fifty) {
                        if (chunked) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        written += chunk.length;
                    }
                } catch (java.io.IOException closedByServer) {
                    // expected: the service answers and closes long before 50 MB
                }
                String response = new String(readAll(s.getInputStream()), StandardCharsets.ISO_8859_1);
                assertTrue(response.startsWith("HTTP/1.1 413"), (chunked ? "chunked: " : "") + response);
                assertTrue(response.contains("\"error\":\"too_large\""), response);
                assertTrue(written < fifty, "the service stopped reading after " + written + " bytes");
            }
            stillServes();
        }
    }

    @Test
    void malformedHttpIsAnsweredByJsonToo() throws Exception {
        String[] requests = {"GARBAGE\r\n\r\n", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
            "POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n"};
        for (String request : requests) {
            try (Socket s = new Socket(server.uri().getHost(), server.uri().getPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String response = new String(readAll(s.getInputStream()), StandardCharsets.ISO_8859_1);
                assertTrue(response.matches("(?s)HTTP/1.1 4\\d\\d .*"), response);
                assertTrue(response.contains("application/json") && response.contains("\"error\":\"http_4"), response);
                assertFalse(response.contains("Exception") || response.contains("\tat "), response);
            }
            stillServes();
        }
    }

    private static byte[] readAll(InputStream in) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
                if (b.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // a reset after the answer is fine
        }
        return b.toByteArray();
    }

    @Test
    void anIdenticalResubmissionGetsTheSameIdAndAReusedRequestIdIsRefused() throws Exception {
        VerificationClient client = new VerificationClient(server.uri());
        TestMaterial.Signed s = TestMaterial.sign(Persona.IE);
        Submission first = client.submit(s.payload(), s.signature());
        Submission again = client.submit(s.payload(), s.signature());
        assertEquals(first.id(), again.id());
        String other = new String(s.payload(), StandardCharsets.UTF_8).replace("+74951234567", "+74951234568");
        TestMaterial.Signed changed = TestMaterial.sign(Persona.IE, dev.orgsign.testcerts.KeyKind.EC_P256,
                other.getBytes(StandardCharsets.UTF_8), s.email());
        OrgsignException e = assertThrows(OrgsignException.class, () -> client.submit(changed.payload(), changed.signature()));
        assertEquals(ErrorCode.SERVICE_ERROR, e.code());
        assertTrue(e.getMessage().contains("409") && e.getMessage().contains("already used for another registration"), e.getMessage());
        TestMaterial.Signed resigned = TestMaterial.sign(Persona.IE, dev.orgsign.testcerts.KeyKind.GOST_256, s.payload(), s.email());
        OrgsignException e2 = assertThrows(OrgsignException.class, () -> client.submit(resigned.payload(), resigned.signature()));
        assertTrue(e2.getMessage().contains("another signature"), e2.getMessage());
        assertFalse(e.getMessage().contains(first.id()) || e2.getMessage().contains(first.id()), "a conflict names no submission");
        assertTrue(first.token() != null && again.token() == null, "the read token is given once");
        assertEquals(Verdict.VERIFIED, client.await(first, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
    }

    @Test
    void theClientReportsAnUnknownIdAndAnUnreachableServiceAsSentences() throws Exception {
        VerificationClient client = new VerificationClient(server.uri());
        OrgsignException unknown = assertThrows(OrgsignException.class, () -> client.status("0b7e5c1e-1111-4222-8333-944455556666",
                "some-token"));
        assertEquals(ErrorCode.SUBMISSION_NOT_FOUND, unknown.code(), "the service answered 404: not found, exit 7");
        assertTrue(unknown.getMessage().contains("knows no submission 0b7e5c1e-1111-4222-8333-944455556666"), unknown.getMessage());
        int freePort;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            freePort = ss.getLocalPort();
        }
        VerificationClient nowhere = new VerificationClient(URI.create("http://127.0.0.1:" + freePort + "/"));
        OrgsignException down = assertThrows(OrgsignException.class, () -> nowhere.submit(good.payload(), good.signature()));
        assertEquals(ErrorCode.SERVICE_UNREACHABLE, down.code());
        assertEquals(6, down.exitCode());
        assertTrue(down.getMessage().contains("nothing answers at"), down.getMessage());
    }
}
