package dev.orgsign.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The store's size and newest extract date, kept up to date in {@code registry_meta} by every batch
 * an import writes (in the batch's transaction, under the writers' lock), so that a health page reads
 * them at once whatever the register's size: records only ever get newer, and rows are only added.
 */
final class StoreSummary {
    private StoreSummary() {
    }

    /**
     * Adds a batch's new rows and newest extract date, in the batch's transaction.
     *
     * @param inserted rows the batch added
     * @param newest   the batch's newest extract date, or null
     */
    static void add(Connection c, long inserted, LocalDate newest) throws SQLException {
        if (inserted > 0) {
            put(c, "records", get(c, "records", 0) + inserted);
        }
        if (newest != null && newest.toEpochDay() > get(c, "newest_extract", -1)) {
            put(c, "newest_extract", newest.toEpochDay());
        }
    }

    /**
     * Counts the store's rows and newest extract date afresh, in the caller's transaction: done when an import
     * that resumed after a crash completes, so that the kept figures are the rows themselves whatever the crash
     * left of the running totals (a database that loses its last commits on a kill keeps rows and totals
     * together, but a counter is not worth the doubt).
     */
    static void recount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*), max(extract_date) from registry_record");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            put(c, "records", rs.getLong(1));
            java.sql.Date newest = rs.getDate(2);
            if (newest != null) {
                put(c, "newest_extract", newest.toLocalDate().toEpochDay());
            }
        }
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
