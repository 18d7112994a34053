package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Turns what a token returns into sentences a person can act on, keeping the {@code CKR_*}
 * value in {@link OrgsignException#pkcs11ReturnCode()}.
 */
public final class Pkcs11Errors {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    static final long CKR_FUNCTION_CANCELED = 0x50;
    static final long CKR_DEVICE_ERROR = 0x30;
    static final long CKR_DEVICE_REMOVED = 0x32;
    static final long CKR_KEY_TYPE_INCONSISTENT = 0x63;
    static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
    static final long CKR_MECHANISM_INVALID = 0x70;
    static final long CKR_PIN_INCORRECT = 0xA0;
    static final long CKR_PIN_INVALID = 0xA1;
    static final long CKR_PIN_LEN_RANGE = 0xA2;
    static final long CKR_PIN_EXPIRED = 0xA3;
    static final long CKR_PIN_LOCKED = 0xA4;
    static final long CKR_SESSION_CLOSED = 0xB0;
    static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
    static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
    static final long CKR_TOKEN_NOT_RECOGNIZED = 0xE1;
    static final long CKR_USER_NOT_LOGGED_IN = 0x101;
    static final long CKR_USER_PIN_NOT_INITIALIZED = 0x102;

    private Pkcs11Errors() {
    }

    /**
     * The exception for a failed token call.
     *
     * @param e      what the wrapper threw
     * @param token  the token, as the user knows it ("Rutoken ECP 2.0 'Ромашка', serial 3a1f…")
     * @param action what orgsign was doing: a key of the bundle's {@code action.*} sentences
     *               ({@code signing}, {@code login}, {@code keys}, {@code session}, {@code init},
     *               {@code tokens}, {@code slots}, {@code info})
     * @param state  the PIN state read after the failure, for the wrong-PIN sentence; may be null
     * @return the exception, with a sentence for the user and the {@code CKR_*} value
     */
    public static OrgsignException of(TokenException e, Text token, String action, PinState state) {
        Text doing = T.text("action." + action);
        if (!(e instanceof PKCS11Exception p)) {
            return new OrgsignException(ErrorCode.TOKEN_ERROR, T.text("error.failedWhile", token, doing, e.getMessage()), e);
        }
        long ckr = p.getErrorCode();
        String name = p.getErrorName();
        Text sentence;
        ErrorCode code;
        if (ckr == CKR_PIN_INCORRECT || ckr == CKR_PIN_INVALID) {
            code = ErrorCode.PIN_INCORRECT;
            sentence = T.text("error.pinIncorrect", token, state == null ? "" : state.afterWrongPin());
        } else if (ckr == CKR_PIN_LOCKED) {
            code = ErrorCode.PIN_LOCKED;
            sentence = T.text("error.pinLocked", token);
        } else if (ckr == CKR_PIN_LEN_RANGE) {
            code = ErrorCode.PIN_LEN_RANGE;
            sentence = T.text("error.pinLength", token, state == null ? "" : state.lengthRange());
        } else if (ckr == CKR_PIN_EXPIRED) {
            code = ErrorCode.PIN_EXPIRED;
            sentence = T.text("error.pinExpired", token);
        } else if (ckr == CKR_USER_PIN_NOT_INITIALIZED) {
            code = ErrorCode.PIN_LOCKED;
            sentence = T.text("error.pinNotInitialized", token);
        } else if (ckr == CKR_DEVICE_REMOVED || ckr == CKR_TOKEN_NOT_PRESENT) {
            code = ErrorCode.TOKEN_REMOVED;
            sentence = T.text("error.removed", token);
        } else if (ckr == CKR_TOKEN_NOT_RECOGNIZED) {
            code = ErrorCode.TOKEN_NOT_PRESENT;
            sentence = T.text("error.notRecognized");
        } else if (ckr == CKR_SESSION_CLOSED || ckr == CKR_SESSION_HANDLE_INVALID) {
            code = ErrorCode.SESSION_CLOSED;
            sentence = T.text("error.sessionClosed", token);
        } else if (ckr == CKR_USER_NOT_LOGGED_IN) {
            code = ErrorCode.NOT_LOGGED_IN;
            sentence = T.text("error.notLoggedIn", token, doing);
        } else if (ckr == CKR_KEY_FUNCTION_NOT_PERMITTED || ckr == CKR_KEY_TYPE_INCONSISTENT) {
            code = ErrorCode.KEY_NOT_USABLE;
            sentence = T.text("error.keyNotAllowed", token);
        } else if (ckr == CKR_MECHANISM_INVALID) {
            code = ErrorCode.MECHANISM_UNSUPPORTED;
            sentence = T.text("error.mechanism", token, doing);
        } else if (ckr == CKR_FUNCTION_CANCELED) {
            code = ErrorCode.PIN_MISSING;
            sentence = T.text("error.padCancelled");
        } else {
            code = ErrorCode.TOKEN_ERROR;
            sentence = T.text("error.failed", token, doing, name);
        }
        return new OrgsignException(code, sentence, e, ckr);
    }
}
