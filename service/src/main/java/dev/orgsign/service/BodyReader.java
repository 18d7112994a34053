package dev.orgsign.service;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body without a thread waiting for it: Jetty calls back (on a pool thread) when
 * bytes arrive ({@link Request#demand}), so a slow client holds a connection but no thread. The
 * body is refused with 413 past {@code max} bytes, and with 408 when it arrives more slowly than
 * {@code minRate} bytes per second (measured from the end of the headers, after an allowance of
 * {@link ServiceLimits#GRACE_SECONDS} seconds); a client that stops sending altogether meets the
 * connector's idle timeout.
 */
final class BodyReader implements Runnable {
    /** What to do with the whole body, or with the refusal. */
    interface Done {
        void body(byte[] body);

        void refused(ApiHandler.ApiError error);
    }

    private final Request request;
    private final int max;
    private final long minRate;
    private final Done done;
    private final long start = NanoTime.now();
    private final ByteArrayOutputStream bytes;

    private BodyReader(Request request, int max, long minRate, Done done) {
        this.request = request;
        this.max = max;
        this.minRate = minRate;
        this.done = done;
        long length = request.getLength();
        this.bytes = new ByteArrayOutputStream(length > 0 && length <= max ? (int) length : 8192);
    }

    /** Starts reading; {@code done} is called exactly once, on this thread or on one of Jetty's. */
    static void read(Request request, int max, long minRate, Done done) {
        new BodyReader(request, max, minRate, done).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                if (tooSlow()) {
                    done.refused(new ApiHandler.ApiError(408, "too_slow", ApiHandler.T.text("api.tooSlow", rate(), minRate)));
                    return;
                }
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                chunk.release();
                done.refused(new ApiHandler.ApiError(400, "unreadable", ApiHandler.T.text("api.incomplete")));
                return;
            }
            ByteBuffer b = chunk.getByteBuffer();
            if (bytes.size() + b.remaining() > max) {
                chunk.release();
                done.refused(new ApiHandler.ApiError(413, "too_large", ApiHandler.T.text("api.bodyOverLimit", max)));
                return;
            }
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            bytes.write(copy, 0, copy.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                done.body(bytes.toByteArray());
                return;
            }
        }
    }

    private boolean tooSlow() {
        if (minRate <= 0) {
            return false;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(start));
        long allowedMs = elapsedMs - ServiceLimits.GRACE_SECONDS * 1000L;
        return allowedMs > 0 && bytes.size() * 1000L < minRate * allowedMs;
    }

    private long rate() {
        long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(NanoTime.since(start)));
        return bytes.size() * 1000L / elapsedMs;
    }
}
