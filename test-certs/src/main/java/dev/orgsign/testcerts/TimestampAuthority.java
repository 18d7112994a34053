package dev.orgsign.testcerts;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real RFC 3161 time-stamping authority for tests: the {@code openssl ts -reply} of the installed
 * OpenSSL (with the gost engine, so that GOST R 34.11-2012 imprints are accepted) behind a JDK HTTP
 * server on an ephemeral loopback port, signing with a TSA key of the test PKI
 * ({@link TestPki#tsa()}, or any credential given). Each POST of an {@code application/timestamp-query}
 * is answered with openssl's {@code application/timestamp-reply}; what openssl refuses is answered
 * with HTTP 400 and openssl's words.
 */
public final class TimestampAuthority implements AutoCloseable {
    private final OpenSsl openssl;
    private final Path dir;
    private final HttpServer server;
    private final Credential credential;
    private final AtomicInteger requests = new AtomicInteger();

    private TimestampAuthority(Credential credential, Path dir, java.time.Duration backdate) throws IOException {
        this.openssl = backdate == null ? OpenSsl.requireGost() : OpenSsl.requireGost().backdated(backdate);
        this.credential = credential;
        this.dir = dir;
        Files.createDirectories(dir);
        TestPkiWriter.writePem(dir.resolve("tsa.pem"), List.of(credential.certificate()));
        TestPkiWriter.writePem(dir.resolve("tsa.key.pem"), List.of(credential.privateKey()));
        TestPkiWriter.writePem(dir.resolve("chain.pem"), credential.chain().subList(1, credential.chain().size()));
        Files.writeString(dir.resolve("serial"), "01\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("tsa.cnf"), String.join("\n",
                "[ tsa ]",
                "default_tsa = orgsign_test_tsa",
                "[ orgsign_test_tsa ]",
                "serial = " + dir.resolve("serial"),
                "crypto_device = builtin",
                "signer_digest = sha256",
                "default_policy = 1.2.643.100.500.1",
                "digests = sha256, sha384, sha512, md_gost12_256, md_gost12_512",
                "accuracy = secs:1",
                "ordering = yes",
                "tsa_name = yes",
                "ess_cert_id_chain = no",
                "ess_cert_id_alg = sha256",
                ""), StandardCharsets.US_ASCII);
        server = LoopbackHttp.start(exchange -> {
            requests.incrementAndGet();
            byte[] query = exchange.getRequestBody().readAllBytes();
            byte[] reply;
            String problem = null;
            synchronized (this) { // one openssl at a time: it advances the serial file
                Path q = Files.write(dir.resolve("query.tsq"), query);
                Path r = dir.resolve("reply.tsr");
                Files.deleteIfExists(r);
                OpenSsl.Run run = openssl.run(dir, "ts", "-reply", "-engine", "gost", "-config", dir.resolve("tsa.cnf").toString(),
                        "-queryfile", q.toString(), "-signer", dir.resolve("tsa.pem").toString(),
                        "-inkey", dir.resolve("tsa.key.pem").toString(), "-chain", dir.resolve("chain.pem").toString(),
                        "-out", r.toString());
                reply = run.ok() && Files.exists(r) ? Files.readAllBytes(r) : null;
                if (reply == null) {
                    problem = run.output();
                }
            }
            if (reply == null) {
                LoopbackHttp.answer(exchange, 400, "text/plain", problem.getBytes(StandardCharsets.UTF_8));
            } else {
                LoopbackHttp.answer(exchange, 200, "application/timestamp-reply", reply);
            }
        });
    }

    /** Starts the test PKI's TSA ({@link TestPki#tsa()}), keeping its files in {@code dir}. */
    public static TimestampAuthority start(TestPki pki, Path dir) throws IOException {
        return new TimestampAuthority(pki.tsa(), dir, null);
    }

    /** Starts a TSA signing with {@code credential} (e.g. {@link TestPki#untrustedTsa()}), keeping its files in {@code dir}. */
    public static TimestampAuthority start(Credential credential, Path dir) throws IOException {
        return new TimestampAuthority(credential, dir, null);
    }

    /**
     * Starts a TSA whose openssl runs {@code ago} in the past (faketime): its tokens prove that a signature
     * existed then. The credential's certificate must have been valid then.
     *
     * @param credential the TSA's key and certificate
     * @param dir        where its files are kept
     * @param ago        how far back its clock is set
     * @return the running TSA
     */
    public static TimestampAuthority startBackdated(Credential credential, Path dir, java.time.Duration ago) throws IOException {
        return new TimestampAuthority(credential, dir, ago);
    }

    /** The URL to post queries to. */
    public String url() {
        return LoopbackHttp.url(server, "/tsp");
    }

    /** The TSA's key and certificate. */
    public Credential credential() {
        return credential;
    }

    /** The folder with the TSA's certificate ({@code tsa.pem}) and its issuers ({@code chain.pem}). */
    public Path dir() {
        return dir;
    }

    /** How many queries arrived. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
