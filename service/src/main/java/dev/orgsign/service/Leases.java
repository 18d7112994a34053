package dev.orgsign.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Hands claimed rows (submissions, outbox mails) to one instance for a while, inside the caller's transaction. */
final class Leases {
    private Leases() {
    }

    /**
     * Runs {@code update} once per id as one batch.
     *
     * @param c          the connection of the claiming transaction
     * @param update     an update with the parameters owner, lease end and id, in that order
     * @param ids        the claimed rows (nothing is sent when empty)
     * @param owner      the claiming instance
     * @param leaseUntil when the lease ends, epoch milliseconds
     */
    static void assign(Connection c, String update, List<String> ids, String owner, long leaseUntil) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (String id : ids) {
                ps.setString(1, owner);
                ps.setLong(2, leaseUntil);
                ps.setString(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
