package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.RealWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.orgsign.cli.CliFixture.LLC_OGRN;
import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code orgsign registry import/info} and {@code check}/{@code verify} over the store, as a user runs them. */
class RegistryStoreCliTest {
    @TempDir
    Path dir;

    @Test
    void importInfoAndCheckOverTheStore() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store") + ";AUTO_SERVER=TRUE";
        Result imported = run("registry", "import", RealWorld.path("registers").toString(),
                pki().resolve("registry/windows-1251").toString(), "--db", db, "--json");
        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains("\"imported\": 9"), imported.out());

        Result again = run("registry", "import", RealWorld.path("registers").toString(), "--db", db, "--lang", "en");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("Imported 0 file(s) (4 already in)"), again.out());

        Result info = run("registry", "info", "--db", db, "--json");
        assertEquals(0, info.exit(), info.toString());
        assertTrue(info.out().contains("\"newestExtract\": \"2026-11-20\"") && info.out().contains("\"completed\": true"),
                info.out());

        Result check = run("check", "--cert", pki().resolve("personas/llc-head/ec-p256.pem").toString(), "--type", "LLC",
                "--ogrn", LLC_OGRN, "--registry-db", db, "--json");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("\"decision\": \"ENTITLED\""), check.out());

        Result both = run("check", "--cert", pki().resolve("personas/llc-head/ec-p256.pem").toString(), "--type", "LLC",
                "--ogrn", LLC_OGRN, "--registry-db", db, "--registry", pki().resolve("registry/utf-8").toString(), "--lang", "en");
        assertEquals(2, both.exit(), both.toString());
        assertTrue(both.err().contains("not both"), both.toString());

        Result notXml = run("registry", "import", pki().resolve("trust").toString(), "--db", db, "--lang", "en");
        assertEquals(2, notXml.exit(), notXml.toString());
    }
}
