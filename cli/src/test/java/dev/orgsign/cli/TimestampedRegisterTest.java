package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TimestampAuthority;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code orgsign register --tsa URL} against a real RFC 3161 authority on loopback ({@code openssl ts
 * -reply} behind an HTTP server): the CAdES-T verifies in {@code orgsign verify} with its
 * {@code signature.timestamp} check, and {@code openssl ts -verify} accepts its timestamp; an
 * authority that does not answer stops the registration with a sentence and no files.
 */
class TimestampedRegisterTest {
    private static String[] register(Path out, String tsa) throws Exception {
        return new String[] {"register", "--type", "LLC", "--ogrn", CliFixture.LLC_OGRN, "--keystore",
            pki().resolve("personas").resolve(Persona.LLC_HEAD.slug()).resolve("gost256.p12").toString(),
            "--pin-env", CliFixture.STORE_PASSWORD_VAR, "--registry", registry(), "--phone", "+74951234567",
            "--tsa", tsa, "--no-submit", "--out", out.toString(), "--json"};
    }

    @Test
    void registerWithATsaMakesACadesTThatVerifiesHereAndInOpenSsl(@TempDir Path dir) throws Exception {
        try (TimestampAuthority tsa = TimestampAuthority.start(TestPki.get(), dir.resolve("tsa"))) {
            Path out = dir.resolve("signed");
            Result r = run(register(out, tsa.url()));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(1, tsa.requests());

            Result v = run("verify", "--payload", out.resolve("registration.json").toString(), "--signature",
                    out.resolve("registration.json.sig").toString(), "--trust", pki().resolve("trust").toString(),
                    "--crl", pki().resolve("crl").toString(), "--registry", registry(), "--json");
            assertEquals(0, v.exit(), v.toString());
            assertTrue(v.out().contains("\"code\": \"signature.timestamp\"") && v.out().contains("Timestamped at"), v.out());

            SignerInformation si = new CMSSignedData(Files.readAllBytes(out.resolve("registration.json.sig")))
                    .getSignerInfos().getSigners().iterator().next();
            Path token = Files.write(dir.resolve("token.tst"), si.getUnsignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded(ASN1Encoding.DER));
            Path value = Files.write(dir.resolve("signature-value.bin"), si.getSignature());
            OpenSsl.Run openssl = OpenSsl.requireGost().tsVerify(dir, token, value, "md_gost12_256",
                    pki().resolve("trust/root-ca.pem"), tsa.dir().resolve("chain.pem"));
            assertTrue(openssl.ok() && openssl.output().contains("Verification: OK"), openssl.output());
        }
    }

    @Test
    void aTsaThatDoesNotAnswerStopsTheRegistrationWithoutFiles(@TempDir Path dir) throws Exception {
        String url;
        try (TimestampAuthority tsa = TimestampAuthority.start(TestPki.get(), dir.resolve("tsa"))) {
            url = tsa.url(); // closed below: nothing listens there any more
        }
        Path out = dir.resolve("signed");
        Result r = run(register(out, url));
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.out().contains("The time-stamping authority at " + url + " cannot be reached"), r.toString());
        assertFalse(Files.exists(out.resolve("registration.json.sig")), "no signature without its timestamp");
    }
}
