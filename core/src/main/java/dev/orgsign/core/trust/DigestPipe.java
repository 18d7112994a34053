package dev.orgsign.core.trust;

import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * An output stream whose octets are digested on a thread of its own, so that the digest of a large
 * list (GOST R 34.11-2012 is the slowest step of its check) runs beside the parsing and
 * canonicalization that produce them. Blocks are copied into a small bounded queue; {@link #digest()}
 * ends the stream and waits for the result. {@link #close()} ends it too, and must be called when the
 * digest is not wanted after all, or the thread waits for more.
 */
final class DigestPipe extends OutputStream {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(16);
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private boolean closed;

    /** @param md the digest, used by the pipe's thread only from now on */
    DigestPipe(MessageDigest md) {
        Thread worker = new Thread(() -> {
            try {
                for (byte[] b = blocks.take(); b != END; b = blocks.take()) {
                    md.update(b);
                }
                result.complete(md.digest());
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "orgsign-list-digest");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void write(int b) throws InterruptedIOException {
        put(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] b, int off, int len) throws InterruptedIOException {
        if (len > 0) {
            put(Arrays.copyOfRange(b, off, off + len));
        }
    }

    private void put(byte[] block) throws InterruptedIOException {
        if (closed) {
            throw new IllegalStateException("the digest pipe is closed");
        }
        try {
            blocks.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting");
        }
    }

    /** Ends the stream; the thread finishes the digest and stops. */
    @Override
    public void close() throws InterruptedIOException {
        if (!closed) {
            put(END);
            closed = true;
        }
    }

    /**
     * Ends the stream and waits for the digest.
     *
     * @return the digest of every octet written
     * @throws InterruptedIOException when interrupted
     */
    byte[] digest() throws InterruptedIOException {
        close();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the digest failed", e.getCause());
        }
    }
}
