package dev.orgsign.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mail server outages, the pending bound, HTTPS, a database outage and graceful shutdown. */
class OperationsTest {

    @Test
    void aMailServerOutageDelaysMailButLosesNone(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<TestMaterial.Signed> batch = TestMaterial.batch(5);
        ServiceConfig config = TestMaterial.config(data).smtp("127.0.0.1:" + port).build();
        try (VerificationServer server = VerificationServer.start(config)) {
            VerificationClient client = new VerificationClient(server.uri());
            for (TestMaterial.Signed s : batch) {
                Submission sub = client.submit(s.payload(), s.signature());
                assertEquals(Verdict.VERIFIED, client.await(sub, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
            }
            Thread.sleep(1500); // the sender tries and fails while nothing listens
            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertTrue(smtp.waitForIncomingEmail(30_000, batch.size()), "the queued mail goes out once the server is back");
                Thread.sleep(500);
                assertEquals(batch.size(), smtp.getReceivedMessages().length);
            } finally {
                smtp.stop();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("orgsign"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), min(attempts), max(attempts), count(sent_at) from outbox")) {
            rs.next();
            assertEquals(batch.size(), rs.getInt(1));
            assertTrue(rs.getInt(2) >= 2, "every mail needed a retry: " + rs.getInt(2));
            assertEquals(batch.size(), rs.getInt(4));
        }
    }

    @Test
    void overThePendingBoundNewSubmissionsGet429(@TempDir Path data) throws Exception {
        List<TestMaterial.Signed> batch = TestMaterial.batch(4);
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).workers(0).maxPending(3).build())) {
            VerificationClient client = new VerificationClient(server.uri());
            List<Submission> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accepted.add(client.submit(batch.get(i).payload(), batch.get(i).signature()));
            }
            OrgsignException e = assertThrows(OrgsignException.class, () -> client.submit(batch.get(3).payload(), batch.get(3).signature()));
            assertTrue(e.getMessage().contains("HTTP 429") && e.getMessage().contains("try again"), e.getMessage());
            // an identical resubmission of an accepted one is still answered, with the id but no new read token
            Submission again = client.submit(batch.get(0).payload(), batch.get(0).signature());
            assertEquals(Verdict.PENDING, again.verdict());
            assertEquals(accepted.get(0).id(), again.id());
            assertEquals(null, again.token());
            Submission pending = accepted.get(0);
            // with no worker nothing is decided: waiting ends in SERVICE_TIMEOUT after polls that back off
            List<Duration> pauses = new java.util.ArrayList<>();
            OrgsignException timeout = assertThrows(OrgsignException.class, () -> client.await(pending, Duration.ofMillis(1500),
                    (current, attempt, elapsed, next) -> pauses.add(next)));
            assertEquals(ErrorCode.SERVICE_TIMEOUT, timeout.code());
            assertEquals(6, timeout.exitCode());
            // the sentence names the submission; the command that follows it up is the CLI's (FollowUpTest)
            assertTrue(timeout.getMessage().contains("has not decided on submission " + pending.id()), timeout.getMessage());
            assertTrue(pauses.size() >= 3, pauses.toString());
            assertEquals(Duration.ofMillis(200), pauses.get(0));
            assertEquals(Duration.ofMillis(400), pauses.get(1));
            assertEquals(Duration.ZERO, pauses.get(pauses.size() - 1));
        }
    }

    @Test
    void overHttpsWithAKeystore(@TempDir Path data) throws Exception {
        Path ks = data.resolve("tls.p12");
        SelfSigned.write(ks, "tls", "changeit".toCharArray(), "CN=localhost", "localhost", "127.0.0.1");
        TestMaterial.Signed s = TestMaterial.sign(Persona.GOV_HEAD);
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data.resolve("d")).tls(ks, "changeit").build())) {
            assertEquals("https", server.uri().getScheme());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            VerificationClient client = new VerificationClient(server.uri(), HttpClient.newBuilder().sslContext(ssl).build(),
                    Duration.ofSeconds(10));
            Submission sub = client.submit(s.payload(), s.signature());
            assertEquals(Verdict.VERIFIED, client.await(sub, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
            VerificationClient untrusting = new VerificationClient(server.uri());
            OrgsignException e = assertThrows(OrgsignException.class, () -> untrusting.status(sub.id(), sub.token()));
            assertEquals(ErrorCode.SERVICE_UNREACHABLE, e.code());
        }
    }

    @Test
    void aSubmissionInFlightDuringShutdownIsFinishedAndLaterOnesAreRefused(@TempDir Path data) throws Exception {
        TestMaterial.Signed s = TestMaterial.sign(Persona.IE);
        byte[] body = ("{\"payload\":\"" + Base64.getEncoder().encodeToString(s.payload()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(s.signature()) + "\"}").getBytes(StandardCharsets.UTF_8);
        VerificationServer server = VerificationServer.start(TestMaterial.config(data).build());
        String response;
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertTrue(!closing.isDone(), "close waits for the request in flight");
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            StringBuilder r = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int ch; r.indexOf("}") < 0 && (ch = in.read()) >= 0; ) {
                r.append((char) ch);
            }
            response = r.toString();
            closing.get();
        }
        assertTrue(response.startsWith("HTTP/1.1 202") || response.startsWith("HTTP/1.1 503"), response);
        OrgsignException e = assertThrows(OrgsignException.class, () -> new VerificationClient(server.uri()).status("x-1"));
        assertEquals(ErrorCode.SERVICE_UNREACHABLE, e.code());
        try (VerificationServer again = VerificationServer.start(TestMaterial.config(data).build())) {
            VerificationClient client = new VerificationClient(again.uri());
            Submission sub = client.submit(s.payload(), s.signature());
            String token = sub.token();
            if (response.startsWith("HTTP/1.1 202")) {
                assertTrue(response.contains("\"id\":\"" + sub.id() + "\""), "the accepted submission was kept: " + response);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response);
                assertTrue(m.find() && token == null, "the token came with the first answer, and only then: " + response);
                token = m.group(1);
            }
            assertEquals(Verdict.VERIFIED, client.await(sub.id(), token, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
        }
    }

    @Test
    void whileTheDatabaseIsDownTheServiceAnswers503AndRecovers(@TempDir Path data) throws Exception {
        try (Postgres pg = Postgres.create();
             VerificationServer server = VerificationServer.start(TestMaterial.config(data).jdbcUrl(pg.url()).build())) {
            TestMaterial.Signed s = TestMaterial.sign(Persona.LLC_HEAD);
            HttpClient http = HttpClient.newHttpClient();
            String name = pg.url().substring(pg.url().lastIndexOf('/') + 1, pg.url().indexOf('?'));
            try (Connection admin = DriverManager.getConnection(System.getenv().getOrDefault("ORGSIGN_TEST_PG_URL", Postgres.DEFAULT_URL));
                 Statement st = admin.createStatement()) {
                st.execute("alter database " + name + " connection limit 0");
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"error\":\"unavailable\""), health.body());
                OrgsignException e = assertThrows(OrgsignException.class,
                        () -> new VerificationClient(server.uri()).submit(s.payload(), s.signature()));
                assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("database is unavailable"), e.getMessage());
                st.execute("alter database " + name + " connection limit -1");
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < until) {
                status = http.send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
                Thread.sleep(status == 200 ? 0 : 200);
            }
            assertEquals(200, status, "the service recovers once the database is back");
            VerificationClient client = new VerificationClient(server.uri());
            Submission sub = client.submit(s.payload(), s.signature());
            assertEquals(Verdict.VERIFIED, client.await(sub, Duration.ofSeconds(30), (a, b, c, d) -> { }).verdict());
        }
    }

    @Test
    void aClientThatStallsIsDroppedAfterTheReadTimeout(@TempDir Path data) throws Exception {
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data).readTimeout(Duration.ofSeconds(1)).build())) {
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"payload\":\"").getBytes(StandardCharsets.US_ASCII));
                long start = System.nanoTime();
                byte[] rest = socket.getInputStream().readAllBytes(); // ends when the service closes the connection
                long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(waited >= 900 && waited < 10_000, "dropped after " + waited + " ms");
                String answer = new String(rest, StandardCharsets.ISO_8859_1);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 5"), answer);
                assertTrue(!answer.contains("Exception"), answer);
            }
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
