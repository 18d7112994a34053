package dev.orgsign.registry.store;

import java.nio.file.Path;
import java.util.List;

/** A child JVM that imports files into a store, printing its progress, so that a test can kill it mid-way. */
public final class ImportChild {
    private ImportChild() {
    }

    /**
     * @param args the JDBC URL, then the files
     * @throws Exception when the import fails
     */
    public static void main(String[] args) throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(args[0], 2)) {
            new RegisterImporter(db).importAll(List.of(Path.of(args[1])), new RegisterImporter.Progress() {
                @Override
                public void advanced(long bytes, long records) {
                    System.out.println("records " + records);
                    System.out.flush();
                }
            });
        }
        System.out.println("done");
    }
}
