package dev.orgsign.service;

import dev.orgsign.core.verify.Verdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The submissions table: durable intake, claims with a lease, and idempotent verdicts. A verdict
 * is stored only by the holder of the current lease and only while the submission is pending,
 * in the same transaction as its notification, so no submission is decided twice.
 */
final class SubmissionStore {
    /** A submission as stored. */
    record Stored(String id, String requestId, Verdict status, String reportJson, String organization, String email,
                  long receivedAt, Long verifiedAt, String verifiedBy, int attempts, int verifications) {
    }

    /** A claimed submission, with what a worker needs to verify it. */
    record Claimed(String id, byte[] payload, byte[] signature, String email, String organization, long receivedAt) {
    }

    /** The outcome of an intake. */
    record Intake(String id, Verdict status, boolean created) {
    }

    /** Too many submissions are waiting. */
    static final class Full extends Exception {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    /** A request id already stored with another payload or signature. */
    static final class Conflict extends Exception {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    private final DataSource ds;

    SubmissionStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Stores a new submission and commits, or returns the identical one stored before.
     *
     * @throws Full when the submission is new and {@code maxPending} are waiting already
     */
    Intake accept(String requestId, byte[] payload, byte[] signature, String payloadHash, String signatureHash,
                  String email, String organization, long now, int maxPending) throws SQLException, Conflict, Full {
        for (int round = 0; round < 2; round++) {
            Optional<Intake> existing = existing(requestId, payloadHash, signatureHash);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (round == 0 && pending() >= maxPending) {
                throw new Full();
            }
            String id = UUID.randomUUID().toString();
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into submissions (id, request_id, payload, signature, "
                         + "payload_sha256, signature_sha256, contact_email, organization, status, received_at) "
                         + "values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)")) {
                c.setAutoCommit(true);
                ps.setString(1, id);
                ps.setString(2, requestId);
                ps.setBytes(3, payload);
                ps.setBytes(4, signature);
                ps.setString(5, payloadHash);
                ps.setString(6, signatureHash);
                ps.setString(7, email);
                ps.setString(8, organization);
                ps.setLong(9, now);
                ps.executeUpdate();
                return new Intake(id, Verdict.PENDING, true);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // Someone stored the same request id at the same moment: look again.
            }
        }
        throw new SQLException("The request id " + requestId + " could neither be stored nor found.");
    }

    private Optional<Intake> existing(String requestId, String payloadHash, String signatureHash)
            throws SQLException, Conflict {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, status, payload_sha256, signature_sha256 from submissions where request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(3).equals(payloadHash)) {
                    throw new Conflict("The request id " + requestId + " was already used for another registration; "
                            + "a new registration needs a new request id.");
                }
                if (!rs.getString(4).equals(signatureHash)) {
                    throw new Conflict("This registration (request id " + requestId + ") was already submitted with "
                            + "another signature as submission " + rs.getString(1) + ".");
                }
                return Optional.of(new Intake(rs.getString(1), Verdict.valueOf(rs.getString(2)), false));
            }
        }
    }

    Optional<Stored> find(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, request_id, status, report, organization, contact_email, "
                     + "received_at, verified_at, verified_by, attempts, verifications from submissions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long verifiedAt = rs.getLong(8);
                Long v = rs.wasNull() ? null : verifiedAt;
                return Optional.of(new Stored(rs.getString(1), rs.getString(2), Verdict.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), v, rs.getString(9),
                        rs.getInt(10), rs.getInt(11)));
            }
        }
    }

    /** The stored payload and signature of a submission. */
    Optional<byte[][]> content(String id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select payload, signature from submissions where id = ?")) {
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
     * Claims up to {@code max} pending submissions whose lease is free or expired, giving them to
     * {@code owner} until {@code leaseUntil}.
     */
    List<Claimed> claim(String owner, int max, long now, long leaseUntil) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select id, payload, signature, contact_email, organization, "
                        + "received_at from submissions where status = 'PENDING' and (lease_until is null or lease_until < ?) "
                        + "order by received_at, id fetch first " + max + " rows only for update skip locked")) {
                    ps.setLong(1, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Claimed(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4),
                                    rs.getString(5), rs.getLong(6)));
                        }
                    }
                }
                Leases.assign(c, "update submissions set lease_owner = ?, lease_until = ?, "
                        + "attempts = attempts + 1 where id = ?",
                        out.stream().map(Claimed::id).toList(), owner, leaseUntil);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return out;
    }

    /**
     * Stores a verdict with its notification, if {@code owner} still holds the lease and the
     * submission is still pending.
     *
     * @param mail the notification to queue, or null for none
     * @return false when the lease was lost or the submission was decided already (nothing stored)
     */
    boolean decide(String id, String owner, Verdict verdict, String reportJson, String instance, long now,
                   Outbox.Mail mail) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement("update submissions set status = ?, report = ?, verified_at = ?, "
                        + "verified_by = ?, verifications = verifications + 1, lease_owner = null, lease_until = null "
                        + "where id = ? and status = 'PENDING' and lease_owner = ?")) {
                    ps.setString(1, verdict.name());
                    ps.setString(2, reportJson);
                    ps.setLong(3, now);
                    ps.setString(4, instance);
                    ps.setString(5, id);
                    ps.setString(6, owner);
                    n = ps.executeUpdate();
                }
                if (n != 1) {
                    c.rollback();
                    return false;
                }
                if (mail != null) {
                    Outbox.insert(c, mail, now);
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
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
             PreparedStatement ps = c.prepareStatement("select receipt from submissions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    void storeReceipt(String id, byte[] pdf) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update submissions set receipt = ? where id = ? and receipt is null")) {
            ps.setBytes(1, pdf);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }
}
