package dev.orgsign.cli;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.verify.OnlineRevocation;
import dev.orgsign.core.verify.RequestIdLedger;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a verification is made against, shared by {@code verify} and {@code serve}: the trust
 * anchors ({@code --trust}) and the ministry's list of accredited certification centres
 * ({@code --trust-list}, whose roots are anchors too; one of the two is needed), the CRLs ({@code --crl}, repeatable) and the register extracts
 * ({@code --registry}, or the register store with {@code --registry-db}; needed for registrations, not for
 * other signed documents), each a file or a folder, and whether to go online ({@code --online}: OCSP,
 * then the CRL distribution point; missing CA certificates from their AIA URL).
 */
public final class VerificationOptions {
    @Option(names = "--trust", paramLabel = "PATH", descriptionKey = "opt.trust")
    Path trust;

    @Mixin
    TrustListOptions trustList = new TrustListOptions();

    @Option(names = "--crl", paramLabel = "FILE", descriptionKey = "opt.crl")
    List<Path> crls = new ArrayList<>();

    @Mixin
    RegistrySource registry = new RegistrySource();

    @Option(names = "--online", descriptionKey = "opt.online")
    boolean online;

    /**
     * The trust anchors.
     *
     * @return the file or folder given with {@code --trust}
     */
    public Path trust() {
        return trust;
    }

    /**
     * The list of accredited certification centres and its signer's certificate.
     *
     * @return the {@code --trust-list} options
     */
    public TrustListOptions trustList() {
        return trustList;
    }

    /**
     * The CRL files.
     *
     * @return the files or folders given with {@code --crl}, possibly none
     */
    public List<Path> crls() {
        return List.copyOf(crls);
    }

    /**
     * The register extracts.
     *
     * @return the file or folder given with {@code --registry}, or null when the store is used
     */
    public Path registry() {
        return registry.path();
    }

    /**
     * Where the register comes from: {@code --registry} or {@code --registry-db}.
     *
     * @return the source
     */
    public RegistrySource registrySource() {
        return registry;
    }

    /**
     * Whether revocation is checked online ({@code --online}): when no current CRL of the signer's
     * issuer was given, the OCSP responder the certificate names is asked, then the CRL at its
     * distribution point is fetched.
     *
     * @return true with {@code --online}
     */
    public boolean online() {
        return online;
    }

    /**
     * A verifier over these options, with the in-memory request-id ledger, the system clock and a
     * 7-day signing-time window; it checks revocation online with {@code --online}.
     *
     * @param registry the register ({@link RegistrySource#open})
     * @return a verifier that has read the trust anchors and the CRLs
     * @throws OrgsignException when a file cannot be read or is not what it should be
     */
    public SignatureVerifier verifier(Registry registry) throws OrgsignException {
        return verifier(registry, List.of());
    }

    /**
     * A verifier as {@link #verifier(Registry)} whose chains may be completed with further CA certificates.
     *
     * @param registry the register ({@link RegistrySource#open})
     * @param caFiles  CA certificate files or folders ({@code --ca}) that complete chains (not trusted by themselves)
     * @return a verifier that has read the trust anchors, the CA certificates and the CRLs
     * @throws OrgsignException when a file cannot be read or is not what it should be
     */
    public SignatureVerifier verifier(Registry registry, List<Path> caFiles) throws OrgsignException {
        return new SignatureVerifier(trustMaterial(caFiles), registry,
                RequestIdLedger.inMemory(), Clock.systemUTC(), Duration.ofDays(7), online ? OnlineRevocation.defaults() : null);
    }

    /**
     * The trust anchors and CRLs of these options, with CA certificates that complete chains.
     *
     * @param caFiles CA certificate files or folders ({@code --ca})
     * @return the trust material
     * @throws OrgsignException when a file cannot be read or is not what it should be
     */
    public TrustMaterial trustMaterial(List<Path> caFiles) throws OrgsignException {
        return TrustMaterial.load(trust, crls, trustList.load()).withIntermediates(caFiles);
    }
}
