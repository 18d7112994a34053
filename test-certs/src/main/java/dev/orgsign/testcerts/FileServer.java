package dev.orgsign.testcerts;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on an ephemeral loopback port that serves fixed files by path — a CA's
 * certificate at the URL certificates name for it (AIA caIssuers), for instance — and answers 404
 * for anything else. Counts the requests.
 */
public final class FileServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private FileServer() throws IOException {
        server = LoopbackHttp.start(exchange -> {
            requests.incrementAndGet();
            LoopbackHttp.answer(exchange, files.containsKey(exchange.getRequestURI().getPath()) ? 200 : 404,
                    "application/pkix-cert", files.get(exchange.getRequestURI().getPath()));
        });
    }

    /** Starts a server with no files. */
    public static FileServer start() throws IOException {
        return new FileServer();
    }

    /** Serves {@code body} at {@code path} (e.g. "/crt/fns-ca.crt") and returns its URL. */
    public String serve(String path, byte[] body) {
        files.put(path, body.clone());
        return url(path);
    }

    /** The URL of {@code path} on this server (served or not). */
    public String url(String path) {
        return LoopbackHttp.url(server, path);
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
