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
    private static final Texts T = Texts.of(OrgsignException.class);
    /** The file name of the canonical payload that {@link #writeTo} writes. */
    public static final String PAYLOAD_FILE = "registration.json";
    /** The file name of the DER CMS signature that {@link #writeTo} writes. */
    public static final String SIGNATURE_FILE = "registration.json.sig";
    /** The file name of the signed application PDF that {@link #writeTo} writes when there is one. */
    public static final String APPLICATION_FILE = "registration.pdf";

    private final RegistrationPayload payload;
    private final byte[] canonicalPayload;
    private final byte[] signature;
    private final TokenKey key;
    private final AuthorityDecision decision;
    private final byte[] application;

    SignedRegistration(RegistrationPayload payload, byte[] canonicalPayload, byte[] signature, TokenKey key,
                       AuthorityDecision decision, byte[] application) {
        this.payload = payload;
        this.canonicalPayload = canonicalPayload.clone();
        this.signature = signature.clone();
        this.key = key;
        this.decision = decision;
        this.application = application == null ? null : application.clone();
    }

    /** {@return the signed application PDF (a copy), or null when {@link Registration#application} was not asked} */
    public byte[] application() {
        return application == null ? null : application.clone();
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
     * Writes {@value #PAYLOAD_FILE}, {@value #SIGNATURE_FILE} and, when there is one,
     * {@value #APPLICATION_FILE} into {@code dir} (created when missing, owner-only), each through a
     * temporary file so that a reader never sees half a file, readable by the owner only (they hold
     * personal data).
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
            if (application != null) {
                PrivateFiles.write(dir.resolve(APPLICATION_FILE), application);
            }
            return json;
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("registration.unwritable", dir, IoFailures.reason(e)), e);
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
        return submit(client, wait, AwaitProgress.none());
    }

    /**
     * Submits this registration and, unless {@code wait} is zero, follows it to its verdict,
     * telling {@code progress} of each poll.
     *
     * @param client   the client
     * @param wait     how long to wait for the verdict; zero to return at once
     * @param progress told after every poll
     * @return the submission
     * @throws OrgsignException as {@link #submit(URI, Duration)}
     */
    public Submission submit(VerificationClient client, Duration wait, AwaitProgress progress) throws OrgsignException {
        Submission accepted = client.submit(canonicalPayload, signature);
        return wait.isZero() || !accepted.pending() ? accepted : client.await(accepted, wait, progress);
    }
}
