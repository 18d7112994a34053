package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.client.AwaitProgress;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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
     * missing, owner-only), each through a temporary file so that a reader never sees half a file,
     * readable by the owner only (they hold personal data).
     *
     * @param dir the output folder
     * @return the payload file; the signature lies beside it
     * @throws OrgsignException IO when the folder cannot be written
     */
    public Path writeTo(Path dir) throws OrgsignException {
        try {
            PrivateFiles.folder(dir);
            Path json = PrivateFiles.write(dir.resolve(PAYLOAD_FILE), canonicalPayload);
            PrivateFiles.write(dir.resolve(SIGNATURE_FILE), signature);
            return json;
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The signed registration cannot be written to " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Verifies this registration offline, as the service would (every check of docs/design.md).
     *
     * @param verifier a verifier with the trust anchors, CRLs and register
     * @return the report with every check
     */
    public VerificationReport verify(SignatureVerifier verifier) {
        return verifier.verify(canonicalPayload, signature);
    }

    /**
     * Submits this registration to a verification service and, unless {@code wait} is zero,
     * follows it to its verdict.
     *
     * @param endpoint the service's base address, e.g. {@code https://verify.example/}
     * @param wait     how long to wait for the verdict; zero to return at once, still pending
     * @return the submission: VERIFIED or REJECTED with its checks, or PENDING when not waited for
     * @throws OrgsignException SERVICE_UNREACHABLE, SERVICE_TIMEOUT (no verdict within {@code wait}),
     *                          SERVICE_ERROR when the service refuses the submission
     */
    public Submission submit(URI endpoint, Duration wait) throws OrgsignException {
        return submit(new VerificationClient(endpoint), wait);
    }

    /**
     * Submits this registration through a configured client (a private TLS trust store, a proxy)
     * and, unless {@code wait} is zero, follows it to its verdict.
     *
     * @param client the client
     * @param wait   how long to wait for the verdict; zero to return at once
     * @return the submission
     * @throws OrgsignException as {@link #submit(URI, Duration)}
     */
    public Submission submit(VerificationClient client, Duration wait) throws OrgsignException {
        Submission accepted = client.submit(canonicalPayload, signature);
        return wait.isZero() || !accepted.pending() ? accepted : client.await(accepted, wait, AwaitProgress.none());
    }
}
