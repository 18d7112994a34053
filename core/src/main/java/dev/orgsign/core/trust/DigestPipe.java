package dev.orgsign.core.trust;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An output stream whose octets are digested on a thread of its own, so that the digest of a large
 * list (GOST R 34.11-2012 is the slowest step of its check) runs beside the parsing and
 * canonicalization that produce them. Blocks are copied into a small bounded queue; {@link #digest()}
 * ends the stream and waits for the result. {@link #close()} abandons it, and must be called when the
 * digest is not wanted after all (a refused list, an interruption), or the thread waits for more. A
 * thread that fails, with an error too, fails the writer and {@link #digest()} instead of leaving them
 * waiting.
 */
final class DigestPipe extends OutputStream {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(16);
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final Thread worker;
    private boolean ended;

    /** @param md the digest, used by the pipe's thread only from now on */
    DigestPipe(MessageDigest md) {
        worker = new Thread(() -> {
            try {
                for (byte[] b = blocks.take(); b != END; b = blocks.take()) {
                    md.update(b);
                }
                result.complete(md.digest());
            } catch (Throwable e) { // an error too: whoever waits for the digest must not wait forever
                result.completeExceptionally(e);
            }
        }, "orgsign-list-digest");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (ended) {
            throw new IllegalStateException("the digest pipe is closed");
        }
        if (len > 0) {
            put(Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** Queues a block, waiting while the queue is full, as long as the thread still digests. */
    private void put(byte[] block) throws IOException {
        try {
            while (!blocks.offer(block, 50, TimeUnit.MILLISECONDS)) {
                if (result.isDone()) {
                    throw new IOException("the digest stopped", result.handle((v, e) -> e).getNow(null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting");
        }
    }

    /**
     * Abandons the pipe when its digest was not asked for (idempotent): the thread ends, at once if the stream
     * cannot be ended without waiting.
     */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            if (!blocks.offer(END)) {
                worker.interrupt();
            }
        }
    }

    /**
     * Ends the stream and waits for the digest.
     *
     * @return the digest of every octet written
     * @throws IOException when interrupted ({@link InterruptedIOException}) or when the digest failed
     */
    byte[] digest() throws IOException {
        if (ended) {
            throw new IllegalStateException("the digest pipe is closed");
        }
        put(END);
        ended = true;
        try {
            return result.get();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the digest failed", e.getCause());
        }
    }
}
