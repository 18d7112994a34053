package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TrustListFixtures;
import dev.orgsign.testcerts.TrustListFixtures.Centre;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code register --trust-list}: before the PIN, the list completes the chain of a key stored with the holder's
 * certificate alone, and a certificate whose centre is no longer accredited is said — the registration stops
 * and nothing is signed.
 */
class RegisterTrustListCliTest {
    private static final TrustListFixtures F = TrustListFixtures.get();

    private static Credential issuedBy(Centre centre) {
        return F.issue(centre, TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256,
                F.now().minus(Duration.ofDays(100)), F.now().plus(Duration.ofDays(265)));
    }

    @Test
    void theListCompletesTheChainBeforeThePin(@TempDir Path dir) throws Exception {
        Path list = F.write(F.list(), dir.resolve("tsl.xml"), true);
        Path signer = Files.write(dir.resolve("signer.cer"), F.listSigner().certificate().getEncoded());
        Path p12 = CliFixture.leafOnlyKeystore(Files.createDirectories(dir.resolve("key")), issuedBy(Centre.ACCREDITED));

        Result withoutList = run(CliFixture.registerWithKeystore(p12, dir.resolve("without")));
        assertEquals(2, withoutList.exit(), "the leaf alone does not reach a root: " + withoutList);
        assertFalse(Files.exists(dir.resolve("without/registration.json.sig")));

        Result withList = run(CliFixture.registerWithKeystore(p12, dir.resolve("with"), "--trust-list", list.toString(), "--trust-list-signer",
                signer.toString()));
        assertEquals(0, withList.exit(), withList.toString());
        assertTrue(Files.exists(dir.resolve("with/registration.json.sig")));
    }

    @Test
    void aCentreWhoseAccreditationEndedIsSaidBeforeThePinAndNothingIsSigned(@TempDir Path dir) throws Exception {
        Path list = F.write(F.list(), dir.resolve("tsl.xml"), true);
        Path signer = Files.write(dir.resolve("signer.cer"), F.listSigner().certificate().getEncoded());
        Path p12 = CliFixture.leafOnlyKeystore(Files.createDirectories(dir.resolve("key")), issuedBy(Centre.ENDED));

        Result r = run(CliFixture.registerWithKeystore(p12, dir.resolve("out"), "--trust-list", list.toString(), "--trust-list-signer",
                signer.toString()));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Тестовый УЦ с прекращённой аккредитацией"), "the sentence names the centre: " + r);
        assertFalse(Files.exists(dir.resolve("out/registration.json.sig")), "nothing was signed");
        assertFalse(r.err().contains("Exception"), r.toString());
    }
}
