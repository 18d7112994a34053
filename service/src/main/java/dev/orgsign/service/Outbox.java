package dev.orgsign.service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table: notifications written in the transaction that stores a verdict, sent later
 * and retried with back-off until the mail server takes them, so an outage delays mail but loses none.
 */
final class Outbox {
    /** A notification. */
    record Mail(String submissionId, String recipient, String subject, String body) {
    }

    /** A queued notification claimed for sending. */
    record Queued(String id, Mail mail, int attempts) {
    }

    private final DataSource ds;

    Outbox(DataSource ds) {
        this.ds = ds;
    }

    /** Queues notifications in the caller's transaction, as one batch. */
    static void insert(Connection c, List<Mail> mails, long now) throws SQLException {
        if (mails.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (id, submission_id, recipient, subject, body, "
                + "created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Mail mail : mails) {
                ps.setString(1, TimeOrderedIds.next());
                ps.setString(2, mail.submissionId());
                ps.setString(3, mail.recipient());
                ps.setString(4, mail.subject());
                ps.setString(5, mail.body());
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Claims up to {@code max} due notifications for {@code owner} until {@code leaseUntil}. */
    List<Queued> claim(String owner, int max, long now, long leaseUntil) throws SQLException {
        List<Queued> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select id, submission_id, recipient, subject, body, attempts "
                        + "from outbox where sent_at is null and gave_up_at is null and next_attempt_at <= ? and (lease_until is null or lease_until < ?) "
                        + "order by created_at, id fetch first " + max + " rows only for update skip locked")) {
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Queued(rs.getString(1), new Mail(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5)), rs.getInt(6)));
                        }
                    }
                }
                Leases.assign(c, "update outbox set lease_owner = ?, lease_until = ? where id = ?",
                        out.stream().map(Queued::id).toList(), owner, leaseUntil);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return out;
    }

    void sent(String id, long now) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox set sent_at = ?, attempts = attempts + 1, "
                     + "lease_owner = null, lease_until = null, last_error = null where id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    void gaveUp(String id, String error, long now) throws SQLException {
        recordFailure(id, error, "gave_up_at", now);
    }

    void failed(String id, String error, long nextAttempt) throws SQLException {
        recordFailure(id, error, "next_attempt_at", nextAttempt);
    }

    /** Counts a failed attempt, keeps its error (cut to 1000 characters), frees the lease and sets {@code column}. */
    private void recordFailure(String id, String error, String column, long value) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox set attempts = attempts + 1, " + column + " = ?, "
                     + "last_error = ?, lease_owner = null, lease_until = null where id = ?")) {
            ps.setLong(1, value);
            ps.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }
}
