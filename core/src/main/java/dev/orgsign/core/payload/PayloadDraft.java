package dev.orgsign.core.payload;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Fills a registration from what is already known: the head from the signer's certificate, the
 * organization from the register record of the claimed OGRN / OGRNIP. What neither holds (the
 * contact, a position the certificate lacks) comes from the caller — the wizard asks for it.
 */
public final class PayloadDraft {
    private static final Texts T = Texts.of(OrgsignException.class);
    /** The position written for an entrepreneur, who is their own head. */
    public static final String ENTREPRENEUR_POSITION = "Индивидуальный предприниматель";

    private PayloadDraft() {
    }

    /**
     * @param registerName the entrepreneur's name as the register (or the certificate) gives it
     * @return the full name of an entrepreneur's "organization" as registrations state it
     */
    public static String entrepreneurFullName(String registerName) {
        return ENTREPRENEUR_POSITION + " " + registerName;
    }

    /**
     * @param surname the entrepreneur's surname
     * @return the short name of an entrepreneur's "organization" as registrations state it
     */
    public static String entrepreneurShortName(String surname) {
        return "ИП " + surname;
    }

    /**
     * Drafts a registration with the head's position as the register records it (the authority
     * decision's entry of the signer), so that the payload states nothing the register does not.
     *
     * @param signer    the signer's certificate, read in the qualified profile
     * @param decision  the ENTITLED authority decision for this signer and organization
     * @param type      the organization type
     * @param claimedId the OGRN (LLC, GOV) or OGRNIP (IE)
     * @param registry  the register holding the organization's record
     * @param email     the contact e-mail address
     * @param phone     the contact phone, or null
     * @param position  the position to state when the register records none (null to take the certificate's)
     * @param clock     gives the creation time
     * @return the registration, with a fresh request id
     * @throws OrgsignException as {@link #from(QualifiedCertificate, OrganizationType, String, Registry, String, String, String, Clock)}
     */
    public static RegistrationPayload from(QualifiedCertificate signer, AuthorityDecision decision, OrganizationType type,
                                           String claimedId, Registry registry, String email, String phone, String position,
                                           Clock clock) throws OrgsignException {
        String registered = type == OrganizationType.IE ? ENTREPRENEUR_POSITION
                : decision != null && decision.head() != null ? decision.head().position() : null;
        return draft(signer, type, claimedId, registry, email, phone, registered != null ? registered : position,
                registered != null, clock);
    }

    /**
     * Drafts a registration.
     *
     * @param signer    the signer's certificate, read in the qualified profile
     * @param type      the organization type
     * @param claimedId the OGRN (LLC, GOV) or OGRNIP (IE)
     * @param registry  the register holding the organization's record
     * @param email     the contact e-mail address
     * @param phone     the contact phone, or null
     * @param position  the head's position when the certificate has no title (null to require one)
     * @param clock     gives the creation time
     * @return the registration, with a fresh request id
     * @throws OrgsignException INVALID_INPUT when the register lacks the organization; INVALID_PAYLOAD
     *                          when no position is known; INVALID_CERTIFICATE without personal INN or SNILS
     */
    public static RegistrationPayload from(QualifiedCertificate signer, OrganizationType type, String claimedId,
                                           Registry registry, String email, String phone, String position, Clock clock)
            throws OrgsignException {
        return draft(signer, type, claimedId, registry, email, phone, position, false, clock);
    }

    private static RegistrationPayload draft(QualifiedCertificate signer, OrganizationType type, String claimedId,
                                             Registry registry, String email, String phone, String position,
                                             boolean registerPosition, Clock clock) throws OrgsignException {
        RegistrationPayload.Organization org;
        if (type == OrganizationType.IE) {
            EntrepreneurRecord r = registry.entrepreneur(claimedId).orElseThrow(() -> notFound("OGRNIP", claimedId));
            org = new RegistrationPayload.Organization(type, r.ogrnip(), r.inn(), null,
                    entrepreneurFullName(signer.holderName()), entrepreneurShortName(signer.surname()));
        } else {
            LegalEntityRecord r = registry.legalEntity(claimedId).orElseThrow(() -> notFound("OGRN", claimedId));
            org = new RegistrationPayload.Organization(type, r.ogrn(), r.inn(), r.kpp(), r.fullName(), r.shortName());
            if (!registerPosition && signer.inn() != null) { // the register's position of the signer, where it lists them
                for (dev.orgsign.core.registry.AuthorizedPerson p : r.heads()) {
                    if (signer.inn().equals(p.inn()) && p.position() != null) {
                        position = p.position();
                        registerPosition = true;
                    }
                }
            }
        }
        String title = type == OrganizationType.IE ? ENTREPRENEUR_POSITION // an entrepreneur is their own head
                : registerPosition ? position : signer.title() != null ? signer.title() : position;
        if (title == null && type != OrganizationType.IE) {
            throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("draft.noPosition"));
        }
        if (signer.inn() == null || signer.snils() == null) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, T.text("draft.noInnSnils"));
        }
        return new RegistrationPayload(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.SECONDS), org,
                new RegistrationPayload.Head(signer.surname(), signer.firstName(),
                        signer.patronymic() == null || signer.patronymic().isBlank() ? null : signer.patronymic(),
                        signer.inn(), signer.snils(), title),
                new RegistrationPayload.Contact(email, phone));
    }

    private static OrgsignException notFound(String what, String id) {
        return new OrgsignException(ErrorCode.INVALID_INPUT, T.text("draft.notInRegister", T.text("field." + what), id));
    }
}
