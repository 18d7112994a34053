package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OpenSsl;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperability with the real openssl binary (and its gost engine): OpenSSL accepts our
 * CAdES-BES signatures, and our verifier accepts OpenSSL's {@code cms -sign -cades} signatures.
 */
class OpenSslInteropTest {
    private static final String LLC = Fixtures.LLC.ogrn();

    @TempDir
    Path dir;

    private static OpenSsl openssl(KeyKind kind) {
        return isGost(kind) ? OpenSsl.requireGost() : OpenSsl.require();
    }

    private static boolean isGost(KeyKind kind) {
        return kind == KeyKind.GOST_256 || kind == KeyKind.GOST_512;
    }

    private static Path persona(Persona p, String file) {
        return SignedRegistrations.DIR.resolve("personas").resolve(p.slug()).resolve(file);
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void opensslVerifiesOurSignatureAndRejectsAChangedPayload(KeyKind kind) throws Exception {
        OpenSsl openssl = openssl(kind);
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC, null);
        Path payload = Files.write(dir.resolve("registration.json"), s.payload());
        Path sig = Files.write(dir.resolve("registration.json.sig"), s.signature());
        Path ca = SignedRegistrations.DIR.resolve("trust/root-ca.pem");
        OpenSsl.Run ok = openssl.cmsVerify(dir, sig, payload, ca, isGost(kind));
        assertTrue(ok.ok(), kind + ": " + ok.output());
        assertTrue(ok.output().contains("Verification successful"), ok.output());

        String json = new String(s.payload(), StandardCharsets.UTF_8).replace("buh@romashka.test", "buh@romashkb.test");
        Path changed = Files.writeString(dir.resolve("changed.json"), json);
        OpenSsl.Run bad = openssl.cmsVerify(dir, sig, changed, ca, isGost(kind));
        assertFalse(bad.ok(), kind + ": openssl accepted a changed payload: " + bad.output());
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void ourVerifierAcceptsOpensslCadesSignatures(KeyKind kind) throws Exception {
        OpenSsl openssl = openssl(kind);
        byte[] payload = SignedRegistrations.payload(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC);
        Path content = Files.write(dir.resolve("registration.json"), payload);
        String md = switch (kind) {
            case GOST_256 -> "md_gost12_256";
            case GOST_512 -> "md_gost12_512";
            default -> "sha256";
        };
        byte[] sig = openssl.cmsSign(dir, content, persona(Persona.LLC_HEAD, kind.slug() + ".pem"),
                persona(Persona.LLC_HEAD, kind.slug() + ".key.pem"), SignedRegistrations.DIR.resolve("ca/fns-ca.pem"),
                md, isGost(kind));
        SignatureVerifier verifier = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY);
        VerificationReport r = verifier.verify(payload, sig);
        assertEquals(Verdict.VERIFIED, r.verdict(), kind + ": " + r.checks());

        byte[] changed = payload.clone();
        changed[changed.length / 2] ^= 0x01;
        VerificationReport r2 = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                .verify(changed, sig);
        assertEquals(Verdict.REJECTED, r2.verdict());
    }
}
