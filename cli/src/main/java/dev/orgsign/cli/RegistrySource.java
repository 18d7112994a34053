package dev.orgsign.cli;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.registry.store.StoreRegistry;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the register comes from: extracts read into memory ({@code --registry PATH}, for small
 * folders and tests) or the register store the FNS files were imported into ({@code --registry-db},
 * the embedded default or a JDBC URL) — exactly one of them.
 */
public final class RegistrySource {
    @Option(names = "--registry", paramLabel = "PATH", descriptionKey = "opt.registry")
    Path registry;

    @Option(names = "--registry-db", arity = "0..1", fallbackValue = "", paramLabel = "JDBC_URL",
            descriptionKey = "opt.registryDb")
    String registryDb;

    /** An open register; closing it releases the store's connections. */
    public static final class Opened implements AutoCloseable {
        private final Registry registry;
        private final RegistryDatabase db;

        Opened(Registry registry, RegistryDatabase db) {
            this.registry = registry;
            this.db = db;
        }

        /** {@return the register} */
        public Registry registry() {
            return registry;
        }

        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
        }
    }

    /** {@return whether --registry or --registry-db was given} */
    public boolean given() {
        return registry != null || registryDb != null;
    }

    /**
     * @param folder extracts to read when neither option was given (the wizard asks for them)
     */
    public void useFolder(Path folder) {
        this.registry = folder;
    }

    /** {@return the extracts given with --registry, or null} */
    public Path path() {
        return registry;
    }

    /** {@return the store's JDBC URL: null for none, "" for the embedded default} */
    public String database() {
        return registryDb;
    }

    /**
     * Opens the register.
     *
     * @param m the language of this run
     * @return the register
     * @throws OrgsignException USAGE when neither or both options were given; what reading it raises
     */
    public Opened open(Messages m) throws OrgsignException {
        if (registry != null && registryDb != null) {
            throw new OrgsignException(ErrorCode.USAGE, m.get("registry.both"));
        }
        if (registryDb != null) {
            RegistryDatabase db = RegistryDatabase.open(registryDb.isBlank() ? null : registryDb, 4);
            return new Opened(new StoreRegistry(db), db);
        }
        if (registry == null) {
            throw new OrgsignException(ErrorCode.USAGE, m.get("register.missing", "--registry PATH | --registry-db"));
        }
        return new Opened(FnsExtractRegistry.load(registry), null);
    }
}
