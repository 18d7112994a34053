package dev.orgsign.core.payload;

import dev.orgsign.core.OrganizationType;

import java.time.Instant;
import java.util.UUID;

/**
 * What is signed: the registration of one organization, schema {@value #SCHEMA}. The signed
 * bytes are its RFC 8785 canonical JSON ({@link PayloadCodec#canonicalBytes}).
 *
 * @param requestId    a fresh random id per registration; the verifier refuses one it has seen
 * @param createdAt    when the payload was made (UTC, whole seconds)
 */
public record RegistrationPayload(UUID requestId, Instant createdAt, Organization organization, Head head,
                                  Contact contact) {
    /** The schema name carried in the JSON. */
    public static final String SCHEMA = "orgsign.registration.v1";

    /**
     * The organization.
     *
     * @param id    OGRN (LLC, GOV) or OGRNIP (IE)
     * @param inn   10 digits for a legal entity, the entrepreneur's own 12 for IE
     * @param kpp   required for LLC and GOV, absent for IE
     */
    public record Organization(OrganizationType type, String id, String inn, String kpp, String fullName,
                               String shortName) {
    }

    /** The head (or the entrepreneur), as the signer's certificate names them. */
    public record Head(String surname, String firstName, String patronymic, String inn, String snils, String position) {
    }

    /** Where the result is sent. */
    public record Contact(String email, String phone) {
    }
}
