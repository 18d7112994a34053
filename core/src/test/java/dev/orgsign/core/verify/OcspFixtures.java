package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.CmsSigner;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Signers whose certificates name test OCSP responders and CRL distribution points, and what they sign. */
final class OcspFixtures {
    static final byte[] CONTENT = "a receipt".getBytes(StandardCharsets.UTF_8);

    private OcspFixtures() {
    }

    /** The LLC head's certificate from the test FNS CA, naming {@code ocspUrl} (AIA) and {@code crlUrl} (CDP), either may be null. */
    record Signer(Credential credential, KeyStoreSigningToken token) {
        X509Certificate cert() {
            return credential.certificate();
        }
    }

    static Signer signer(String ocspUrl, String crlUrl) throws Exception {
        Credential c = TestPki.get().issue(TestPki.get().person(Persona.LLC_HEAD), KeyKind.EC_P256, ocspUrl, crlUrl);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "x".toCharArray();
        ks.setKeyEntry("signer", c.privateKey(), pw, c.chain().toArray(X509Certificate[]::new));
        return new Signer(c, KeyStoreSigningToken.ofLoaded(ks, pw, "test keystore"));
    }

    /** The accredited root as the only anchor, and no CRL: revocation must come from online. */
    static TrustMaterial trustWithoutCrls() {
        return new TrustMaterial(List.of(TestPki.get().rootCa()), List.of());
    }

    static OcspClient client(Duration timeout, int maxBytes) {
        return new OcspClient(timeout, maxBytes, Duration.ofMinutes(5));
    }

    /** Verifies a detached signature over {@link #CONTENT} by the signer, revocation checked online as given. */
    static VerificationReport verifyContent(Signer s, TrustMaterial trust, OnlineRevocation online) throws Exception {
        return verifyContent(s, trust, online, Instant.now());
    }

    /** As {@link #verifyContent(Signer, TrustMaterial, OnlineRevocation)}, signed at {@code signingTime}. */
    static VerificationReport verifyContent(Signer s, TrustMaterial trust, OnlineRevocation online, Instant signingTime)
            throws Exception {
        TokenKey key = s.token().keys().get(0);
        byte[] cms = CmsSigner.signDetached(CONTENT, s.token(), key, SignatureAlgorithm.SHA256_WITH_ECDSA, signingTime);
        return new CmsSignatureVerifier(trust, Clock.systemUTC(), online).verify(CONTENT, cms, null);
    }

    /** A full registration of the LLC by the signer: canonical payload and CAdES-BES signature. */
    static SignedRegistrations.Signed registration(Signer s) throws Exception {
        QualifiedCertificate q = QualifiedCertificate.parse(s.cert());
        byte[] payload = PayloadCodec.canonicalBytes(PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(),
                SignedRegistrations.REGISTRY, "buh@romashka.test", "+74951234567", "Главный бухгалтер", Clock.systemUTC()));
        TokenKey key = s.token().keys().get(0);
        return new SignedRegistrations.Signed(payload, new RegistrationSigner().sign(payload, s.token(), key));
    }

    static Check revocation(VerificationReport r) {
        return r.check("certificate.revocation").orElseThrow();
    }
}
