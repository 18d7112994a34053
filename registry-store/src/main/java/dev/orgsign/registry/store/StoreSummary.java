package dev.orgsign.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The store's size and newest extract date, counted once when an import finishes and kept in
 * {@code registry_meta}, so that a health page reads them at once whatever the register's size.
 */
final class StoreSummary {
    private StoreSummary() {
    }

    /** Counts the records and finds the newest extract date, in the import's transaction. */
    static void refresh(Connection c) throws SQLException {
        long records;
        LocalDate newest;
        try (PreparedStatement ps = c.prepareStatement("select count(*), max(extract_date) from registry_record");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            records = rs.getLong(1);
            java.sql.Date d = rs.getDate(2);
            newest = d == null ? null : d.toLocalDate();
        }
        put(c, "records", records);
        put(c, "newest_extract", newest == null ? -1 : newest.toEpochDay());
    }

    private static void put(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("update registry_meta set meta_value = ? where meta_name = ?")) {
            up.setLong(1, value);
            up.setString(2, name);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement("insert into registry_meta (meta_name, meta_value) values (?, ?)")) {
                    in.setString(1, name);
                    in.setLong(2, value);
                    in.executeUpdate();
                }
            }
        }
    }

    /** @return the value kept under {@code name}, or {@code otherwise} */
    static long get(Connection c, String name, long otherwise) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select meta_value from registry_meta where meta_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : otherwise;
            }
        }
    }
}
