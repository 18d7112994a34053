package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OcspResponder;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;

import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code orgsign verify --online}: with no CRL given, the OCSP responder the signer's certificate
 * names (a real HTTP server answering for the test FNS CA) decides revocation; without
 * {@code --online} revocation stays unknown and nothing verifies.
 */
class OnlineVerifyTest {
    @Test
    void verifyOnlineAsksTheOcspResponderTheCertificateNames(@TempDir Path dir) throws Exception {
        try (OcspResponder responder = OcspResponder.start(TestPki.get())) {
            Credential good = TestPki.get().issue(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, responder.url(), null);
            Credential revoked = TestPki.get().issue(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, responder.url(), null);
            responder.revoke(revoked.certificate().getSerialNumber(), Instant.now().minusSeconds(3600));

            String[] goodFiles = register(dir, "good", good);
            Result offline = run(verify(goodFiles, false));
            assertEquals(5, offline.exit(), offline.toString());
            assertTrue(offline.out().contains("\"certificate.revocation\"") && offline.out().contains("NOT_CHECKED"), offline.out());
            assertEquals(0, responder.requests(), "offline, no responder is asked");

            Result online = run(verify(goodFiles, true));
            assertEquals(0, online.exit(), online.toString());
            assertTrue(online.out().contains("\"verdict\": \"VERIFIED\"")
                    && online.out().contains("Not revoked according to the OCSP responder " + responder.url()), online.out());
            assertEquals(1, responder.requests());

            Result rejected = run(verify(register(dir, "revoked", revoked), true));
            assertEquals(5, rejected.exit(), rejected.toString());
            assertTrue(rejected.out().contains("The certificate was revoked on") && rejected.out().contains("key compromise"),
                    rejected.out());
        }
    }

    private static String[] register(Path dir, String name, Credential c) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = TestPki.STORE_PASSWORD.toCharArray();
        ks.setKeyEntry("llc-head", c.privateKey(), pw, c.chain().toArray(X509Certificate[]::new));
        Path p12 = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, pw);
        }
        Path out = dir.resolve(name);
        Result r = run("register", "--type", "LLC", "--ogrn", CliFixture.LLC_OGRN, "--keystore", p12.toString(),
                "--pin-env", CliFixture.STORE_PASSWORD_VAR, "--registry", registry(), "--phone", "+74951234567",
                "--no-submit", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        return new String[] {out.resolve("registration.json").toString(), out.resolve("registration.json.sig").toString()};
    }

    private static String[] verify(String[] files, boolean online) throws Exception {
        String[] args = {"verify", "--payload", files[0], "--signature", files[1], "--trust", pki().resolve("trust").toString(),
            "--registry", registry(), "--json"};
        if (!online) {
            return args;
        }
        String[] withOnline = java.util.Arrays.copyOf(args, args.length + 1);
        withOnline[args.length] = "--online";
        return withOnline;
    }
}
