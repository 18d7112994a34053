package dev.orgsign.bench;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.registry.store.RegisterImporter;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.registry.store.StoreRegistry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.RequestIdLedger;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link SignatureVerifier} on a full registration — payload schema, CMS, signature value,
 * chain to the root, validity, revocation by CRL, qualified profile, identity, authority and
 * organization against the EGRUL register, freshness — beside the raw BouncyCastle verification
 * of the same signature value over the same signed attributes with the same algorithm, in the
 * same run, for ECDSA P-256 and GOST R 34.10-2012 256. The goal is a verifier at no less than 80%
 * of the raw throughput: everything that depends only on certificates and registers is cached,
 * the signature itself never is.
 *
 * <p>The same payload is verified again and again, so the verifier is given a request-id ledger
 * that accepts every id (a real ledger would, rightly, fail freshness on the second call).
 *
 * <pre>scripts/bench -f 1 -wi 3 -i 5 SignatureVerifierBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureVerifierBenchmark {
    @Param({"EC_P256", "GOST_256"})
    public String key;

    /**
     * "memory": the extracts read into memory; "store": the same extracts imported into the register
     * store (an H2 file, or the store at system property {@code orgsign.bench.storeUrl}, e.g. one holding
     * millions of synthetic records, see {@link RegisterStoreScale}).
     */
    @Param({"memory", "store"})
    public String registry = "memory";

    /**
     * "anchors": the trust anchors of a folder; "list": a generated list of 600 accredited certification centres (signed, its
     * roots the anchors), so that certificate.qualified also judges the issuing centre's accreditation at signing time.
     */
    @Param({"anchors", "list"})
    public String trust = "anchors";

    private byte[] payload;
    private byte[] signature;
    private SignatureVerifier verifier;
    private byte[] signedAttributes;
    private byte[] signatureValue;
    private PublicKey publicKey;
    private String algorithm;

    @Setup(Level.Trial)
    public void sign() throws Exception {
        KeyKind kind = KeyKind.valueOf(key);
        Path dir = Files.createTempDirectory("orgsign-verify-bench-");
        TestPkiWriter.write(TestPki.get(), dir);
        Registry registry = "store".equals(this.registry) ? store(dir.resolve("registry/windows-1251"))
                : FnsExtractRegistry.load(dir.resolve("registry/windows-1251"));
        TrustMaterial trust = "list".equals(this.trust) ? TrustMaterial.load(null, List.of(dir.resolve("crl")), largeList(dir))
                : TrustMaterial.load(dir.resolve("trust"), List.of(dir.resolve("crl")));
        Path p12 = dir.resolve("personas").resolve(Persona.LLC_HEAD.slug()).resolve(kind.slug() + ".p12");
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(p12, "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey k = token.keys().get(0);
            payload = PayloadCodec.canonicalBytes(PayloadDraft.from(QualifiedCertificate.parse(k.certificate()),
                    OrganizationType.LLC, Fixtures.LLC.ogrn(), registry, "buh@romashka.test", "+74951234567", null,
                    Clock.systemUTC()));
            signature = new RegistrationSigner().sign(payload, token, k);
            algorithm = k.defaultSignatureAlgorithm().jcaName();
            publicKey = k.certificate().getPublicKey();
        }
        RequestIdLedger acceptsAll = (id, hash) -> true;
        verifier = new SignatureVerifier(trust, registry, acceptsAll, Clock.systemUTC(), Duration.ofDays(7));
        SignerInformation si = new CMSSignedData(new CMSProcessableByteArray(payload), signature)
                .getSignerInfos().getSigners().iterator().next();
        signedAttributes = si.getEncodedSignedAttributes();
        signatureValue = si.getSignature();
        VerificationReport r = verifier.verify(payload, signature);
        if (r.verdict() != Verdict.VERIFIED || !rawVerify()) {
            throw new IllegalStateException("the benchmark signature does not verify: " + r.checks());
        }
    }

    /** A signed list of 600 centres, the FNS test CA among them, read as the service reads it. */
    static dev.orgsign.core.trust.TrustList largeList(Path dir) throws Exception {
        dev.orgsign.testcerts.TrustListFixtures f = dev.orgsign.testcerts.TrustListFixtures.get();
        Path file = f.write(f.large(600), dir.resolve("tsl-600.xml"), true);
        return dev.orgsign.core.trust.TrustList.load(file, f.listSigner().certificate());
    }

    /** The extracts imported into a register store, read through {@link StoreRegistry} (its cache on). */
    private static Registry store(Path extracts) throws Exception {
        String url = System.getProperty("orgsign.bench.storeUrl");
        if (url == null) {
            url = "jdbc:h2:file:" + Files.createTempDirectory("orgsign-bench-store-").resolve("registry") + ";AUTO_SERVER=TRUE";
        }
        RegistryDatabase db = RegistryDatabase.open(url, 4);
        new RegisterImporter(db).importAll(List.of(extracts), new RegisterImporter.Progress() { });
        return new StoreRegistry(db);
    }

    @Benchmark
    public VerificationReport verifier() {
        VerificationReport r = verifier.verify(payload, signature);
        if (r.verdict() != Verdict.VERIFIED) {
            throw new IllegalStateException(r.checks().toString());
        }
        return r;
    }

    @Benchmark
    public boolean baselineRawSignatureVerify() throws Exception {
        if (!rawVerify()) {
            throw new IllegalStateException("raw verification failed");
        }
        return true;
    }

    private boolean rawVerify() throws Exception {
        Signature s = Signature.getInstance(algorithm, Providers.bouncyCastle());
        s.initVerify(publicKey);
        s.update(signedAttributes);
        return s.verify(signatureValue);
    }
}
