package dev.orgsign.service;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On PostgreSQL, listens on {@value #CHANNEL}, which every instance's intake notifies in the
 * transaction that stores new submissions (PostgreSQL delivers it at commit), and rings this
 * instance's {@link Doorbell}: the workers of every instance start on a submission as soon as it is
 * stored, instead of finding it at their next poll. The connection is its own (not the pool's),
 * so no pooled session is ever left listening; when it fails it is opened again after a second.
 */
final class PgNotifications implements Runnable {
    /** The channel the intake notifies. */
    static final String CHANNEL = "orgsign_pending";
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);

    private final Database db;
    private final Doorbell bell;
    private volatile boolean running = true;

    PgNotifications(Database db, Doorbell bell) {
        this.db = db;
        this.bell = bell;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try (Connection c = db.dedicatedConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                bell.ring(); // what was stored while nobody listened is looked for now
                while (running) {
                    PGNotification[] n = pg.getNotifications(500);
                    if (n != null && n.length > 0) {
                        bell.ring();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Cannot listen for new submissions ({}); workers poll until it works again",
                            Database.rootMessage(e));
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
