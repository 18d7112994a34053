package dev.orgsign.cli;

import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What the CLI tests share: the test PKI and register extracts on disk (one per JVM), real
 * SoftHSM tokens in the folder surefire names in SOFTHSM2_CONF, and running the command
 * in-process with captured output. PINs come from environment variables surefire sets
 * ({@code ORGSIGN_TEST_PIN}, {@code ORGSIGN_TEST_WRONG_PIN}, {@code ORGSIGN_TEST_STORE_PASSWORD}).
 */
final class CliFixture {
    static final String PIN_VAR = "ORGSIGN_TEST_PIN";
    static final String WRONG_PIN_VAR = "ORGSIGN_TEST_WRONG_PIN";
    static final String STORE_PASSWORD_VAR = "ORGSIGN_TEST_STORE_PASSWORD";
    static final String LLC_OGRN = "1027700132195";
    static final String IE_OGRNIP = "319774600123453";

    private static Path pki;

    private CliFixture() {
    }

    /** The output of one run. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** Runs {@code orgsign args} in this JVM without a terminal. */
    /**
     * A PKCS#12 keystore (password {@link TestPki#STORE_PASSWORD}) holding the key with the holder's certificate
     * alone, as tokens often do: the issuing CA's certificate must come from elsewhere.
     */
    static Path leafOnlyKeystore(Path dir, Credential c) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", c.privateKey(), TestPki.STORE_PASSWORD.toCharArray(), new X509Certificate[] {c.certificate()});
        Path p12 = dir.resolve("leaf-only.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, TestPki.STORE_PASSWORD.toCharArray());
        }
        return p12;
    }

    /**
     * The arguments of a non-interactive LLC registration by a key in a PKCS#12 keystore, signed and not submitted,
     * in English, followed by {@code more}.
     */
    static String[] registerWithKeystore(Path p12, Path out, String... more) throws Exception {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("register", "--type", "LLC", "--ogrn", LLC_OGRN,
                "--keystore", p12.toString(), "--pin-env", STORE_PASSWORD_VAR, "--registry", registry(), "--phone",
                "+74951234567", "--no-submit", "--out", out.toString(), "--lang", "en"));
        a.addAll(java.util.List.of(more));
        return a.toArray(String[]::new);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Orgsign.run(args, Terminal.none(), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    /** The test PKI written by {@link TestPkiWriter} (trust/, crl/, personas/, registry/). */
    static synchronized Path pki() throws Exception {
        if (pki == null) {
            Path dir = Files.createTempDirectory(Path.of("target"), "pki-");
            TestPkiWriter.write(TestPki.get(), dir);
            pki = dir.toAbsolutePath();
        }
        return pki;
    }

    /** A verification service over the test PKI: {@code workers} 0 takes submissions in and never decides. */
    static dev.orgsign.service.ServiceConfig.Builder service(Path data, int port, int workers) throws Exception {
        Path pki = pki();
        return dev.orgsign.service.ServiceConfig.builder().port(port).dataDir(data).workers(workers)
                .trust(pki.resolve("trust")).crls(java.util.List.of(pki.resolve("crl")))
                .registry(pki.resolve("registry/utf-8"));
    }

    static String registry() throws Exception {
        return pki().resolve("registry/utf-8").toString();
    }

    /** A fresh SoftHSM token with the given personas' keys (from the same PKI as {@link #pki()}). */
    static ProvisionedToken token(String prefix, Persona... personas) throws Exception {
        assumeFalse(SoftHsm.skipRequested(), "ORGSIGN_SKIP_SOFTHSM=1");
        return SoftHsm.fromEnvironment().provision(prefix + "-" + Long.toHexString(System.nanoTime()),
                SoftHsm.USER_PIN, TestPki.get(), EnumSet.of(personas[0], personas));
    }

    static String module() {
        return SoftHsm.library().toString();
    }
}
