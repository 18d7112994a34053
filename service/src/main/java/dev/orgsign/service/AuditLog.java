package dev.orgsign.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The append-only audit log: one JSON line per event — the time, the event, the client (its
 * network address or the name of its API key), the submission id and the outcome (a verdict, an
 * HTTP status, an error code). It never holds personal data: no names, no INN or SNILS, no e-mail
 * address, no token. The file is opened for appending only, readable by the owner only (0600);
 * {@code chattr +a} makes it append-only for root as well.
 */
final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** What an event may be called: the log never carries free text. */
    static final Set<String> EVENTS = Set.of("start", "stop", "submitted", "resubmitted", "refused", "rate-limited",
            "status", "receipt", "denied", "verdict", "purged");

    private final FileChannel channel;
    private final Clock clock;
    private boolean failed;

    private AuditLog(FileChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    static AuditLog open(Path file, Clock clock) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.folder(dir);
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), PrivateFiles.fileAttributes(dir));
        PrivateFiles.restrict(file);
        return new AuditLog(ch, clock);
    }

    /**
     * Appends one event.
     *
     * @param event      one of {@link #EVENTS}
     * @param client     the client's address or key name, or the instance for the service's own events
     * @param submission the submission id, or null
     * @param outcome    a verdict, an HTTP status or an error code (never free text), or null
     */
    void record(String event, String client, String submission, String outcome) {
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("Not an audit event: " + event);
        }
        ObjectNode line = Json.object();
        line.put("time", Instant.ofEpochMilli(clock.millis()).toString());
        line.put("event", event);
        if (client != null) {
            line.put("client", client);
        }
        if (submission != null) {
            line.put("submission", submission);
        }
        if (outcome != null) {
            line.put("outcome", outcome);
        }
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                failed = false;
            } catch (IOException e) {
                if (!failed) {
                    LOG.error("The audit log cannot be written: {}", e.toString());
                }
                failed = true;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            LOG.warn("The audit log did not close cleanly: {}", e.toString());
        }
    }
}
