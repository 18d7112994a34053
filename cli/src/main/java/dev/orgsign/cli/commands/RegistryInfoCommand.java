package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.registry.store.RegistryInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code orgsign registry info [--db JDBC_URL]}: the files imported, the newest extract date, record counts. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false)
public final class RegistryInfoCommand extends BaseCommand {
    @ParentCommand
    RegistryCommand parent;

    @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "opt.registryStore")
    String db;

    @Override
    public Integer call() throws OrgsignException {
        RegistryInfo info;
        String where;
        try (RegistryDatabase database = RegistryDatabase.open(db, 1)) {
            info = RegistryInfo.read(database);
            where = database.displayUrl();
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("database", where);
            o.put("newestExtract", info.newestExtract() == null ? null : info.newestExtract().toString());
            o.put("legalEntities", info.legalEntities());
            o.put("entrepreneurs", info.entrepreneurs());
            o.put("terminated", info.terminated());
            o.put("contested", info.contested());
            List<Object> files = new ArrayList<>();
            for (RegistryInfo.FileEntry f : info.files()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("fileId", f.fileId());
                x.put("name", f.name());
                x.put("records", f.records());
                x.put("completed", f.completed());
                x.put("completedAt", f.completedAt() == null ? null : f.completedAt().toString());
                files.add(x);
            }
            o.put("files", files);
            printJson(o);
            return 0;
        }
        out().println(m().get("registry.info", where));
        out().println(m().get("registry.newest", info.newestExtract() == null ? "—" : info.newestExtract().toString()));
        out().println(m().get("registry.counts", info.legalEntities(), info.entrepreneurs(), info.terminated(),
                info.contested()));
        out().println(m().get("registry.files", info.files().size()));
        for (RegistryInfo.FileEntry f : info.files()) {
            out().println("  " + f.fileId() + "  " + f.records() + "  "
                    + (f.completed() ? m().get("registry.fileDone", String.valueOf(f.completedAt())) : m().get("registry.fileOpen")));
        }
        out().flush();
        return 0;
    }
}
