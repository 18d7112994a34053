package dev.orgsign.registry.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The database the register is kept in: an embedded H2 file (the default, under the user's data
 * folder, shared between processes through H2's automatic server) or PostgreSQL for the service
 * ({@code jdbc:postgresql://…}). Its schema is brought up to date by Flyway at open, with a history
 * table of its own ({@code registry_schema_history}), so it can live in the service's database.
 */
public final class RegistryDatabase implements AutoCloseable {
    private static final Texts T = Texts.of(RegistryDatabase.class);
    private final HikariDataSource pool;
    private final boolean postgres;
    private final String displayUrl;

    private RegistryDatabase(HikariDataSource pool, boolean postgres, String displayUrl) {
        this.pool = pool;
        this.postgres = postgres;
        this.displayUrl = displayUrl;
    }

    /**
     * The default place of the embedded store: {@code $XDG_DATA_HOME/orgsign/registry}, else
     * {@code ~/.local/share/orgsign/registry}.
     *
     * @return the H2 file's path, without H2's {@code .mv.db} suffix
     */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("orgsign").resolve("registry");
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @param jdbcUrl a JDBC URL ({@code jdbc:postgresql://host/db?user=…}, {@code jdbc:h2:file:…}),
     *                or null for the default embedded file
     * @param poolSize the most connections to hold
     * @return the database
     * @throws OrgsignException IO when it cannot be opened or migrated
     */
    public static RegistryDatabase open(String jdbcUrl, int poolSize) throws OrgsignException {
        String url = jdbcUrl;
        if (url == null) {
            Path file = defaultFile();
            try {
                Files.createDirectories(file.getParent());
                try {
                    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder keeps the platform's defaults
                }
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, T.text("database.folder", file.getParent()), e);
            }
            url = h2Url(file);
        }
        boolean pg = url.startsWith("jdbc:postgresql:");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pg && !url.contains("reWriteBatchedInserts") ? url + (url.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true" : url);
        hc.setMaximumPoolSize(Math.max(2, poolSize)); // Flyway holds two while it migrates
        hc.setConnectionTimeout(10_000);
        hc.setPoolName("orgsign-registry");
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("database.open", redact(url), rootMessage(e)), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/registry").table("registry_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .placeholders(Map.of("binary", pg ? "bytea" : "varbinary")).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new OrgsignException(ErrorCode.IO, T.text("database.migrate", redact(url), rootMessage(e)), e);
        }
        return new RegistryDatabase(ds, pg, redact(url));
    }

    /** The H2 URL of an embedded store file: durable commits, shared with other processes. */
    static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000";
    }

    /** {@return the connection pool} */
    public DataSource dataSource() {
        return pool;
    }

    /** {@return whether this is PostgreSQL (else H2)} */
    public boolean postgres() {
        return postgres;
    }

    /** {@return the URL with any password masked, for messages} */
    public String displayUrl() {
        return displayUrl;
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
