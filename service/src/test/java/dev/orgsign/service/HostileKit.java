package dev.orgsign.service;

import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the hostile-client tests share: the service on H2 or on a PostgreSQL database of its own,
 * raw HTTP from a chosen loopback address (127.0.0.0/8 is all loopback on Linux, so each address
 * is another "client"), and registrations signed with a key the attacker made himself.
 */
final class HostileKit {
    private HostileKit() {
    }

    /** Where the service keeps its data in a test. */
    enum Store {
        H2, POSTGRESQL
    }

    /** A clock the test moves forward (retention). */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    /** A running service and its database, closed together. */
    static final class Running implements AutoCloseable {
        final VerificationServer server;
        final Postgres pg;
        final Path data;

        Running(VerificationServer server, Postgres pg, Path data) {
            this.server = server;
            this.pg = pg;
            this.data = data;
        }

        URI uri() {
            return server.uri();
        }

        Connection db() throws Exception {
            return pg != null ? pg.connect()
                    : DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("orgsign") + ";AUTO_SERVER=FALSE");
        }

        long count(String sql) throws Exception {
            if (pg == null) {
                throw new IllegalStateException("H2 is locked by the running service; count after close");
            }
            try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    static Running start(Store store, Path data, Clock clock, UnaryOperator<ServiceConfig.Builder> tune) throws Exception {
        Postgres pg = store == Store.POSTGRESQL ? Postgres.create() : null;
        try {
            ServiceConfig.Builder b = TestMaterial.config(data);
            if (pg != null) {
                b.jdbcUrl(pg.url());
            }
            return new Running(VerificationServer.start(tune.apply(b).build(), clock), pg, data);
        } catch (Exception | Error e) {
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
    }

    /** An HTTP answer read off a raw socket. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A socket to the service from {@code local}, a loopback address such as 127.0.0.7. */
    static Socket connect(URI server, String local) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(local, 0));
        s.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
        s.setSoTimeout(20_000);
        return s;
    }

    /** One request on a connection of its own from {@code local}. */
    static Answer exchange(URI server, String local, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket s = connect(server, local)) {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            try {
                s.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    s.getOutputStream().write(body);
                }
                s.getOutputStream().flush();
            } catch (IOException refusedMidway) {
                // the service may answer (413, 429) and close before the body is sent: read what it said
            }
            return read(s.getInputStream());
        }
    }

    static Answer post(URI server, String local, byte[] payload, byte[] signature) throws IOException {
        return exchange(server, local, "POST", "/api/v1/submissions", Map.of("Content-Type", "application/json"),
                body(payload, signature));
    }

    static byte[] body(byte[] payload, byte[] signature) {
        return ("{\"payload\":\"" + Base64.getEncoder().encodeToString(payload) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signature) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads status line, headers and a Content-Length body (or to the end). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int last = 0; last != 0x0D0A0D0A; ) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            last = (last << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** A key pair and self-signed certificate the attacker made himself, as a token. */
    static KeyStoreSigningToken selfMadeKey(Path dir) throws Exception {
        Path p12 = dir.resolve("attacker.p12");
        SelfSigned.write(p12, "attacker", "attacker".toCharArray(),
                "CN=Фёдоров Иван Петрович,O=ООО Ромашка,SERIALNUMBER=1027700132195");
        KeyStoreSigningToken t = KeyStoreSigningToken.ofFile(p12, "PKCS12");
        t.login(r -> "attacker".toCharArray());
        return t;
    }

    /**
     * The LLC head's registration with another contact address and position, under a fresh
     * request id, signed on {@code token}.
     */
    static TestMaterial.Signed forged(KeyStoreSigningToken token, String email, String position) throws Exception {
        RegistrationPayload base = PayloadCodec.parse(TestMaterial.sign(dev.orgsign.testcerts.Persona.LLC_HEAD).payload());
        return forged(token, base, email, position);
    }

    static TestMaterial.Signed forged(KeyStoreSigningToken token, RegistrationPayload base, String email, String position)
            throws Exception {
        RegistrationPayload.Head h = base.head();
        RegistrationPayload p = new RegistrationPayload(UUID.randomUUID(), base.createdAt(), base.organization(),
                new RegistrationPayload.Head(h.surname(), h.firstName(), h.patronymic(), h.inn(), h.snils(), position),
                new RegistrationPayload.Contact(email, base.contact().phone()));
        byte[] bytes = PayloadCodec.canonicalBytes(p);
        TokenKey key = token.keys().get(0);
        return new TestMaterial.Signed(bytes, new RegistrationSigner().sign(bytes, token, key), email);
    }

    /** The audit log's lines. */
    static List<String> audit(Path data) throws IOException {
        return new ArrayList<>(Files.readAllLines(data.resolve("audit.log")));
    }
}
