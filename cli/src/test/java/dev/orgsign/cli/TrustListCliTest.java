package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TrustListFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code orgsign trust-list info} and {@code verify --trust-list}: the list as an operator gets it. */
class TrustListCliTest {
    private static final TrustListFixtures F = TrustListFixtures.get();

    @Test
    void infoShowsWhichListItIsAndAnAlteredListIsRefused(@TempDir Path dir) throws Exception {
        Path list = F.write(F.list(), dir.resolve("tsl.xml"), true);
        Path signer = Files.write(dir.resolve("signer.cer"), F.listSigner().certificate().getEncoded());
        Result en = run("trust-list", "info", list.toString(), "--signer", signer.toString(), "--lang", "en");
        assertEquals(0, en.exit(), en.toString());
        assertTrue(en.out().contains("Version: 42") && en.out().contains("Centres: 4, accredited now: 3")
                && en.out().contains("Signature: verified with the certificate of 'Минцифры России (тестовый подписант перечня)'"),
                en.out());
        Result ru = run("trust-list", "info", list.toString(), "--signer", signer.toString(), "--lang", "ru");
        assertTrue(ru.out().contains("Удостоверяющих центров: 4, аккредитованы сейчас: 3"), ru.out());
        Result json = run("trust-list", "info", list.toString(), "--trust-list-signer", signer.toString(), "--json");
        assertTrue(json.out().contains("\"accreditedNow\": 3") && json.out().contains("\"version\": 42"), json.out());

        Path altered = Files.writeString(dir.resolve("altered.xml"), Files.readString(list, StandardCharsets.UTF_8)
                .replace("<Статус>Прекращена</Статус>", "<Статус>Действует</Статус>"), StandardCharsets.UTF_8);
        Result refused = run("trust-list", "info", altered.toString(), "--signer", signer.toString(), "--lang", "en");
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("is refused: it was changed after it was signed"), refused.toString());
        Result verify = run("verify", "--signature", dir.resolve("none.p7s").toString(), "--trust-list", altered.toString(),
                "--trust-list-signer", signer.toString(), "--lang", "en");
        assertEquals(2, verify.exit(), "a refused list stops verification before anything is judged: " + verify);
    }

    @Test
    void verifyJudgesTheSignerByTheListAlone(@TempDir Path dir) throws Exception {
        Path list = F.write(F.list(), dir.resolve("tsl.xml"), true);
        Path signer = Files.write(dir.resolve("signer.cer"), F.listSigner().certificate().getEncoded());
        Path contract = Files.writeString(dir.resolve("contract.txt"), "Договор поставки № 17", StandardCharsets.UTF_8);
        Path persona = pki().resolve("personas").resolve(Persona.LLC_HEAD.slug());
        byte[] sig = OpenSsl.requireGost().cmsSign(dir, contract, persona.resolve("gost256.pem"),
                persona.resolve("gost256.key.pem"), pki().resolve("ca/fns-ca.pem"), "md_gost12_256", true);
        Path sigFile = Files.write(dir.resolve("contract.txt.sig"), sig);
        Result r = run("verify", "--signature", sigFile.toString(), "--content", contract.toString(), "--trust-list",
                list.toString(), "--trust-list-signer", signer.toString(), "--crl", pki().resolve("crl").toString(), "--lang", "en");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("'Тестовый УЦ ФНС России (ОГРН 1047707030513)' that issued the certificate was accredited at "
                + "the time of signing"), r.out());

        Result none = run("verify", "--signature", sigFile.toString(), "--content", contract.toString(), "--lang", "en");
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("give --trust PATH or --trust-list FILE"), none.toString());
    }
}
