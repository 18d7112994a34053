package dev.orgsign.testcerts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test, created through the role of
 * {@code ORGSIGN_TEST_PG_URL} (default: what {@code scripts/setup} makes) and dropped afterwards, so
 * that parallel runs never meet. The JDBC driver comes from the test's class path. Unreachable
 * PostgreSQL fails the test with a sentence saying how to get one.
 */
public final class TestPostgres implements AutoCloseable {
    /** The administrative URL {@code scripts/setup} prepares. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/orgsign_test?user=orgsign&password=orgsign";
    private final String adminUrl;
    private final String name;
    private final String url;

    private TestPostgres(String adminUrl, String name, String url) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
    }

    /** {@return a fresh database} */
    public static TestPostgres create() {
        String admin = System.getenv().getOrDefault("ORGSIGN_TEST_PG_URL", DEFAULT_URL);
        String name = "orgsign_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + admin.replaceAll("(?i)(password=)[^&;]*", "$1***")
                    + " (" + e.getMessage() + "); run scripts/setup or set ORGSIGN_TEST_PG_URL.", e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        return new TestPostgres(admin, name, base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : admin.substring(q)));
    }

    /** {@return the JDBC URL of the database} */
    public String url() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }
}
