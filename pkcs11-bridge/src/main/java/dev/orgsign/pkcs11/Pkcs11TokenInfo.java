package dev.orgsign.pkcs11;

/**
 * A token as a slot reports it.
 *
 * @param slotId                 the PKCS#11 slot id
 * @param protectedAuthPath      the token has its own PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH)
 * @param loginRequired          the token needs a login before private objects are used
 */
public record Pkcs11TokenInfo(long slotId, String label, String manufacturer, String model, String serial,
                              boolean loginRequired, boolean protectedAuthPath, PinState pin) {

    /** {@return "model 'label', serial S": how messages name the token} */
    public String describe() {
        return (model.isBlank() ? "token" : model) + " '" + label + "', serial " + serial;
    }
}
