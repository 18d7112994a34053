package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.FileServer;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key whose store holds only the holder's certificate, which names where its issuing CA's
 * certificate is published (AIA caIssuers, a real HTTP server on loopback): {@code register} says
 * so before signing, and with {@code --online} fetches it into the signature; {@code verify} names
 * the URL offline, builds the chain with {@code --online} once the CA is served there, or with
 * {@code --ca}.
 */
class MissingCaCertificateCliTest {
    private static String[] verify(Path out, String... more) throws Exception {
        List<String> a = new ArrayList<>(List.of("verify", "--payload", out.resolve("registration.json").toString(),
                "--signature", out.resolve("registration.json.sig").toString(), "--trust", pki().resolve("trust").toString(),
                "--crl", pki().resolve("crl").toString(), "--registry", registry(), "--json"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void theIssuingCaCertificateIsNamedFetchedOrGiven(@TempDir Path dir) throws Exception {
        try (FileServer server = FileServer.start()) {
            String url = server.url("/crt/fns-ca.crt");
            Credential c = TestPki.get().issueWithIssuerUrl(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, url);
            Path p12 = CliFixture.leafOnlyKeystore(dir, c);

            Result refused = run(CliFixture.registerWithKeystore(p12, dir.resolve("refused")));
            assertEquals(2, refused.exit(), refused.toString());
            assertTrue(refused.err().contains("the certificate of the issuing CA 'Тестовый УЦ ФНС России' is neither on the "
                    + "token nor given with --ca") && refused.err().contains("It is published at " + url
                    + ": give it with --ca FILE, or add --online to fetch it from there."), refused.toString());
            assertTrue(!Files.exists(dir.resolve("refused/registration.json.sig")));

            Path leafOnly = dir.resolve("leaf-only");
            Result signed = run(CliFixture.registerWithKeystore(p12, leafOnly, "--yes"));
            assertEquals(0, signed.exit(), signed.toString());
            Result offline = run(verify(leafOnly));
            assertEquals(5, offline.exit(), offline.toString());
            assertTrue(offline.out().contains("it is published at " + url + ": give it with --ca FILE, or use --online to "
                    + "fetch it."), offline.out());

            Result stillMissing = run(verify(leafOnly, "--online"));
            assertEquals(5, stillMissing.exit(), stillMissing.toString());
            assertTrue(stillMissing.out().contains("and the one at " + url + " could not be fetched (HTTP 404)"), stillMissing.out());

            server.serve("/crt/fns-ca.crt", TestPki.get().fnsCa().getEncoded());
            Result online = run(verify(leafOnly, "--online"));
            assertEquals(0, online.exit(), online.toString());
            assertTrue(online.out().contains("\"verdict\": \"VERIFIED\""), online.out());
            Result given = run(verify(leafOnly, "--ca", pki().resolve("ca/fns-ca.pem").toString()));
            assertEquals(0, given.exit(), given.toString());

            Path fetched = dir.resolve("fetched");
            int before = server.requests();
            Result withOnline = run(CliFixture.registerWithKeystore(p12, fetched, "--online"));
            assertEquals(0, withOnline.exit(), withOnline.toString());
            assertEquals(before + 1, server.requests(), "register fetched the CA certificate");
            assertEquals(2, new CMSSignedData(Files.readAllBytes(fetched.resolve("registration.json.sig"))).getCertificates()
                    .getMatches(null).size(), "the signature carries the fetched CA certificate");
            Result carried = run(verify(fetched));
            assertEquals(0, carried.exit(), carried.toString());
        }
    }

    @Test
    void registerWithTheServicesTrustAnchorsRunsTheServicesChainCheck(@TempDir Path dir) throws Exception {
        Path p12 = pki().resolve("personas").resolve(Persona.UNTRUSTED.slug()).resolve("ec-p256.p12");
        Result r = run("register", "--type", "LLC", "--ogrn", CliFixture.LLC_OGRN, "--keystore", p12.toString(), "--pin-env",
                CliFixture.STORE_PASSWORD_VAR, "--registry", registry(), "--phone", "+74951234567", "--trust",
                pki().resolve("trust").toString(), "--no-submit", "--out", dir.toString(), "--lang", "en");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("The verification service would reject the signature: The certificate does not chain "
                + "to a trusted root: it leads to the root 'Неизвестный УЦ'"), r.toString());
    }
}
