package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.registry.store.RegisterImporter;
import dev.orgsign.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code orgsign registry import FILE|FOLDER… [--db JDBC_URL]}: streams FNS EGRUL / EGRIP files into the
 * register store, resuming an interrupted import and skipping files already in; a progress bar on a
 * terminal.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false)
public final class RegistryImportCommand extends BaseCommand {
    @ParentCommand
    RegistryCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", descriptionKey = "param.registryFiles")
    List<Path> files = new ArrayList<>();

    @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "opt.registryStore")
    String db;

    @Override
    public Integer call() throws OrgsignException {
        long started = System.nanoTime();
        RegisterImporter.Result r;
        try (RegistryDatabase database = RegistryDatabase.open(db, 2)) {
            r = new RegisterImporter(database).importAll(files, progress());
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("database", database.displayUrl());
                o.put("imported", r.imported());
                o.put("skipped", r.skipped());
                o.put("records", r.records());
                o.put("seconds", (System.nanoTime() - started) / 1e9);
                printJson(o);
                return 0;
            }
            out().println(m().get("registry.imported", r.imported(), r.skipped(), r.records(), database.displayUrl(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9)));
            out().flush();
        }
        return 0;
    }

    /** A progress line on the terminal's standard error (none for scripts). */
    private RegisterImporter.Progress progress() {
        boolean bar = !json && terminal().interactive();
        PrintWriter err = err();
        return new RegisterImporter.Progress() {
            private long size = 1;
            private long began;
            private String name;

            @Override
            public void started(Path file, long bytes, long resuming) {
                size = Math.max(1, bytes);
                began = System.nanoTime();
                name = file.getFileName().toString();
                if (resuming > 0 && !json) {
                    err.println(m().get("registry.resuming", name, resuming));
                    err.flush();
                }
            }

            @Override
            public void advanced(long bytes, long records) {
                if (bar) {
                    double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
                    int percent = (int) Math.min(100, bytes * 100 / size);
                    err.print("\r" + m().get("registry.progress", name, bar(percent), percent, records,
                            (long) (records / seconds)));
                    err.flush();
                }
            }

            @Override
            public void finished(Path file, long records) {
                if (bar) {
                    err.println();
                    err.flush();
                }
            }

            @Override
            public void skipped(Path file, String fileId) {
                if (!json) {
                    err.println(m().get("registry.skipped", file.getFileName(), fileId));
                    err.flush();
                }
            }
        };
    }

    private static String bar(int percent) {
        int filled = percent / 5;
        return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
    }
}
