package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RealWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.registry;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code orgsign verify --signature FILE [--content FILE] [--extract OUT]}: any signed document,
 * attached or detached, checked without the registration checks — a real CryptoPro signature by an
 * FNS-issued head's certificate, and OpenSSL's BER output in the test PKI.
 */
class VerifyDocumentTest {
    @Test
    void aRealAttachedCryptoProSignatureIsReadItsContentExtractedAndTheMissingCaNamed(@TempDir Path dir) throws Exception {
        Path sig = RealWorld.file("signatures/ber/cryptopro-fns-head-attached.p7s");
        Path out = dir.resolve("content.txt");
        Result r = run("verify", "--signature", sig.toString(), "--extract", out.toString(), "--trust",
                RealWorld.dir().resolve("trust").toString(), "--json");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.out().contains("An attached CMS SignedData with one signer") && r.out().contains("BER-encoded"), r.out());
        assertTrue(r.out().matches("(?s).*\"code\": \"signature.value\",\\s*\"result\": \"PASSED\".*"), r.out());
        assertTrue(r.out().contains("http://pki.tax.gov.ru/crt/"), "the chain sentence names the FNS CA's URL: " + r.out());
        assertTrue(r.out().contains("\"extracted\": \"" + out.toAbsolutePath().normalize()), r.out());
        assertArrayEquals(Files.readAllBytes(RealWorld.file("signatures/ber/cryptopro-fns-head-attached.content.txt")),
                Files.readAllBytes(out));
    }

    @Test
    void opensslsBerSignaturesVerifyAttachedAndDetachedAndAChangedByteFails(@TempDir Path dir) throws Exception {
        Path contract = Files.writeString(dir.resolve("contract.txt"), "Договор поставки № 17", StandardCharsets.UTF_8);
        Path persona = pki().resolve("personas").resolve(Persona.LLC_HEAD.slug());
        byte[] attached = OpenSsl.requireGost().cmsSign(dir, contract, persona.resolve("gost256.pem"),
                persona.resolve("gost256.key.pem"), pki().resolve("ca/fns-ca.pem"), "md_gost12_256", true, "-stream");
        Path sig = Files.write(dir.resolve("contract.txt.p7s"), attached);
        Path out = dir.resolve("extracted.txt");
        Result ru = run("verify", "--signature", sig.toString(), "--extract", out.toString(), "--trust",
                pki().resolve("trust").toString(), "--crl", pki().resolve("crl").toString(), "--lang", "ru");
        assertEquals(0, ru.exit(), ru.toString());
        assertTrue(ru.out().contains("ПОДТВЕРЖДЕНО") && ru.out().contains("[+] certificate.qualified")
                && ru.out().contains("Подписанное содержимое записано в"), ru.out());
        assertArrayEquals(Files.readAllBytes(contract), Files.readAllBytes(out));

        byte[] detached = OpenSsl.requireGost().cmsSign(dir, contract, persona.resolve("gost256.pem"),
                persona.resolve("gost256.key.pem"), pki().resolve("ca/fns-ca.pem"), "md_gost12_256", true, "-outform", "PEM");
        Path pem = Files.write(dir.resolve("contract.txt.sig"), detached);
        Result ok = run("verify", "--signature", pem.toString(), "--content", contract.toString(), "--trust",
                pki().resolve("trust").toString(), "--crl", pki().resolve("crl").toString(), "--json");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("read from PEM text (CMS)"), ok.out());

        Path changed = Files.writeString(dir.resolve("changed.txt"), "Договор поставки № 18", StandardCharsets.UTF_8);
        Path notOut = dir.resolve("not-extracted.txt");
        Result bad = run("verify", "--signature", pem.toString(), "--content", changed.toString(), "--extract",
                notOut.toString(), "--trust", pki().resolve("trust").toString(), "--lang", "en");
        assertEquals(5, bad.exit(), bad.toString());
        assertTrue(bad.out().contains("[x] signature.value") && bad.out().contains("The content was not written out"), bad.out());
        assertFalse(Files.exists(notOut));
    }

    @Test
    void aRegistrationNeedsTheRegisterAndIsNotMixedWithADocument(@TempDir Path dir) throws Exception {
        Result noRegistry = run("verify", "--payload", "registration.json", "--signature", "registration.json.sig",
                "--trust", pki().resolve("trust").toString(), "--lang", "en");
        assertEquals(2, noRegistry.exit(), noRegistry.toString());
        assertTrue(noRegistry.err().contains("Give the register extracts (--registry)"), noRegistry.toString());
        Result both = run("verify", "--payload", "registration.json", "--content", "x.txt", "--signature", "x.sig",
                "--trust", pki().resolve("trust").toString(), "--registry", registry(), "--lang", "en");
        assertEquals(2, both.exit(), both.toString());
        assertTrue(both.err().contains("not both"), both.toString());
    }
}
