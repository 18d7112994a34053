package dev.orgsign.pkcs11;

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

    String afterWrongPin() {
        if (locked) {
            return " The token has now locked the PIN.";
        }
        if (finalTry) {
            return " One more wrong PIN will lock the token.";
        }
        if (countLow) {
            return " The token reports that wrong PINs have been entered; it locks after a few more.";
        }
        return "";
    }

    String lengthRange() {
        return minLength > 0 && maxLength > 0 && maxLength < 1000 ? " (it takes " + minLength + " to " + maxLength + " characters)" : "";
    }
}
