package dev.orgsign.cli;

import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TrustListFixtures;
import dev.orgsign.testcerts.softhsm.SoftHsm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The training run behind the launcher's class-data-sharing archive: it runs the commands a
 * person starts most ({@code certs}, {@code tokens}, the help texts) and reads a signed list of
 * accredited certification centres ({@code trust-list info}, which sets up BouncyCastle's provider
 * and the list's signature check as {@code verify --trust-list} does), so that the JVM archives the
 * classes they load (on Java 25 with their method profiles), and the next start maps them instead of
 * loading them. {@code prepare DIR} provisions a SoftHSM token under {@code DIR/softhsm} (when SoftHSM
 * is installed) and writes a generated, signed list of 60 centres to {@code DIR/tsl.xml}; {@code run DIR}
 * then exercises the commands on them, in the JVM that writes the archive.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * Runs one stage.
     *
     * @param args {@code prepare DIR} or {@code run DIR}
     * @throws Exception when provisioning fails (the launcher then trains without a token)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("prepare")) {
            TrustListFixtures lists = TrustListFixtures.get(); // first: provisioning fails where SoftHSM is missing
            lists.write(lists.large(60), dir.resolve("tsl.xml"), true);
            Files.write(dir.resolve("tsl-signer.cer"), lists.listSigner().certificate().getEncoded());
            SoftHsm.at(dir.resolve("softhsm")).provision("orgsign-training", SoftHsm.USER_PIN, TestPki.create(),
                    EnumSet.of(Persona.LLC_HEAD));
            return;
        }
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(sink);
        for (String lang : new String[] {"en", "ru"}) {
            Orgsign.run(new String[] {"--help", "--lang", lang}, Terminal.none(), w, w);
            for (String c : new String[] {"tokens", "certs", "check", "register", "verify", "completion"}) {
                Orgsign.run(new String[] {c, "--help", "--lang", lang}, Terminal.none(), w, w);
            }
        }
        Orgsign.run(new String[] {"--version"}, Terminal.none(), w, w);
        Orgsign.run(new String[] {"certs", "--nonsense"}, Terminal.none(), w, w);
        if (Files.exists(dir.resolve("tsl.xml"))) {
            for (int i = 0; i < 3; i++) {
                Orgsign.run(new String[] {"trust-list", "info", dir.resolve("tsl.xml").toString(),
                        "--signer", dir.resolve("tsl-signer.cer").toString()}, Terminal.none(), w, w);
            }
        }
        if (Files.exists(dir.resolve("softhsm/softhsm2.conf"))) {
            String module = SoftHsm.library().toString();
            for (int i = 0; i < 3; i++) {
                Orgsign.run(new String[] {"certs", "--module", module, "--token", "orgsign-training", "--json"},
                        Terminal.none(), w, w);
                Orgsign.run(new String[] {"certs", "--module", module, "--token", "orgsign-training"},
                        Terminal.none(), w, w);
                Orgsign.run(new String[] {"tokens", "--module", module, "--json"}, Terminal.none(), w, w);
            }
        }
        w.flush();
        System.out.print(sink);
    }
}
