package dev.orgsign.core;

/**
 * Stable machine-readable codes for every failure orgsign reports, each tied to the exit code
 * of the {@code orgsign} command (docs/design.md): 1 internal, 2 usage or bad input, 3 token or PIN,
 * 4 signer not entitled, 5 rejected by verification, 6 service unreachable or timed out, 7 no such
 * submission, 8 cancelled by the person at the keyboard (nothing signed).
 */
public enum ErrorCode {
    /** A fault inside orgsign or its libraries (a bug); exit 1. */
    INTERNAL(1),
    /** The program or the caller used orgsign wrongly: a missing option, a step left out. */
    USAGE(2),
    /** Input that cannot be used as given (a file of the wrong kind, an unknown value). */
    INVALID_INPUT(2),
    /** An OGRN, OGRNIP, INN, KPP or SNILS with a wrong length or check digit. */
    INVALID_IDENTIFIER(2),
    /** A certificate that cannot be read, or not in the qualified profile where one is required. */
    INVALID_CERTIFICATE(2),
    /** Register extracts that cannot be read or are not EGRUL / EGRIP XML. */
    INVALID_REGISTRY(2),
    /** A registration payload that does not follow the schema. */
    INVALID_PAYLOAD(2),
    /** A signature that cannot be read as CMS. */
    INVALID_SIGNATURE(2),
    /** A file or folder that cannot be read or written. */
    IO(2),
    /** No PKCS#11 module was found or given. */
    MODULE_NOT_FOUND(3),
    /** The file given is not a PKCS#11 module for this machine. */
    MODULE_INVALID(3),
    /** The module is there but not set up: its configuration file or token folder is missing (SoftHSM). */
    MODULE_NOT_CONFIGURED(3),
    /**
     * The module is known to crash through the PKCS#11 3.0 entry point ({@code C_GetInterfaceList}),
     * and this process was not started to use the 2.40 one ({@code C_GetFunctionList}).
     */
    MODULE_NEEDS_PKCS11_V2(3),
    /** No token, or none with the label or serial given, is inserted. */
    TOKEN_NOT_PRESENT(3),
    /** Several tokens are inserted and none was chosen. */
    TOKEN_AMBIGUOUS(3),
    /** The token was removed while in use. */
    TOKEN_REMOVED(3),
    /** The token or its module reported an error. */
    TOKEN_ERROR(3),
    /** No key with the id or label given, or no key that can sign. */
    KEY_NOT_FOUND(3),
    /** Several keys could sign and none was chosen. */
    KEY_AMBIGUOUS(3),
    /** The key cannot make the signature asked for (algorithm, missing certificate). */
    KEY_NOT_USABLE(3),
    /** The token offers no PKCS#11 mechanism for the signature algorithm. */
    MECHANISM_UNSUPPORTED(3),
    /** The PIN (or keystore password) was wrong. */
    PIN_INCORRECT(3),
    /** The PIN is locked; no login was attempted. */
    PIN_LOCKED(3),
    /** The PIN has a length the token does not accept. */
    PIN_LEN_RANGE(3),
    /** The next wrong PIN would lock the token, and the final try was not allowed. */
    PIN_FINAL_TRY(3),
    /** No PIN could be had (no terminal, variable or file unset), or the user declined. */
    PIN_MISSING(3),
    /** The token requires the PIN to be changed first. */
    PIN_EXPIRED(3),
    /** The session with the token was closed underneath. */
    SESSION_CLOSED(3),
    /** An operation that needs a login was attempted before it. */
    NOT_LOGGED_IN(3),
    /** The register says the signer may not register the organization; exit 4. */
    NOT_ENTITLED(4),
    /** The register does not know the organization, so authority cannot be established; exit 4. */
    AUTHORITY_UNKNOWN(4),
    /** Verification rejected the registration; exit 5. */
    REJECTED(5),
    /** The verification service cannot be reached; exit 6. */
    SERVICE_UNREACHABLE(6),
    /** The service gave no verdict within the time allowed; exit 6. */
    SERVICE_TIMEOUT(6),
    /** The service answered with an error; exit 6. */
    SERVICE_ERROR(6),
    /** The service does not know the submission (a mistyped id, or another service); exit 7. */
    SUBMISSION_NOT_FOUND(7),
    /** The person at the keyboard declined (or ended the input) before anything was signed; exit 8. */
    CANCELLED(8);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** {@return the exit code of the {@code orgsign} command for this failure} */
    public int exitCode() {
        return exitCode;
    }
}
