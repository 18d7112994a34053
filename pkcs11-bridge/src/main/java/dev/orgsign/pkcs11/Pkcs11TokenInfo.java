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

    /**
     * Whether {@code other} is the same token, wherever it is now (slot ids may change between two
     * initializations of a module, and one token may be reached through two modules).
     *
     * @param other a token as another listing reported it
     * @return true when label, serial, model and manufacturer agree
     */
    public boolean sameToken(Pkcs11TokenInfo other) {
        return label.equals(other.label) && serial.equals(other.serial) && model.equals(other.model)
                && manufacturer.equals(other.manufacturer);
    }

    /** {@return "model 'label', serial S": how messages name the token} */
    public String describe() {
        return (model.isBlank() ? "token" : model) + " '" + label + "', serial " + serial;
    }
}
