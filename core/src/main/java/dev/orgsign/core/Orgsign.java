package dev.orgsign.core;

import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.verify.DocumentVerifier;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.TrustMaterial;

import java.nio.file.Path;
import java.util.List;

/**
 * The entry point for programs that embed orgsign. The common path, with a token opened by the
 * orgsign-pkcs11 module ({@code Pkcs11Tokens.open}) or {@link #keystore(Path)}:
 *
 * <pre>{@code
 * SignedRegistration signed = Orgsign.registration(token)
 *         .login(PinCallbacks.environment("ORGSIGN_PIN"))
 *         .key("llc-head")                                  // id or label; omit for the only key
 *         .organization(OrganizationType.LLC, "1027700132195")
 *         .registry(Path.of("registry"))                    // EGRUL / EGRIP extracts
 *         .contact("buh@romashka.example", "+74951234567")
 *         .sign();                                          // checks the signer's authority first
 * signed.writeTo(Path.of("out"));
 * }</pre>
 */
public final class Orgsign {
    private Orgsign() {
    }

    /**
     * Starts a registration signed on {@code token}. The token stays the caller's to close.
     *
     * @param token a PKCS#11 token, a keystore, any {@link SigningToken}
     * @return a registration to fill in
     */
    public static Registration registration(SigningToken token) {
        return new Registration(token);
    }

    /**
     * A software token over a PKCS#12 file; its password is asked for at login.
     *
     * @param pkcs12 the file
     * @return the token, to be closed by the caller
     * @throws OrgsignException IO when the file does not exist
     */
    public static KeyStoreSigningToken keystore(Path pkcs12) throws OrgsignException {
        return KeyStoreSigningToken.ofFile(pkcs12, "PKCS12");
    }

    /**
     * A verifier with the trust anchors, CRLs and register extracts found at these paths, an
     * in-memory request-id ledger and a 7-day signing-time window.
     *
     * @param trust    a root certificate file or a folder of them
     * @param crls     CRL files or folders
     * @param registry an EGRUL / EGRIP extract or a folder of them
     * @return the verifier
     * @throws OrgsignException IO, INVALID_INPUT or INVALID_REGISTRY when something cannot be read
     */
    public static SignatureVerifier verifier(Path trust, List<Path> crls, Path registry) throws OrgsignException {
        return new SignatureVerifier(TrustMaterial.load(trust, crls), FnsExtractRegistry.load(registry));
    }

    /**
     * A verifier of any signed document — a contract, a receipt, a document from the tax service —
     * attached or detached, without a registration's checks, offline.
     *
     * @param trust a root certificate file or a folder of them
     * @param crls  CRL files or folders
     * @return the verifier
     * @throws OrgsignException IO or INVALID_INPUT when something cannot be read
     */
    public static DocumentVerifier documentVerifier(Path trust, List<Path> crls) throws OrgsignException {
        return new DocumentVerifier(TrustMaterial.load(trust, crls), java.time.Clock.systemUTC(), null);
    }
}
