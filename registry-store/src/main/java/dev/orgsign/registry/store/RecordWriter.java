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
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of records with {@link NewestRecords}' rule, in SQL: a stored row is replaced only by
 * a newer version; a record of the same version with other content marks it contested. The batch is
 * first reduced to one record per identifier with the same rule (a row must not be touched twice in
 * one statement). PostgreSQL takes {@code INSERT … ON CONFLICT} (rewritten into multi-row inserts by
 * the driver), H2 a standard {@code MERGE}.
 */
final class RecordWriter {
    private static final String COLUMNS = "kind, id, inn, version, hash, contested, extract_date, terminated, body";
    private static final String POSTGRES = "insert into registry_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (kind, id) do update set "
            + "inn = case when excluded.version > registry_record.version then excluded.inn else registry_record.inn end, "
            + "hash = case when excluded.version > registry_record.version then excluded.hash else registry_record.hash end, "
            + "extract_date = case when excluded.version > registry_record.version then excluded.extract_date "
            + "else registry_record.extract_date end, "
            + "terminated = case when excluded.version > registry_record.version then excluded.terminated "
            + "else registry_record.terminated end, "
            + "body = case when excluded.version > registry_record.version then excluded.body else registry_record.body end, "
            + "contested = case when excluded.version > registry_record.version then excluded.contested else true end, "
            + "version = case when excluded.version > registry_record.version then excluded.version "
            + "else registry_record.version end "
            + "where excluded.version > registry_record.version or (excluded.version = registry_record.version "
            + "and not registry_record.contested and (excluded.contested or excluded.hash <> registry_record.hash))";
    private static final String H2 = "merge into registry_record r using (values (cast(? as char(1)), cast(? as varchar(15)), "
            + "cast(? as varchar(12)), cast(? as varchar(32)), cast(? as varchar(64)), cast(? as boolean), cast(? as date), "
            + "cast(? as boolean), cast(? as varbinary))) s(" + COLUMNS + ") on r.kind = s.kind and r.id = s.id "
            + "when matched and s.version > r.version then update set inn = s.inn, version = s.version, hash = s.hash, "
            + "contested = s.contested, extract_date = s.extract_date, terminated = s.terminated, body = s.body "
            + "when matched and s.version = r.version and not r.contested and (s.contested or s.hash <> r.hash) "
            + "then update set contested = true "
            + "when not matched then insert (" + COLUMNS + ") values (s.kind, s.id, s.inn, s.version, s.hash, s.contested, "
            + "s.extract_date, s.terminated, s.body)";
    private final String sql;

    RecordWriter(boolean postgres) {
        this.sql = postgres ? POSTGRES : H2;
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
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (LegalEntityRecord r : ul.values()) {
                bind(ps, "U", r.ogrn(), r.inn(), r.version(), r.contested(), r.terminated(), RecordCodec.encode(r));
            }
            for (EntrepreneurRecord r : ip.values()) {
                bind(ps, "I", r.ogrnip(), r.inn(), r.version(), r.contested(), r.terminated(), RecordCodec.encode(r));
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, String kind, String id, String inn, RecordVersion version, boolean contested,
                             boolean terminated, byte[] body) throws SQLException {
        ps.setString(1, kind);
        ps.setString(2, id);
        ps.setString(3, inn == null || inn.length() > 12 ? null : inn);
        ps.setString(4, RecordCodec.versionKey(version));
        ps.setString(5, sha256(body));
        ps.setBoolean(6, contested);
        ps.setDate(7, version.extractDate() == null ? null : Date.valueOf(version.extractDate()));
        ps.setBoolean(8, terminated);
        ps.setBytes(9, body);
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
