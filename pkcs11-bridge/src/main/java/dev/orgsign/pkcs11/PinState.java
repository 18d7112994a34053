package dev.orgsign.pkcs11;

import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

/**
 * What a token says about its user PIN (the CKF_USER_PIN_* flags of CK_TOKEN_INFO) and the PIN
 * length it accepts.
 */
public record PinState(boolean countLow, boolean finalTry, boolean locked, boolean toBeChanged,
                       long minLength, long maxLength) {
    static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;
    static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;
    static final long CKF_USER_PIN_LOCKED = 0x00040000L;
    static final long CKF_USER_PIN_TO_BE_CHANGED = 0x00080000L;

    static PinState of(long flags, long min, long max) {
        return new PinState((flags & CKF_USER_PIN_COUNT_LOW) != 0, (flags & CKF_USER_PIN_FINAL_TRY) != 0,
                (flags & CKF_USER_PIN_LOCKED) != 0, (flags & CKF_USER_PIN_TO_BE_CHANGED) != 0, min, max);
    }

    /** {@return a short word for listings: ok, count-low, final-try, locked, must-change} */
    public String summary() {
        return locked ? "locked" : finalTry ? "final-try" : countLow ? "count-low" : toBeChanged ? "must-change" : "ok";
    }

    Text afterWrongPin() {
        Texts t = Texts.of(PinState.class);
        if (locked) {
            return t.text("pin.nowLocked");
        }
        if (finalTry) {
            return t.text("pin.nowFinalTry");
        }
        if (countLow) {
            return t.text("pin.nowCountLow");
        }
        return locale -> "";
    }

    Text lengthRange() {
        return minLength > 0 && maxLength > 0 && maxLength < 1000
                ? Texts.of(PinState.class).text("pin.lengthRange", minLength, maxLength) : locale -> "";
    }
}
