package dev.orgsign.registry.store;

import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link Registry} over a {@link RegistryDatabase}: look-ups by OGRN, OGRNIP and INN through the
 * store's indexes, whatever the register's size, with a cache of recently used records (the
 * verifier asks for the same organizations again and again). It watches the store's generation,
 * at most once every {@code refreshMillis}, and drops the cache when an import has finished, so a
 * running service sees a daily update without a restart.
 *
 * <p>A store that cannot be read is never taken for an empty register: look-ups then throw
 * {@link IllegalStateException}, so no decision rests on it.
 */
public final class StoreRegistry implements Registry {
    private static final Object MISSING = new Object();
    private final RegistryDatabase db;
    private final int cacheSize;
    private final long refreshMillis;
    private final Map<String, Object> cache;
    private long generation = -1;
    private long checkedAt;
    private int size = -1;
    private java.time.LocalDate newestExtract;

    /**
     * @param db            the store
     * @param cacheSize     how many records to keep in memory (0 for none)
     * @param refreshMillis how often, at most, to look for a finished import
     */
    public StoreRegistry(RegistryDatabase db, int cacheSize, long refreshMillis) {
        this.db = db;
        this.cacheSize = cacheSize;
        this.refreshMillis = refreshMillis;
        this.cache = new LinkedHashMap<>(Math.max(16, cacheSize), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > StoreRegistry.this.cacheSize;
            }
        };
    }

    /**
     * A registry with a cache of 20,000 records (a few tens of megabytes) that looks for new imports every 5 seconds.
     *
     * @param db the store
     */
    public StoreRegistry(RegistryDatabase db) {
        this(db, 20_000, 5_000);
    }

    @Override
    public Optional<LegalEntityRecord> legalEntity(String ogrn) {
        return Optional.ofNullable(cached("U" + ogrn, k -> load("U", ogrn, RecordCodec::legalEntity)));
    }

    @Override
    public Optional<EntrepreneurRecord> entrepreneur(String ogrnip) {
        return Optional.ofNullable(cached("I" + ogrnip, k -> load("I", ogrnip, RecordCodec::entrepreneur)));
    }

    @Override
    public List<LegalEntityRecord> legalEntitiesByInn(String inn) {
        List<LegalEntityRecord> out = new ArrayList<>(1);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select body, contested from registry_record where inn = ? and kind = 'U'")) {
            ps.setString(1, inn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(RecordCodec.legalEntity(rs.getBytes(1), rs.getBoolean(2)));
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return out;
    }

    @Override
    public synchronized int size() {
        summary();
        return size;
    }

    @Override
    public synchronized Optional<java.time.LocalDate> newestExtract() {
        summary();
        return Optional.ofNullable(newestExtract);
    }

    /** The size and newest extract date an import counted ({@link StoreSummary}), read once per generation. */
    private void summary() {
        refresh();
        if (size < 0) {
            try (Connection c = db.dataSource().getConnection()) {
                size = (int) Math.min(Integer.MAX_VALUE, StoreSummary.get(c, "records", 0));
                long day = StoreSummary.get(c, "newest_extract", -1);
                newestExtract = day < 0 ? null : java.time.LocalDate.ofEpochDay(day);
            } catch (SQLException e) {
                throw unreadable(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Function<String, T> loader) {
        synchronized (this) {
            refresh();
            Object hit = cache.get(key);
            if (hit != null) {
                return hit == MISSING ? null : (T) hit;
            }
        }
        T value = loader.apply(key);
        if (cacheSize > 0) {
            synchronized (this) {
                cache.put(key, value == null ? MISSING : value);
            }
        }
        return value;
    }

    private interface Decoder<T> {
        T decode(byte[] body, boolean contested);
    }

    private <T> T load(String kind, String id, Decoder<T> decoder) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select body, contested from registry_record where kind = ? and id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? decoder.decode(rs.getBytes(1), rs.getBoolean(2)) : null;
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Drops the cache when the store's generation moved (called under the lock). */
    private void refresh() {
        long now = System.currentTimeMillis();
        if (generation >= 0 && now - checkedAt < refreshMillis) {
            return;
        }
        checkedAt = now;
        long g;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select meta_value from registry_meta where meta_name = 'generation'");
             ResultSet rs = ps.executeQuery()) {
            g = rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw unreadable(e);
        }
        if (g != generation) {
            cache.clear();
            size = -1;
            generation = g;
        }
    }

    private IllegalStateException unreadable(SQLException e) {
        return new IllegalStateException("The register database at " + db.displayUrl() + " cannot be read: "
                + RegistryDatabase.rootMessage(e), e);
    }
}
