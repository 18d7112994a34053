package dev.orgsign.service;

import dev.orgsign.core.Texts;
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
import java.util.UUID;

/**
 * The submissions table: durable intake, claims with a lease, and idempotent verdicts. A verdict
 * is stored only by the holder of the current lease and only while the submission is pending,
 * in the same transaction as its notification, so no submission is decided twice. Payload and
 * signature ({@code submission_content}) and receipts ({@code receipts}) are written once, apart
 * from the row that claims and verdicts update; {@link #purge} deletes a submission with all of them.
 */
final class SubmissionStore {
    private static final Texts T = Texts.of(SubmissionStore.class);
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

    /** A claimed submission, with what a worker needs to verify it. */
    record Claimed(String id, byte[] payload, byte[] signature, String email, String organization, long receivedAt,
                   Locale language) {
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

        final transient dev.orgsign.core.Text text;

        Conflict(dev.orgsign.core.Text text) {
            super(text.in(Locale.ENGLISH), null, false, false);
            this.text = text;
        }
    }

    private final DataSource ds;

    SubmissionStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Stores a new submission and commits, or returns the identical one stored meanwhile. The
     * caller has looked for it with {@link #existing} just before; one stored at the same moment
     * is found after the unique request id refuses the second insert.
     *
     * @throws Full when {@code maxPending} are waiting already
     */
    Intake accept(String requestId, byte[] payload, byte[] signature, String payloadHash, String signatureHash,
                  String tokenHash, String email, String organization, long now, int maxPending, Locale language)
            throws SQLException, Conflict, Full {
        for (int round = 0; round < 2; round++) {
            if (round > 0) {
                Optional<Intake> existing = existing(requestId, payloadHash, signatureHash);
                if (existing.isPresent()) {
                    return existing.get();
                }
            } else if (pending() >= maxPending) {
                throw new Full();
            }
            String id = UUID.randomUUID().toString();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("insert into submissions (id, request_id, payload_sha256, "
                        + "signature_sha256, token_sha256, contact_email, organization, status, received_at, language) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)");
                     PreparedStatement content = c.prepareStatement("insert into submission_content (submission_id, "
                             + "payload, signature) values (?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, requestId);
                    ps.setString(3, payloadHash);
                    ps.setString(4, signatureHash);
                    ps.setString(5, tokenHash);
                    ps.setString(6, email);
                    ps.setString(7, organization);
                    ps.setLong(8, now);
                    ps.setString(9, language.getLanguage());
                    ps.executeUpdate();
                    content.setString(1, id);
                    content.setBytes(2, payload);
                    content.setBytes(3, signature);
                    content.executeUpdate();
                    c.commit();
                    return new Intake(id, Verdict.PENDING, true);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // Someone stored the same request id at the same moment: look again.
            }
        }
        throw new SQLException("The request id " + requestId + " could neither be stored nor found.");
    }

    /**
     * The submission stored before under this request id with this payload and signature.
     *
     * @throws Conflict when the request id was stored with another payload or signature; the
     *                  message names no other submission
     */
    Optional<Intake> existing(String requestId, String payloadHash, String signatureHash)
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
                    throw new Conflict(T.text("conflict.requestId", requestId));
                }
                if (!rs.getString(4).equals(signatureHash)) {
                    throw new Conflict(T.text("conflict.signature", requestId));
                }
                return Optional.of(new Intake(rs.getString(1), Verdict.valueOf(rs.getString(2)), false));
            }
        }
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
     * Claims up to {@code max} pending submissions whose lease is free or expired, giving them to
     * {@code owner} until {@code leaseUntil}.
     */
    List<Claimed> claim(String owner, int max, long now, long leaseUntil) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select id, contact_email, organization, received_at, language "
                        + "from submissions where status = 'PENDING' and (lease_until is null or lease_until < ?) "
                        + "order by received_at, id fetch first " + max + " rows only for update skip locked");
                     PreparedStatement content = c.prepareStatement("select payload, signature from submission_content "
                             + "where submission_id = ?")) {
                    ps.setLong(1, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            content.setString(1, rs.getString(1));
                            try (ResultSet bytes = content.executeQuery()) {
                                if (bytes.next()) {
                                    out.add(new Claimed(rs.getString(1), bytes.getBytes(1), bytes.getBytes(2), rs.getString(2),
                                            rs.getString(3), rs.getLong(4), Languages.stored(rs.getString(5))));
                                }
                            }
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
     * @param mail      the notification to queue, or null for none
     * @param mailState what became of the notification, or null when there is no contact address
     * @return false when the lease was lost or the submission was decided already (nothing stored)
     */
    boolean decide(String id, String owner, Verdict verdict, String reportJson, String instance, long now,
                   Outbox.Mail mail, MailState mailState) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement("update submissions set status = ?, report = ?, verified_at = ?, "
                        + "verified_by = ?, mail = ?, verifications = verifications + 1, lease_owner = null, lease_until = null "
                        + "where id = ? and status = 'PENDING' and lease_owner = ?")) {
                    ps.setString(1, verdict.name());
                    ps.setString(2, reportJson);
                    ps.setLong(3, now);
                    ps.setString(4, instance);
                    ps.setString(5, mailState == null ? null : mailState.name());
                    ps.setString(6, id);
                    ps.setString(7, owner);
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
