package dev.orgsign.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes submissions older than the retention period ({@code --retain}, 90 days by default) with
 * their content, receipts and mail, in batches, every {@code min(retain / 10, 1 h)}. Several
 * instances may purge the same database: a row is deleted once, whoever comes first.
 */
final class Retention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 500;

    private final SubmissionStore store;
    private final Duration retain;
    private final Clock clock;
    private final AuditLog audit;
    private final String instance;
    private final long everyMs;
    private volatile boolean running = true;

    Retention(SubmissionStore store, Duration retain, Clock clock, AuditLog audit, String instance) {
        this.store = store;
        this.retain = retain;
        this.clock = clock;
        this.audit = audit;
        this.instance = instance;
        this.everyMs = Math.max(100, Math.min(retain.toMillis() / 10, Duration.ofHours(1).toMillis()));
    }

    /**
     * Deletes everything that arrived more than the retention period ago.
     *
     * @return the submissions deleted
     */
    int purgeNow() throws SQLException {
        long before = clock.millis() - retain.toMillis();
        int total = 0;
        for (int n; (n = store.purge(before, BATCH)) > 0 && running; ) {
            total += n;
        }
        if (total > 0) {
            LOG.info("Retention: {} submissions older than {} deleted with their receipts and mail", total, retain);
            audit.record("purged", instance, null, Integer.toString(total));
        }
        return total;
    }

    void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                purgeNow();
            } catch (SQLException e) {
                LOG.warn("Retention could not purge old submissions: {}", Database.rootMessage(e));
            } catch (RuntimeException e) {
                LOG.error("Retention failure", e);
            }
            synchronized (this) {
                try {
                    if (running) {
                        wait(everyMs);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
