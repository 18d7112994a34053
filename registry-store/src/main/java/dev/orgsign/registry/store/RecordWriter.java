package dev.orgsign.registry.store;

import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.NewestRecords;
import dev.orgsign.core.registry.RecordVersion;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of records with {@link NewestRecords}' rule: a stored row is replaced only by a newer
 * version; a record of the same version with other content marks it contested. The batch is reduced
 * to one record per identifier with that very rule, the stored versions of its identifiers are read
 * in one query per 500, and the rule decides in Java which rows to insert, replace or mark — plain
 * batched statements, which both H2 and PostgreSQL run fast (the driver folds PostgreSQL's into
 * multi-row inserts). Writers are serialized by a lock on the store's generation row, so two imports
 * at once cannot both insert one OGRN; readers are never blocked.
 */
final class RecordWriter {
    private static final int CHUNK = 500;
    private static final String INSERT = "insert into registry_record (kind, id, inn, version, hash, contested, extract_date, "
            + "terminated, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REPLACE = "update registry_record set inn = ?, version = ?, hash = ?, contested = ?, "
            + "extract_date = ?, terminated = ?, body = ? where kind = ? and id = ?";
    private static final String CONTEST = "update registry_record set contested = true where kind = ? and id = ?";
    private static final String LOCK = "select meta_value from registry_meta where meta_name = 'generation' for update";

    /** One record about to be written. */
    private record Row(String kind, String id, String inn, String version, String hash, boolean contested,
                       RecordVersion recordVersion, boolean terminated, byte[] body) {
    }

    /** What the store holds of an identifier. */
    private record Stored(String version, String hash, boolean contested) {
    }

    RecordWriter(boolean postgres) {
        // one SQL for both: the decisions are taken in Java
    }

    void write(Connection c, List<LegalEntityRecord> legalEntities, List<EntrepreneurRecord> entrepreneurs) throws SQLException {
        Map<String, LegalEntityRecord> ul = new LinkedHashMap<>();
        for (LegalEntityRecord r : legalEntities) {
            if (r.ogrn().length() <= 15) { // longer is no OGRN; no look-up could ask for it
                ul.merge(r.ogrn(), r, NewestRecords::newer);
            }
        }
        Map<String, EntrepreneurRecord> ip = new LinkedHashMap<>();
        for (EntrepreneurRecord r : entrepreneurs) {
            if (r.ogrnip().length() <= 15) {
                ip.merge(r.ogrnip(), r, NewestRecords::newer);
            }
        }
        List<Row> rows = new ArrayList<>(ul.size() + ip.size());
        for (LegalEntityRecord r : ul.values()) {
            rows.add(row("U", r.ogrn(), r.inn(), r.version(), r.contested(), r.terminated(), RecordCodec.encode(r)));
        }
        for (EntrepreneurRecord r : ip.values()) {
            rows.add(row("I", r.ogrnip(), r.inn(), r.version(), r.contested(), r.terminated(), RecordCodec.encode(r)));
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.executeQuery().close();
        }
        Map<String, Stored> stored = stored(c, rows);
        try (PreparedStatement insert = c.prepareStatement(INSERT);
             PreparedStatement replace = c.prepareStatement(REPLACE);
             PreparedStatement contest = c.prepareStatement(CONTEST)) {
            int inserts = 0;
            int replaces = 0;
            int contests = 0;
            for (Row r : rows) {
                Stored s = stored.get(r.kind + r.id);
                if (s == null) {
                    bindInsert(insert, r);
                    inserts++;
                    continue;
                }
                int cmp = r.version.compareTo(s.version);
                if (cmp > 0) {
                    bindReplace(replace, r);
                    replaces++;
                } else if (cmp == 0 && !s.contested && (r.contested || !r.hash.equals(s.hash))) {
                    contest.setString(1, r.kind);
                    contest.setString(2, r.id);
                    contest.addBatch();
                    contests++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            StoreSummary.add(c, inserts, newest(rows));
            if (replaces > 0) {
                replace.executeBatch();
            }
            if (contests > 0) {
                contest.executeBatch();
            }
        }
    }

    /** The stored version, hash and contested flag of the batch's identifiers (an index look-up per kind and 500 ids). */
    private static Map<String, Stored> stored(Connection c, List<Row> rows) throws SQLException {
        Map<String, Stored> out = new HashMap<>(rows.size() * 2);
        for (String kind : new String[] {"U", "I"}) {
            List<String> ids = new ArrayList<>();
            for (Row r : rows) {
                if (r.kind.equals(kind)) {
                    ids.add(r.id);
                }
            }
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                StringBuilder sql = new StringBuilder("select id, version, hash, contested from registry_record where kind = ? "
                        + "and id in (");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                    ps.setString(1, kind);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(kind + rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The newest extract date among the rows, or null. */
    private static java.time.LocalDate newest(List<Row> rows) {
        java.time.LocalDate newest = null;
        for (Row r : rows) {
            java.time.LocalDate d = r.recordVersion.extractDate();
            if (d != null && (newest == null || d.isAfter(newest))) {
                newest = d;
            }
        }
        return newest;
    }

    private static Row row(String kind, String id, String inn, RecordVersion version, boolean contested, boolean terminated,
                           byte[] body) {
        return new Row(kind, id, inn == null || inn.length() > 12 ? null : inn, RecordCodec.versionKey(version), sha256(body),
                contested, version, terminated, body);
    }

    private static void bindInsert(PreparedStatement ps, Row r) throws SQLException {
        ps.setString(1, r.kind);
        ps.setString(2, r.id);
        ps.setString(3, r.inn);
        ps.setString(4, r.version);
        ps.setString(5, r.hash);
        ps.setBoolean(6, r.contested);
        ps.setDate(7, r.recordVersion.extractDate() == null ? null : Date.valueOf(r.recordVersion.extractDate()));
        ps.setBoolean(8, r.terminated);
        ps.setBytes(9, r.body);
        ps.addBatch();
    }

    private static void bindReplace(PreparedStatement ps, Row r) throws SQLException {
        ps.setString(1, r.inn);
        ps.setString(2, r.version);
        ps.setString(3, r.hash);
        ps.setBoolean(4, r.contested);
        ps.setDate(5, r.recordVersion.extractDate() == null ? null : Date.valueOf(r.recordVersion.extractDate()));
        ps.setBoolean(6, r.terminated);
        ps.setBytes(7, r.body);
        ps.setString(8, r.kind);
        ps.setString(9, r.id);
        ps.addBatch();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
