package dev.orgsign.service;

import dev.orgsign.core.verify.Verdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's batch: pending submissions claimed with a lease ({@code SELECT … FOR UPDATE SKIP
 * LOCKED}, one read of their content, one lease update), then their verdicts and notifications
 * stored in one transaction, each only while the claimer still holds its lease and it is still
 * pending.
 *
 * <p>On a store that several instances share (PostgreSQL) the claim commits at once: every
 * instance sees the lease, and it outlives this process, so a crashed instance's batch is taken
 * over when the lease runs out. On the embedded store, which this process owns alone and whose
 * leases are voided at start anyway, the claim's transaction stays open, the rows locked, until the
 * verdicts are committed in it: one commit per batch instead of two. Either way a crash before the
 * verdicts' commit leaves the submissions pending, to be claimed again.
 */
final class ClaimedBatch implements AutoCloseable {
    /**
     * A claimed submission, with what a worker needs to verify it.
     *
     * @param requestId   the request id stored at intake
     * @param payloadHash the payload's SHA-256 stored at intake (hex), for the verifier's request-id ledger
     */
    record Claimed(String id, String requestId, String payloadHash, byte[] payload, byte[] signature, String email,
                   String organization, long receivedAt, java.util.Locale language) {
    }

    /**
     * A verdict to store.
     *
     * @param mail      the notification to queue, or null for none
     * @param mailState what became of the notification, or null when there is no contact address
     */
    record Decision(String id, Verdict verdict, String reportJson, Outbox.Mail mail, SubmissionStore.MailState mailState) {
    }

    private final DataSource ds;
    private final String owner;
    private final List<Claimed> claimed;
    /** The claim's open transaction when it is held until the verdicts, else null. */
    private Connection held;

    private ClaimedBatch(DataSource ds, String owner, List<Claimed> claimed, Connection held) {
        this.ds = ds;
        this.owner = owner;
        this.claimed = claimed;
        this.held = held;
    }

    /**
     * Claims up to {@code max} pending submissions whose lease is free or expired.
     *
     * @param hold keep the transaction open until {@link #decide} (a store this process owns alone)
     */
    static ClaimedBatch claim(DataSource ds, boolean hold, String owner, int max, long now, long leaseUntil)
            throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            List<Claimed> claimed = select(c, max, now);
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update submissions set lease_owner = ?, lease_until = ?, "
                        + "attempts = attempts + 1 where id in (" + Sql.marks(claimed.size()) + ")")) {
                    ps.setString(1, owner);
                    ps.setLong(2, leaseUntil);
                    Sql.strings(ps, 3, claimed.stream().map(Claimed::id).toList());
                    ps.executeUpdate();
                }
            }
            if (hold && !claimed.isEmpty()) {
                return new ClaimedBatch(ds, owner, claimed, c);
            }
            c.commit();
            c.close();
            return new ClaimedBatch(ds, owner, claimed, null);
        } catch (SQLException | RuntimeException e) {
            try (c) {
                c.rollback();
            }
            throw e;
        }
    }

    private static List<Claimed> select(Connection c, int max, long now) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<java.util.Locale> languages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, request_id, payload_sha256, contact_email, organization, "
                + "received_at, language from submissions where status = 'PENDING' and (lease_until is null or lease_until < ?) "
                + "order by received_at, id fetch first " + max + " rows only for update skip locked")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    received.add(rs.getLong(6));
                    languages.add(Languages.stored(rs.getString(7)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, byte[][]> content = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select submission_id, payload, signature from submission_content "
                + "where submission_id in (" + Sql.marks(rows.size()) + ")")) {
            Sql.strings(ps, 1, rows.stream().map(r -> r[0]).toList());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    content.put(rs.getString(1), new byte[][] {rs.getBytes(2), rs.getBytes(3)});
                }
            }
        }
        List<Claimed> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            byte[][] bytes = content.get(r[0]);
            if (bytes != null) {
                out.add(new Claimed(r[0], r[1], r[2], bytes[0], bytes[1], r[3], r[4], received.get(i), languages.get(i)));
            }
        }
        return out;
    }

    /**
     * A batch of submissions the intake stored already leased to {@code owner} ({@link HandOver}):
     * nothing to claim or read back.
     */
    static ClaimedBatch handedOver(DataSource ds, String owner, List<Claimed> leased) {
        return new ClaimedBatch(ds, owner, List.copyOf(leased), null);
    }

    /** @return the claimed submissions, oldest first */
    List<Claimed> submissions() {
        return claimed;
    }

    /**
     * Stores the verdicts with their notifications and commits.
     *
     * @return per decision, whether it was stored (false: the lease was lost or it was decided already)
     */
    boolean[] decide(List<Decision> decisions, String instance, long now) throws SQLException {
        boolean[] stored = new boolean[decisions.size()];
        if (decisions.isEmpty()) {
            return stored;
        }
        Connection c = held != null ? held : ds.getConnection();
        held = null;
        try (c) {
            c.setAutoCommit(false);
            try {
                int[] counts;
                try (PreparedStatement ps = c.prepareStatement("update submissions set status = ?, report = ?, verified_at = ?, "
                        + "verified_by = ?, mail = ?, verifications = verifications + 1, lease_owner = null, lease_until = null "
                        + "where id = ? and status = 'PENDING' and lease_owner = ?")) {
                    for (Decision d : decisions) {
                        ps.setString(1, d.verdict().name());
                        ps.setString(2, d.reportJson());
                        ps.setLong(3, now);
                        ps.setString(4, instance);
                        ps.setString(5, d.mailState() == null ? null : d.mailState().name());
                        ps.setString(6, d.id());
                        ps.setString(7, owner);
                        ps.addBatch();
                    }
                    counts = ps.executeBatch();
                }
                List<Outbox.Mail> mails = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] < 0) {
                        // the driver did not tell which rows it changed: store nothing, the claims are taken up again
                        throw new SQLException("The database did not report which verdicts it stored.");
                    }
                    stored[i] = counts[i] == 1;
                    if (stored[i] && decisions.get(i).mail() != null) {
                        mails.add(decisions.get(i).mail());
                    }
                }
                Outbox.insert(c, mails, now);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Gives up a claim still held without verdicts: its transaction is rolled back, the rows pending again. */
    @Override
    public void close() throws SQLException {
        if (held != null) {
            Connection c = held;
            held = null;
            try (c) {
                c.rollback();
            }
        }
    }
}
