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
 * The training runs behind the launcher's start-up caches (class-data-sharing archive or AOT cache). A
 * cache's classes are all loaded at every start, so there are two kinds:
 * <ul>
 *   <li>{@code light}: the commands a person starts most and that never set up the crypto provider
 *   ({@code certs}, {@code tokens}, the help texts, the version);</li>
 *   <li>{@code full}: those, and reading a signed list of accredited certification centres
 *   ({@code trust-list info}), which sets up BouncyCastle's provider and the list's signature check as
 *   {@code verify}, {@code register} and {@code serve} do.</li>
 * </ul>
 * {@code prepare DIR KIND} provisions a SoftHSM token under {@code DIR/softhsm} (when SoftHSM is
 * installed) and, for {@code full}, writes a generated, signed list of 60 centres to {@code DIR/tsl.xml};
 * {@code run DIR KIND} then exercises the commands on them, in the JVM that writes the cache.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * Runs one stage.
     *
     * @param args {@code prepare DIR [light|full]} or {@code run DIR [light|full]} (full when not given)
     * @throws Exception when provisioning fails (the launcher then trains without a token)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        boolean full = args.length < 3 || !args[2].equals("light");
        if (args[0].equals("prepare")) {
            if (full) { // first: provisioning fails where SoftHSM is missing
                TrustListFixtures lists = TrustListFixtures.get();
                lists.write(lists.large(60), dir.resolve("tsl.xml"), true);
                Files.write(dir.resolve("tsl-signer.cer"), lists.listSigner().certificate().getEncoded());
            }
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
        if (full && Files.exists(dir.resolve("tsl.xml"))) {
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
