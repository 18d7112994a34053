package dev.orgsign.bench;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.service.Rate;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The verification service as the service benchmarks run it: a test PKI and register written to a
 * temporary folder, the service on an embedded H2 file or on a fresh PostgreSQL database made
 * through the role of {@code ORGSIGN_TEST_PG_URL} (default the one {@code scripts/setup} creates),
 * limits opened wide (one client sending to one recipient as fast as it can), and registrations
 * of the LLC head (P-256) signed on demand, each with a new request id.
 */
final class BenchService implements AutoCloseable {
    private final String pgAdmin;
    private final String pgName;
    private final RegistrationPayload template;
    private final KeyStoreSigningToken token;
    private final TokenKey key;
    private final Registry registry;
    private final TrustMaterial trust;
    private final VerificationServer server;

    /**
     * Writes the PKI and starts the service.
     *
     * @param store   {@code h2} or {@code postgresql}
     * @param workers the service's verification workers
     */
    BenchService(String store, int workers) throws Exception {
        Path dir = Files.createTempDirectory("orgsign-service-bench-");
        TestPkiWriter.write(TestPki.get(), dir.resolve("pki"));
        registry = FnsExtractRegistry.load(dir.resolve("pki/registry/utf-8"));
        trust = TrustMaterial.load(dir.resolve("pki/trust"), List.of(dir.resolve("pki/crl")));
        QualifiedCertificate q = QualifiedCertificate.parse(TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate());
        template = PayloadDraft.from(q, OrganizationType.LLC, Fixtures.LLC.ogrn(), registry, "bench@romashka.test",
                "+74951234567", null, Clock.systemUTC());
        token = KeyStoreSigningToken.ofFile(dir.resolve("pki/personas/llc-head/" + KeyKind.EC_P256.slug() + ".p12"), "PKCS12");
        token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
        key = token.keys().get(0);
        ServiceConfig.Builder config = ServiceConfig.builder().dataDir(dir.resolve("data")).trust(dir.resolve("pki/trust"))
                .crls(List.of(dir.resolve("pki/crl"))).registry(dir.resolve("pki/registry/utf-8")).workers(workers)
                .maxPending(1_000_000)
                // one client sending to one recipient as fast as it can: the rate limits would be the whole measurement
                .perClient(new Rate(1_000_000_000, Duration.ofSeconds(1))).perRecipient(new Rate(1_000_000_000, Duration.ofSeconds(1)));
        if (store.equals("postgresql")) {
            pgAdmin = System.getenv().getOrDefault("ORGSIGN_TEST_PG_URL",
                    "jdbc:postgresql://127.0.0.1:5432/orgsign_test?user=orgsign&password=orgsign");
            pgName = "orgsign_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgAdmin); java.sql.Statement st = c.createStatement()) {
                st.execute("create database " + pgName);
            }
            int query = pgAdmin.indexOf('?');
            String base = query < 0 ? pgAdmin : pgAdmin.substring(0, query);
            config.jdbcUrl(base.substring(0, base.lastIndexOf('/') + 1) + pgName + (query < 0 ? "" : pgAdmin.substring(query)));
        } else {
            pgAdmin = null;
            pgName = null;
        }
        server = VerificationServer.start(config.build());
    }

    VerificationServer server() {
        return server;
    }

    /** @return a verifier over the same trust and register, with an in-memory ledger (the baseline) */
    SignatureVerifier inProcessVerifier() {
        return new SignatureVerifier(trust, registry);
    }

    /**
     * Signs {@code n} fresh registrations.
     *
     * @return payload and signature of each
     */
    List<byte[][]> sign(int n) throws Exception {
        RegistrationSigner signer = new RegistrationSigner();
        List<byte[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] payload = PayloadCodec.canonicalBytes(new RegistrationPayload(UUID.randomUUID(), template.createdAt(),
                    template.organization(), template.head(), template.contact()));
            out.add(new byte[][] {payload, signer.sign(payload, token, key)});
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        server.close();
        token.close();
        if (pgName != null) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgAdmin); java.sql.Statement st = c.createStatement()) {
                st.execute("drop database if exists " + pgName + " with (force)");
            }
        }
    }
}
