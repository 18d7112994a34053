package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A registration signed by {@link Registration#sign()}: the canonical payload bytes (what was
 * signed), the detached CAdES-BES signature, and what led to them.
 */
public final class SignedRegistration {
    /** The file name of the canonical payload that {@link #writeTo} writes. */
    public static final String PAYLOAD_FILE = "registration.json";
    /** The file name of the DER CMS signature that {@link #writeTo} writes. */
    public static final String SIGNATURE_FILE = "registration.json.sig";

    private final RegistrationPayload payload;
    private final byte[] canonicalPayload;
    private final byte[] signature;
    private final TokenKey key;
    private final AuthorityDecision decision;

    SignedRegistration(RegistrationPayload payload, byte[] canonicalPayload, byte[] signature, TokenKey key,
                       AuthorityDecision decision) {
        this.payload = payload;
        this.canonicalPayload = canonicalPayload.clone();
        this.signature = signature.clone();
        this.key = key;
        this.decision = decision;
    }

    /** {@return the registration as data} */
    public RegistrationPayload payload() {
        return payload;
    }

    /** {@return the RFC 8785 canonical JSON bytes that were signed (a copy)} */
    public byte[] canonicalPayload() {
        return canonicalPayload.clone();
    }

    /** {@return the DER encoding of the detached CMS SignedData (a copy)} */
    public byte[] signature() {
        return signature.clone();
    }

    /** {@return the key that signed} */
    public TokenKey key() {
        return key;
    }

    /** {@return the authority decision made before signing (always ENTITLED)} */
    public AuthorityDecision decision() {
        return decision;
    }

    /**
     * Writes {@value #PAYLOAD_FILE} and {@value #SIGNATURE_FILE} into {@code dir} (created when
     * missing), each through a temporary file so that a reader never sees half a file.
     *
     * @param dir the output folder
     * @return the payload file; the signature lies beside it
     * @throws OrgsignException IO when the folder cannot be written
     */
    public Path writeTo(Path dir) throws OrgsignException {
        try {
            Files.createDirectories(dir);
            Path json = write(dir, PAYLOAD_FILE, canonicalPayload);
            write(dir, SIGNATURE_FILE, signature);
            return json;
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The signed registration cannot be written to " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.write(tmp, bytes);
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Verifies this registration offline, as the service would (every check of DESIGN.md).
     *
     * @param verifier a verifier with the trust anchors, CRLs and register
     * @return the report with every check
     */
    public VerificationReport verify(SignatureVerifier verifier) {
        return verifier.verify(canonicalPayload, signature);
    }
}
