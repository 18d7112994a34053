package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;

import java.util.List;

/**
 * The interactive steps of a {@link Registration}: the flow (key, organization, authority check
 * before the PIN, login, contact, the payload, confirmation, signing) is the library's; a dialog
 * only answers what the caller did not give and hears what happens. A program that gives
 * everything needs none ({@link #NONE}); the {@code orgsign register} wizard is one that asks a
 * person on a terminal. Each method is called only for what is missing, never for what the
 * caller gave, and the values it returns are checked by the flow as a caller's would be.
 */
public interface RegistrationDialog {
    /** The dialog of a program that gives everything: nothing is asked, nothing is told. */
    RegistrationDialog NONE = new RegistrationDialog() {
    };

    /**
     * A key the person may choose, and whether the register confirms its holder.
     *
     * @param key      the key, with its certificate
     * @param entitled whether the register lists the certificate's holder as entitled to act for
     *                 the organization (for the organization named, else the certificate's own)
     */
    record KeyChoice(TokenKey key, boolean entitled) {
    }

    /**
     * Whether this dialog asks a person. A dialog that does not is told nothing it could answer,
     * and the flow names every missing value before the PIN is used.
     *
     * @return true for a person at a terminal
     */
    default boolean interactive() {
        return false;
    }

    /**
     * Chooses the signing key when none was named and the token holds several.
     *
     * @param choices the keys with a certificate, those the register confirms first
     * @return the index of the key chosen, or -1 to leave the choice unmade (then the flow refuses
     *         with KEY_AMBIGUOUS, listing the keys)
     * @throws OrgsignException when the person gives up
     */
    default int chooseKey(List<KeyChoice> choices) throws OrgsignException {
        return -1;
    }

    /**
     * The OGRN (or OGRNIP) of the organization when none was given.
     *
     * @param type      the organization type
     * @param suggested the one the signer's certificate names, or null
     * @return the identifier, or null when not asked (then the flow refuses with USAGE)
     * @throws OrgsignException when the person gives up
     */
    default String organizationId(OrganizationType type, String suggested) throws OrgsignException {
        return null;
    }

    /**
     * The register confirms the signer; called before the PIN is asked.
     *
     * @param signer   the signer's certificate
     * @param decision the decision, ENTITLED
     */
    default void entitled(QualifiedCertificate signer, AuthorityDecision decision) {
    }

    /**
     * The verification service would not build the signer's chain (the issuing CA's certificate is
     * missing, or the chain does not reach the service's anchors); called before the PIN.
     *
     * @param problem what is missing and how to supply it
     * @return true to sign anyway (the default: a program decides with {@link Registration#chain()}
     *         beforehand); false stops the flow with USAGE and the problem
     * @throws OrgsignException to stop otherwise (CANCELLED when the person declines)
     */
    default boolean signDespite(Text problem) throws OrgsignException {
        return true;
    }

    /**
     * The flow is about to log in to the token (the PIN comes from the registration's
     * {@link dev.orgsign.core.token.PinCallback}): a chance to say how the PIN is entered, or to
     * decline a login that could lock the token.
     *
     * @param token the token
     * @throws OrgsignException to stop before the login (PIN_FINAL_TRY when the person declines)
     */
    default void loggingIn(SigningToken token) throws OrgsignException {
    }

    /**
     * The contact e-mail address, when none was given.
     *
     * @param suggested the signer's certificate's address, or null
     * @return the address, or null when not asked
     * @throws OrgsignException when the person gives up
     */
    default String email(String suggested) throws OrgsignException {
        return suggested;
    }

    /**
     * The contact phone, when none was given; it is optional.
     *
     * @return the phone in any usual spelling, or null for none
     * @throws OrgsignException when the person gives up
     */
    default String phone() throws OrgsignException {
        return null;
    }

    /**
     * The head's position, when neither the certificate, the register nor the caller names it.
     *
     * @return the position, or null when not asked
     * @throws OrgsignException when the person gives up
     */
    default String position() throws OrgsignException {
        return null;
    }

    /**
     * The registration as it will be signed.
     *
     * @param payload the registration
     * @param key     the key that will sign it
     * @return true to sign; false cancels (CANCELLED, nothing is signed)
     * @throws OrgsignException when the person gives up
     */
    default boolean confirm(RegistrationPayload payload, TokenKey key) throws OrgsignException {
        return true;
    }

    /** The token is about to sign (some tokens ask for a touch or show a light). */
    default void signing() {
    }
}
