package dev.orgsign.testcerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** What the test servers (OCSP responder, TSA, file server) share: a JDK HTTP server on an ephemeral loopback port. */
final class LoopbackHttp {
    private LoopbackHttp() {
    }

    /** Starts a server that hands every request to {@code handler}. */
    static HttpServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** The URL of {@code path} on {@code server}. */
    static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers with {@code status} and {@code body} (none when null) of {@code contentType}, and closes the exchange. */
    static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
