package dev.orgsign.samples;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test PKI and register extracts on disk, and the verification service started embedded on
 * an ephemeral port over them (H2 store in a fresh folder).
 */
final class TestWorld {
    private TestWorld() {
    }

    /** Writes the test PKI into {@code dir}, plus {@code cas/}: the root and the FNS CA, as a trusted list gives them. */
    static Path write(Path dir) throws IOException {
        TestPkiWriter.write(TestPki.get(), dir);
        Path cas = Files.createDirectories(dir.resolve("cas"));
        Files.copy(dir.resolve("trust/root-ca.pem"), cas.resolve("root-ca.pem"));
        Files.copy(dir.resolve("ca/fns-ca.pem"), cas.resolve("fns-ca.pem"));
        return dir;
    }

    /** Starts the service over a PKI folder {@link #write} made. */
    static VerificationServer service(Path pki) throws IOException, OrgsignException {
        Path data = Files.createTempDirectory("orgsign-samples-service-");
        return VerificationServer.start(ServiceConfig.builder().dataDir(data).trust(pki.resolve("cas"))
                .crls(List.of(pki.resolve("crl"))).registry(pki.resolve("registry/utf-8")).build());
    }
}
