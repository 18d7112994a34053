package dev.orgsign.service;

import dev.orgsign.core.verify.Verdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Durable intake of the submissions that arrived together: one transaction looks their request
 * ids up, inserts the new ones (batched) and commits once. A submission's outcome is valid only
 * once {@link #accept} has returned, i.e. after that commit. A request id is unique in the table,
 * so a twin stored at the same moment by another instance makes the insert fail; the batch is
 * then rolled back and looked up again, and finds the twin.
 */
final class IntakeStore {
    /** A decoded submission to store. */
    record NewSubmission(String requestId, byte[] payload, byte[] signature, String payloadHash, String signatureHash,
                         String tokenHash, String email, String organization, java.util.Locale language) {
    }

    /** A submission as the intake found or stored it. */
    record Intake(String id, Verdict status, boolean created) {
    }

    /**
     * What became of one submission of a batch.
     *
     * @param kind     stored (new or found), or why not
     * @param intake   the stored submission, for {@link Kind#STORED}
     * @param conflict the sentence for {@link Kind#CONFLICT}; it names no other submission
     * @param leased   whether the new submission was stored leased to the {@link SelfLease}'s owner
     */
    record Outcome(Kind kind, Intake intake, dev.orgsign.core.Text conflict, boolean leased) {
        /** The kinds of outcome. */
        enum Kind {
            /** Stored now or before (then {@code created} is false). */
            STORED,
            /** The request id was stored with another payload or signature. */
            CONFLICT,
            /** The pending bound was reached. */
            FULL,
            /** The caller's admission (the per-recipient limit) refused it. */
            NOT_ADMITTED
        }
    }

    /**
     * New submissions to store already leased, as a claim would lease them: the first {@code max}
     * of a batch go to {@code owner} until {@code until}.
     */
    record SelfLease(String owner, long until, int max) {
        /** No submission is leased at intake. */
        static final SelfLease NONE = new SelfLease(null, 0, 0);
    }

    private static final String INSERT = "insert into submissions (id, request_id, payload_sha256, signature_sha256, "
            + "token_sha256, contact_email, organization, status, received_at, lease_owner, lease_until, attempts, language) "
            + "values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)";
    private static final String INSERT_CONTENT = "insert into submission_content (submission_id, payload, signature) "
            + "values (?, ?, ?)";

    private final DataSource ds;
    private final boolean notify;

    /**
     * @param ds     the store
     * @param notify whether to NOTIFY {@link PgNotifications#CHANNEL} in the transaction (PostgreSQL)
     */
    IntakeStore(DataSource ds, boolean notify) {
        this.ds = ds;
        this.notify = notify;
    }

    /**
     * Stores the new submissions of {@code batch} in one transaction, or finds them stored before.
     *
     * @param now        the arrival time written for new submissions
     * @param maxPending new submissions beyond this many pending ones are {@link Outcome.Kind#FULL}
     * @param admit      asked once per submission (by its index) that would be new; false refuses it
     * @param lease      which new submissions to store leased (a claim at birth), see {@link HandOver}
     * @return one outcome per submission, in the batch's order
     */
    List<Outcome> accept(List<NewSubmission> batch, long now, int maxPending, IntPredicate admit, SelfLease lease)
            throws SQLException {
        Boolean[] admitted = new Boolean[batch.size()]; // asked once, even when the batch is tried again
        IntPredicate once = i -> admitted[i] != null ? admitted[i] : (admitted[i] = admit.test(i));
        for (int round = 0; ; round++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<Outcome> out = accept(c, batch, now, maxPending, once, lease);
                    c.commit();
                    return out;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (round < 3 && e instanceof SQLException s && Sql.uniqueViolation(s)) {
                        continue; // a twin was stored at the same moment: look again
                    }
                    throw e;
                }
            }
        }
    }

    private List<Outcome> accept(Connection c, List<NewSubmission> batch, long now, int maxPending, IntPredicate admit,
                                 SelfLease lease) throws SQLException {
        Map<String, Found> known = lookUp(c, batch);
        List<Outcome> out = new ArrayList<>(batch.size());
        List<NewSubmission> fresh = new ArrayList<>();
        List<String> freshIds = new ArrayList<>();
        long free = -1; // counted when the first new submission needs it
        for (int i = 0; i < batch.size(); i++) {
            NewSubmission s = batch.get(i);
            Found f = known.get(s.requestId());
            if (f != null) {
                out.add(f.judge(s));
            } else if (!admit.test(i)) {
                out.add(new Outcome(Outcome.Kind.NOT_ADMITTED, null, null, false));
            } else {
                if (free < 0) {
                    free = Math.max(0, maxPending - pending(c));
                }
                if (fresh.size() >= free) {
                    out.add(new Outcome(Outcome.Kind.FULL, null, null, false));
                    continue;
                }
                String id = TimeOrderedIds.next();
                known.put(s.requestId(), new Found(id, Verdict.PENDING, s.payloadHash(), s.signatureHash()));
                fresh.add(s);
                freshIds.add(id);
                out.add(new Outcome(Outcome.Kind.STORED, new Intake(id, Verdict.PENDING, true), null, fresh.size() <= lease.max()));
            }
        }
        insert(c, fresh, freshIds, now, lease);
        return out;
    }

    /** A submission stored before (or earlier in this batch) under a request id. */
    private record Found(String id, Verdict status, String payloadHash, String signatureHash) {
        Outcome judge(NewSubmission s) {
            if (!payloadHash.equals(s.payloadHash())) {
                return new Outcome(Outcome.Kind.CONFLICT, null, ApiHandler.T.text("conflict.requestId", s.requestId()), false);
            }
            if (!signatureHash.equals(s.signatureHash())) {
                return new Outcome(Outcome.Kind.CONFLICT, null, ApiHandler.T.text("conflict.signature", s.requestId()), false);
            }
            return new Outcome(Outcome.Kind.STORED, new Intake(id, status, false), null, false);
        }
    }

    private static Map<String, Found> lookUp(Connection c, List<NewSubmission> batch) throws SQLException {
        List<String> ids = batch.stream().map(NewSubmission::requestId).distinct().toList();
        Map<String, Found> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select request_id, id, status, payload_sha256, signature_sha256 "
                + "from submissions where request_id in (" + Sql.marks(ids.size()) + ")")) {
            Sql.strings(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Found(rs.getString(2), Verdict.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return found;
    }

    private static long pending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from submissions where status = 'PENDING'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void insert(Connection c, List<NewSubmission> fresh, List<String> ids, long now, SelfLease lease)
            throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT); PreparedStatement content = c.prepareStatement(INSERT_CONTENT)) {
            for (int i = 0; i < fresh.size(); i++) {
                NewSubmission s = fresh.get(i);
                ps.setString(1, ids.get(i));
                ps.setString(2, s.requestId());
                ps.setString(3, s.payloadHash());
                ps.setString(4, s.signatureHash());
                ps.setString(5, s.tokenHash());
                ps.setString(6, s.email());
                ps.setString(7, s.organization());
                ps.setLong(8, now);
                boolean leased = i < lease.max();
                ps.setString(9, leased ? lease.owner() : null);
                if (leased) {
                    ps.setLong(10, lease.until());
                } else {
                    ps.setNull(10, java.sql.Types.BIGINT);
                }
                ps.setInt(11, leased ? 1 : 0);
                ps.setString(12, s.language().getLanguage());
                ps.addBatch();
                content.setString(1, ids.get(i));
                content.setBytes(2, s.payload());
                content.setBytes(3, s.signature());
                content.addBatch();
            }
            ps.executeBatch();
            content.executeBatch();
        }
        if (notify) {
            try (Statement st = c.createStatement()) {
                st.execute("notify " + PgNotifications.CHANNEL); // delivered at commit, to every instance
            }
        }
    }
}
