package dev.orgsign.registry.store;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a register store holds: the files imported, the newest extract date (so a stale register is
 * visible), and how many records of each kind.
 *
 * @param files            every file an import began, newest first
 * @param newestExtract    the newest extract date among the records, or null when empty
 * @param legalEntities    EGRUL records
 * @param entrepreneurs    EGRIP records
 * @param terminated       records of terminated organizations and ceased entrepreneurs
 * @param contested        records two extracts of one date disagree on
 * @param generation       grows with every finished file
 */
public record RegistryInfo(List<FileEntry> files, LocalDate newestExtract, long legalEntities, long entrepreneurs,
                           long terminated, long contested, long generation) {
    /**
     * One imported file.
     *
     * @param fileId      its {@code ИдФайл}, or {@code sha256:…} for a file without one
     * @param name        where it was imported from
     * @param records     records read from it
     * @param completed   whether the import finished
     * @param completedAt when it finished, or null
     */
    public record FileEntry(String fileId, String name, long records, boolean completed, Instant completedAt) {
    }

    /**
     * Copies the files.
     *
     * @param files         the files
     * @param newestExtract the newest extract date, or null
     * @param legalEntities EGRUL records
     * @param entrepreneurs EGRIP records
     * @param terminated    terminated records
     * @param contested     contested records
     * @param generation    the store's generation
     */
    public RegistryInfo {
        files = List.copyOf(files);
    }

    /**
     * Reads what a store holds.
     *
     * @param db the store
     * @return its state
     * @throws OrgsignException IO when it cannot be read
     */
    public static RegistryInfo read(RegistryDatabase db) throws OrgsignException {
        try (Connection c = db.dataSource().getConnection()) {
            List<FileEntry> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select file_id, name, records, completed, completed_at "
                    + "from registry_file order by started_at desc, file_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(5);
                    files.add(new FileEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4),
                            t == null ? null : t.toInstant()));
                }
            }
            LocalDate newest = null;
            long ul = 0;
            long ip = 0;
            long terminated = 0;
            long contested = 0;
            try (PreparedStatement ps = c.prepareStatement("select max(extract_date), "
                    + "sum(case when kind = 'U' then 1 else 0 end), sum(case when kind = 'I' then 1 else 0 end), "
                    + "sum(case when terminated then 1 else 0 end), sum(case when contested then 1 else 0 end) from registry_record");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    java.sql.Date d = rs.getDate(1);
                    newest = d == null ? null : d.toLocalDate();
                    ul = rs.getLong(2);
                    ip = rs.getLong(3);
                    terminated = rs.getLong(4);
                    contested = rs.getLong(5);
                }
            }
            long generation;
            try (PreparedStatement ps = c.prepareStatement("select meta_value from registry_meta where meta_name = 'generation'");
                 ResultSet rs = ps.executeQuery()) {
                generation = rs.next() ? rs.getLong(1) : 0;
            }
            return new RegistryInfo(files, newest, ul, ip, terminated, contested, generation);
        } catch (SQLException e) {
            throw new OrgsignException(ErrorCode.IO, Texts.of(RegistryDatabase.class).text("database.read", db.displayUrl(),
                    RegistryDatabase.rootMessage(e)), e);
        }
    }
}
