package dev.orgsign.pkcs11;

import dev.orgsign.core.Texts;

import java.util.Locale;

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

    /** {@return "model 'label', serial S": how messages name the token, in English} */
    public String describe() {
        return describe(Locale.ENGLISH);
    }

    /**
     * How messages name the token in the reader's language.
     *
     * @param locale the reader's locale (Russian for {@code ru}, English otherwise)
     * @return "model 'label', serial S" or "model «label», серийный номер S"
     */
    public String describe(Locale locale) {
        Texts t = Texts.of(Pkcs11TokenInfo.class);
        return t.format(locale, "token.description", model.isBlank() ? t.format(locale, "token.unnamedModel") : model,
                label, serial);
    }
}
