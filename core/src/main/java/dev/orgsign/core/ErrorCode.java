package dev.orgsign.core;

/**
 * Stable machine-readable codes for every failure orgsign reports, each tied to the exit code
 * of the {@code orgsign} command (DESIGN.md): 1 internal, 2 usage or bad input, 3 token or PIN,
 * 4 signer not entitled, 5 rejected by verification, 6 service unreachable or timed out.
 */
public enum ErrorCode {
    INTERNAL(1),
    USAGE(2),
    INVALID_INPUT(2),
    INVALID_IDENTIFIER(2),
    INVALID_CERTIFICATE(2),
    INVALID_REGISTRY(2),
    INVALID_PAYLOAD(2),
    INVALID_SIGNATURE(2),
    IO(2),
    MODULE_NOT_FOUND(3),
    MODULE_INVALID(3),
    TOKEN_NOT_PRESENT(3),
    TOKEN_AMBIGUOUS(3),
    TOKEN_REMOVED(3),
    TOKEN_ERROR(3),
    KEY_NOT_FOUND(3),
    KEY_AMBIGUOUS(3),
    KEY_NOT_USABLE(3),
    MECHANISM_UNSUPPORTED(3),
    PIN_INCORRECT(3),
    PIN_LOCKED(3),
    PIN_LEN_RANGE(3),
    PIN_FINAL_TRY(3),
    PIN_MISSING(3),
    PIN_EXPIRED(3),
    SESSION_CLOSED(3),
    NOT_LOGGED_IN(3),
    NOT_ENTITLED(4),
    AUTHORITY_UNKNOWN(4),
    REJECTED(5),
    SERVICE_UNREACHABLE(6),
    SERVICE_TIMEOUT(6),
    SERVICE_ERROR(6);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit code of the {@code orgsign} command for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
