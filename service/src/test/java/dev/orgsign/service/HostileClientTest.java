package dev.orgsign.service;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.service.HostileKit.Answer;
import dev.orgsign.service.HostileKit.Running;
import dev.orgsign.service.HostileKit.Store;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of issue 15 from clients on loopback, against H2 and PostgreSQL, each bounded in
 * requests and time: a spam relay through self-made signatures, bursts past the per-client and
 * per-recipient limits, slow bodies, slow headers (slowloris) and idle connections.
 */
@Timeout(180)
class HostileClientTest {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    /** A fresh SMTP server on a free loopback port for each test. */
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), p + " in " + text);
        return m.group(1);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aSelfMadeSignatureNamingAStrangerIsKeptButNobodyIsMailedAndBurstsMeet429(Store store, @TempDir Path dir)
            throws Exception {
        String phishing = "Подтвердите регистрацию: http://phish.example/login";
        String stranger = "stranger@victim.test";
        Path data = dir.resolve("service");
        List<String> strangerIds = new ArrayList<>();
        try (KeyStoreSigningToken attacker = HostileKit.selfMadeKey(dir);
             Running r = HostileKit.start(store, data, Clock.systemUTC(), b -> b.smtp("127.0.0.1:" + smtp.getSmtp().getPort()))) {
            URI uri = r.uri();
            TestMaterial.Signed forged = HostileKit.forged(attacker, stranger, phishing);
            Answer accepted = HostileKit.post(uri, "127.0.0.1", forged.payload(), forged.signature());
            assertEquals(202, accepted.status(), accepted.body());
            String id = group(ID, accepted.body());
            String token = group(TOKEN, accepted.body());
            strangerIds.add(id);

            TestMaterial.Signed honest = TestMaterial.sign(Persona.LLC_HEAD, KeyKind.EC_P256, "head@romashka.test");
            VerificationClient client = new VerificationClient(uri);
            Submission control = client.submit(honest.payload(), honest.signature());

            Submission rejected = client.await(id, token, Duration.ofSeconds(60), (a, b, c, d) -> { });
            assertEquals(Verdict.REJECTED, rejected.verdict());
            assertEquals(CheckResult.FAILED, rejected.checks().stream().filter(c -> c.code().equals("certificate.chain"))
                    .findFirst().orElseThrow().result(), rejected.checks().toString());
            assertEquals(Verdict.VERIFIED, client.await(control, Duration.ofSeconds(60), (a, b, c, d) -> { }).verdict());
            Answer status = HostileKit.exchange(uri, "127.0.0.1", "GET", "/api/v1/submissions/" + id,
                    Map.of("Authorization", "Bearer " + token), null);
            assertTrue(status.body().contains("\"mail\":\"withheld\""), "the verdict is kept and served: " + status.body());

            // 100 forged submissions to 100 strangers from one address: the client's bucket (30 per 10 minutes) ends it
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 100; i++) {
                TestMaterial.Signed f = HostileKit.forged(attacker, "s" + i + "@victim.test", phishing);
                Answer a = HostileKit.post(uri, "127.0.0.1", f.payload(), f.signature());
                if (a.status() == 202) {
                    ok++;
                    strangerIds.add(group(ID, a.body()));
                } else {
                    assertEquals(429, a.status(), a.body());
                    assertTrue(a.body().contains("\"error\":\"rate_limited\"") && a.body().contains("try again in"), a.body());
                    long retry = Long.parseLong(a.header("Retry-After"));
                    assertTrue(retry >= 1 && retry <= 20, "Retry-After " + retry);
                    limited++;
                }
            }
            System.out.printf("%s: 100 POSTs from one address: %d accepted, %d refused with 429%n", store, ok, limited);
            assertTrue(ok >= 28 && ok <= 30, "the 30-per-10-minutes bucket, 2 spent before: " + ok);

            // 20 forged submissions to one stranger from 20 addresses: the recipient's bucket (5 per hour) ends it
            int toOne = 0;
            for (int i = 0; i < 20; i++) {
                TestMaterial.Signed f = HostileKit.forged(attacker, stranger, phishing);
                Answer a = HostileKit.post(uri, "127.0.0." + (10 + i), f.payload(), f.signature());
                if (a.status() == 202) {
                    toOne++;
                    strangerIds.add(group(ID, a.body()));
                } else {
                    assertEquals(429, a.status(), a.body());
                    assertTrue(a.body().contains("contact address") && a.header("Retry-After") != null, a.body());
                }
            }
            assertEquals(4, toOne, "five per hour for one recipient, one spent before");

            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (client.status(control.id(), control.token()).verdict() != Verdict.VERIFIED
                    || pending(uri) > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertEquals(0, pending(uri), "every forged submission was decided");
            assertTrue(smtp.waitForIncomingEmail(30_000, 1));
            Thread.sleep(1500); // the mail sender polls every 200 ms: a wrong mail would be out by now
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(1, mails.length, "only the vouched contact is mailed");
            assertEquals("head@romashka.test", mails[0].getRecipients(Message.RecipientType.TO)[0].toString());
            if (r.pg != null) {
                assertEquals(1, r.count("select count(*) from outbox"));
                assertEquals(strangerIds.size(), r.count("select count(*) from submissions where mail = 'WITHHELD'"));
            }
        }
        if (store == Store.H2) {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("orgsign"));
                 Statement st = c.createStatement()) {
                assertEquals(1, CrashRecoveryTest.one(st, "select count(*) from outbox"));
                assertEquals(strangerIds.size(), CrashRecoveryTest.one(st, "select count(*) from submissions where mail = 'WITHHELD'"));
            }
        }
        List<String> audit = HostileKit.audit(data);
        assertTrue(audit.stream().filter(l -> l.contains("\"event\":\"rate-limited\"")).count() >= 70, "refusals are audited");
        assertTrue(audit.stream().noneMatch(l -> l.contains("victim.test") || l.contains("phish") || l.contains("Фёдоров")),
                "the audit log holds no personal data");
    }

    private static long pending(URI uri) throws Exception {
        Answer h = HostileKit.exchange(uri, "127.0.0.1", "GET", "/health", Map.of(), null);
        return Long.parseLong(h.body().replaceAll(".*\"pending\":(\\d+).*", "$1"));
    }

    /** One attacking connection: what it is, when it was dropped, what it was told. */
    private static final class Attacker {
        final String kind;
        final SocketChannel channel;
        final long opened = System.nanoTime();
        long closedAfterMs = -1;
        final StringBuilder heard = new StringBuilder();
        final byte[] trickle;
        int sent;

        Attacker(String kind, SocketChannel channel, byte[] trickle) {
            this.kind = kind;
            this.channel = channel;
            this.trickle = trickle;
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void slowBodiesSlowHeadersAndIdleConnectionsAreDroppedWhileHealthAnswersWithinASecond(Store store, @TempDir Path dir)
            throws Exception {
        try (Running r = HostileKit.start(store, dir.resolve("service"), Clock.systemUTC(),
                b -> TestMaterial.bulk(b).headerTimeout(Duration.ofSeconds(3)).minBodyRate(1024).connectionsPerClient(32));
             Selector selector = Selector.open()) {
            URI uri = r.uri();
            List<Attacker> attackers = new ArrayList<>();
            List<Attacker> idle = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                idle.add(open(selector, uri, "127.0.0.6", "idle", new byte[0], ""));
            }
            Thread.sleep(500);
            int refusedAtOnce = 0;
            for (Attacker a : idle) {
                try {
                    refusedAtOnce += a.channel.read(ByteBuffer.allocate(16)) < 0 ? 1 : 0;
                } catch (java.io.IOException reset) {
                    refusedAtOnce++;
                }
            }
            assertEquals(8, refusedAtOnce, "32 connections per address; the 8 beyond are closed as they open");
            attackers.addAll(idle);
            byte[] slowBody = ("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] slowHead = "POST /api/v1/submissions HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 62; i++) {
                attackers.add(open(selector, uri, "127.0.0." + (2 + i / 31), "slow-body", slowBody, "{\"payload\":\"AAAA"));
                attackers.add(open(selector, uri, "127.0.0." + (4 + i / 31), "slowloris", slowHead, "X-Padding: aaaaaaaa\r\n"));
            }
            long start = System.nanoTime();
            long maxHealthMs = 0;
            int healthChecks = 0;
            long nextTick = 0;
            while (System.nanoTime() - start < Duration.ofSeconds(8).toNanos()) {
                if (System.nanoTime() >= nextTick) { // one byte every 500 ms from every attacker still connected
                    for (Attacker a : attackers) {
                        if (a.closedAfterMs < 0 && a.trickle.length > 0) {
                            try {
                                a.channel.write(ByteBuffer.wrap(a.trickle, a.sent++ % a.trickle.length, 1));
                            } catch (java.io.IOException e) {
                                a.closedAfterMs = (System.nanoTime() - a.opened) / 1_000_000;
                            }
                        }
                    }
                    nextTick = System.nanoTime() + 500_000_000L;
                    long t0 = System.nanoTime();
                    Answer health = HostileKit.exchange(uri, "127.0.0.1", "GET", "/health", Map.of(), null);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(200, health.status(), health.body());
                    maxHealthMs = Math.max(maxHealthMs, ms);
                    healthChecks++;
                }
                selector.select(50);
                for (SelectionKey k : selector.selectedKeys()) {
                    Attacker a = (Attacker) k.attachment();
                    ByteBuffer buf = ByteBuffer.allocate(4096);
                    int n;
                    try {
                        n = a.channel.read(buf);
                    } catch (java.io.IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        a.closedAfterMs = (System.nanoTime() - a.opened) / 1_000_000;
                        k.cancel();
                    } else {
                        a.heard.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
                selector.selectedKeys().clear();
            }
            for (String kind : List.of("slow-body", "slowloris", "idle")) {
                List<Attacker> of = attackers.stream().filter(a -> a.kind.equals(kind)).toList();
                long open = of.stream().filter(a -> a.closedAfterMs < 0).count();
                long latest = of.stream().mapToLong(a -> a.closedAfterMs).max().orElse(-1);
                System.out.printf("%s: %d %s connections, %d still open after 8 s, the last dropped after %d ms%n",
                        store, of.size(), kind, open, latest);
                assertEquals(0, open, kind + " connections are dropped");
            }
            long told408 = attackers.stream().filter(a -> a.kind.equals("slow-body") && a.heard.indexOf("HTTP/1.1 408") == 0).count();
            assertTrue(told408 >= 31, "slow bodies are told 408 (" + told408 + " of 62)");
            assertTrue(attackers.stream().filter(a -> a.kind.equals("slow-body")).allMatch(a -> a.closedAfterMs < 5000),
                    "a slow body is dropped within the 2 s allowance and a tick or two");
            assertTrue(attackers.stream().filter(a -> a.kind.equals("slowloris")).allMatch(a -> a.closedAfterMs < 6000),
                    "slow headers are dropped after the 3 s header time-out");
            System.out.printf("%s: /health answered %d times during the attack, the slowest in %d ms%n", store, healthChecks, maxHealthMs);
            assertTrue(healthChecks >= 10 && maxHealthMs < 1000, "health within a second: " + maxHealthMs + " ms");
        }
    }

    @org.junit.jupiter.api.Test
    void bodiesBeingReadHoldNoMoreThanTheirMemoryAndGiveItBackWhenTheClientGoes(@TempDir Path dir) throws Exception {
        byte[] head = ("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 250000\r\n\r\n{\"payload\":\"").getBytes(StandardCharsets.US_ASCII);
        try (Running r = HostileKit.start(Store.H2, dir.resolve("service"), Clock.systemUTC(),
                b -> TestMaterial.bulk(b).bodyMemory(1 << 20))) {
            List<java.net.Socket> reading = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // 4 x 250,000 bytes reserved of 1 MiB
                java.net.Socket s = HostileKit.connect(r.uri(), "127.0.0." + (30 + i));
                s.getOutputStream().write(head);
                reading.add(s);
            }
            Thread.sleep(300);
            try (java.net.Socket fifth = HostileKit.connect(r.uri(), "127.0.0.40")) {
                fifth.getOutputStream().write(head);
                Answer busy = HostileKit.read(fifth.getInputStream());
                assertEquals(503, busy.status(), busy.body());
                assertTrue(busy.body().contains("\"error\":\"busy\"") && "5".equals(busy.header("Retry-After")), busy.body());
            }
            for (java.net.Socket s : reading) {
                s.close(); // the clients go away: what they reserved is free again
            }
            Thread.sleep(500);
            try (java.net.Socket again = HostileKit.connect(r.uri(), "127.0.0.41")) {
                again.getOutputStream().write(head);
                again.setSoTimeout(1000);
                assertThrows(java.net.SocketTimeoutException.class, () -> again.getInputStream().read(),
                        "read, not refused: the memory came back");
            }
        }
    }

    private static Attacker open(Selector selector, URI uri, String local, String kind, byte[] first, String trickle)
            throws java.io.IOException {
        SocketChannel ch = SocketChannel.open();
        ch.bind(new InetSocketAddress(local, 0));
        ch.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        if (first.length > 0) {
            ch.write(ByteBuffer.wrap(first));
        }
        ch.configureBlocking(false);
        Attacker a = new Attacker(kind, ch, trickle.getBytes(StandardCharsets.US_ASCII));
        ch.register(selector, SelectionKey.OP_READ, a);
        return a;
    }
}
