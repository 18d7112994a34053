package dev.orgsign.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.PrivateFiles;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's JDBC store: a HikariCP pool over an embedded H2 file (under the data folder) or
 * an external database such as PostgreSQL, its schema brought up to date by Flyway at start.
 */
final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean embedded;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean embedded, boolean postgres) {
        this.pool = pool;
        this.embedded = embedded;
        this.postgres = postgres;
    }

    static Database open(ServiceConfig config) throws OrgsignException {
        String url = config.jdbcUrl();
        boolean embedded = url == null;
        if (embedded) {
            Path file = config.dataDir().toAbsolutePath().resolve("orgsign");
            // WRITE_DELAY=0: every commit reaches the file before the client hears "accepted".
            // TRACE_LEVEL_FILE=0: no trace file, which could hold statements with personal data (errors
            // reach the service as SQLExceptions and are logged by it without their parameters)
            url = "jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (config.jdbcUser() != null) {
            hc.setUsername(config.jdbcUser());
        }
        if (config.jdbcPassword() != null) {
            hc.setPassword(config.jdbcPassword());
        }
        hc.setMaximumPoolSize(config.workers() + 10);
        hc.setConnectionTimeout(5_000);
        hc.setPoolName("orgsign-" + config.instanceName());
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("database.open", redact(url),
                    Text.quoted(rootMessage(e))), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    // the register store may share the database (its own history table): migrate from nothing
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("database.migrate", redact(url),
                    Text.quoted(rootMessage(e))), e);
        }
        if (embedded) {
            privateFolder(config.dataDir()); // the H2 files it has just made: owner-only
        }
        return new Database(ds, embedded, url.startsWith("jdbc:postgresql:"));
    }

    /**
     * Creates the data folder, or makes an existing one owner-only (0700), and every file directly
     * in it owner-only (0600): it holds personal data, the audit log and the demo receipt key.
     */
    static void privateFolder(Path dir) throws OrgsignException {
        try {
            PrivateFiles.folder(dir);
            PrivateFiles.restrict(dir);
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        PrivateFiles.restrict(f);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("database.dataFolder", dir,
                    Text.quoted(e.getMessage())), e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** Whether the store is PostgreSQL (whose LISTEN / NOTIFY wakes the workers of every instance). */
    boolean postgres() {
        return postgres;
    }

    /**
     * A connection of its own, outside the pool, for a session that stays open (LISTEN); the
     * caller closes it.
     */
    java.sql.Connection dedicatedConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** Whether this process owns the database alone (the embedded file is locked to one process). */
    boolean embedded() {
        return embedded;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
