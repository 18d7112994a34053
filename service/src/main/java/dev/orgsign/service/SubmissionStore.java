package dev.orgsign.service;

import dev.orgsign.core.verify.Verdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The submissions table: reads, claims with a lease and idempotent verdicts ({@link ClaimedBatch}),
 * retention; intake is {@link IntakeStore}. A verdict is stored only by the holder of the current
 * lease and only while the submission is pending, in the same transaction as its notification, so
 * no submission is decided twice. Payload and
 * signature ({@code submission_content}) and receipts ({@code receipts}) are written once, apart
 * from the row that claims and verdicts update; {@link #purge} deletes a submission with all of them.
 */
final class SubmissionStore {
    /** A submission as stored. */
    record Stored(String id, String requestId, Verdict status, String reportJson, String organization, String email,
                  long receivedAt, Long verifiedAt, String verifiedBy, int attempts, int verifications, String tokenSha256,
                  String mail, Locale language) {
    }

    /** What happened to a verdict's notification. */
    enum MailState {
        /** Written to the outbox for the contact address. */
        QUEUED,
        /** Not mailed: the signature does not vouch for the contact address. */
        WITHHELD
    }

    private final DataSource ds;
    private final boolean holdClaims;

    /**
     * @param ds         the store
     * @param holdClaims whether a claim's transaction stays open until the verdicts are stored in it
     *                   (an embedded store that this process owns alone, see {@link ClaimedBatch})
     */
    SubmissionStore(DataSource ds, boolean holdClaims) {
        this.ds = ds;
        this.holdClaims = holdClaims;
    }

    /** @return the store's data source */
    DataSource dataSource() {
        return ds;
    }

    Optional<Stored> find(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, request_id, status, report, organization, contact_email, "
                     + "received_at, verified_at, verified_by, attempts, verifications, token_sha256, mail, language "
                     + "from submissions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long verifiedAt = rs.getLong(8);
                Long v = rs.wasNull() ? null : verifiedAt;
                return Optional.of(new Stored(rs.getString(1), rs.getString(2), Verdict.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), v, rs.getString(9),
                        rs.getInt(10), rs.getInt(11), rs.getString(12), rs.getString(13), Languages.stored(rs.getString(14))));
            }
        }
    }

    /** The stored payload and signature of a submission. */
    Optional<byte[][]> content(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select payload, signature from submission_content where submission_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new byte[][] {rs.getBytes(1), rs.getBytes(2)}) : Optional.empty();
            }
        }
    }

    long pending() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from submissions where status = 'PENDING'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Claims up to {@code max} pending submissions whose lease is free or expired for {@code owner}
     * until {@code leaseUntil}; {@link ClaimedBatch#decide} stores their verdicts.
     */
    ClaimedBatch claim(String owner, int max, long now, long leaseUntil) throws SQLException {
        return ClaimedBatch.claim(ds, holdClaims, owner, max, now, leaseUntil);
    }

    /** Frees every lease: only for a store this process owns alone, at start. */
    void releaseLeases() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update submissions set lease_owner = null, lease_until = null "
                     + "where status = 'PENDING' and lease_owner is not null")) {
            ps.executeUpdate();
        }
    }

    /** The payload hash stored for a request id, for the verifier's replay check. */
    Optional<String> payloadHashOf(String requestId) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select payload_sha256 from submissions where request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<byte[]> receipt(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select pdf from receipts where submission_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Stores a receipt once; when another request stored one first, that one stays. */
    void storeReceipt(String id, byte[] pdf, long now) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into receipts (submission_id, pdf, created_at) values (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setBytes(2, pdf);
            ps.setLong(3, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Deletes up to {@code batch} submissions that arrived before {@code before}, each with its
     * content, receipt and outbox rows, in one transaction.
     *
     * @return the submissions deleted
     */
    int purge(long before, int batch) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select id from submissions where received_at < ? "
                        + "order by received_at fetch first " + batch + " rows only")) {
                    ps.setLong(1, before);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                for (String table : List.of("outbox", "receipts", "submission_content")) {
                    delete(c, "delete from " + table + " where submission_id = ?", ids);
                }
                delete(c, "delete from submissions where id = ?", ids);
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void delete(Connection c, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
