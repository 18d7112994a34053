package dev.orgsign.service;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test run, created through the role of
 * {@code ORGSIGN_TEST_PG_URL} (default: what {@code scripts/setup} makes) and dropped afterwards,
 * so that parallel runs never meet. Unreachable PostgreSQL fails the test, unless
 * {@code ORGSIGN_SKIP_POSTGRES=1}.
 */
final class Postgres implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/orgsign_test?user=orgsign&password=orgsign";
    private final String adminUrl;
    private final String name;
    private final String url;

    private Postgres(String adminUrl, String name, String url) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
    }

    static Postgres create() {
        Assumptions.assumeFalse("1".equals(System.getenv("ORGSIGN_SKIP_POSTGRES")), "ORGSIGN_SKIP_POSTGRES=1");
        String admin = System.getenv().getOrDefault("ORGSIGN_TEST_PG_URL", DEFAULT_URL);
        String name = "orgsign_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + Database.redact(admin) + " (" + e.getMessage()
                    + "); run scripts/setup, set ORGSIGN_TEST_PG_URL, or set ORGSIGN_SKIP_POSTGRES=1 to skip these tests.", e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : admin.substring(q));
        return new Postgres(admin, name, url);
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }
}
