package dev.orgsign.core.authority;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.HolderKind;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.registry.AuthorizedPerson;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.LegalForm;
import dev.orgsign.core.registry.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether the holder of a qualified certificate may register an organization: the
 * check the product exists for. It fails closed — anything it cannot establish is "not
 * entitled" (or "unknown" when the register lacks the organization), never "entitled".
 *
 * <ul>
 * <li>IE: the certificate's OGRNIP and INN match an active EGRIP record (and the name agrees);</li>
 * <li>LLC: the certificate's OGRN (and INNLE, where present) match an active EGRUL record, and the
 *     holder is one of the persons entitled to act without a power of attorney, matched by INN
 *     with the name agreeing (case and ё/е folded); the legal form is not a government body's;</li>
 * <li>GOV: as LLC, and the legal form is that of a state or municipal body;</li>
 * <li>a certificate without organization fields is never entitled: it takes the head, not a
 *     power of attorney.</li>
 * </ul>
 */
public final class AuthorityCheck {
    private final Registry registry;

    /**
     * @param registry the register extracts the decision rests on
     */
    public AuthorityCheck(Registry registry) {
        this.registry = registry;
    }

    /**
     * Decides whether the certificate's holder may register the organization.
     *
     * @param signer    the signer's certificate, read in the qualified profile
     * @param type      the organization type the user chose
     * @param claimedId the OGRN (LLC, GOV) or OGRNIP (IE) the user names
     * @return the decision with its reasons
     * @throws OrgsignException INVALID_IDENTIFIER when {@code claimedId} is mistyped
     */
    public AuthorityDecision decide(QualifiedCertificate signer, OrganizationType type, String claimedId)
            throws OrgsignException {
        return type == OrganizationType.IE
                ? entrepreneur(signer, Identifiers.ogrnip("OGRNIP", claimedId))
                : legalEntity(signer, type, Identifiers.ogrn("OGRN", claimedId));
    }

    private AuthorityDecision entrepreneur(QualifiedCertificate signer, String ogrnip) {
        if (signer.holderKind() != HolderKind.ENTREPRENEUR) {
            return notEntitled(signer.holderKind() == HolderKind.NATURAL_PERSON ? Reasons.noOrganization() : Reasons.notEntrepreneur());
        }
        if (!signer.ogrnip().equals(ogrnip)) {
            return notEntitled(Reasons.ogrnipMismatch(signer.ogrnip(), ogrnip));
        }
        Optional<EntrepreneurRecord> found = registry.entrepreneur(ogrnip);
        if (found.isEmpty()) {
            return new AuthorityDecision(AuthorityDecision.Outcome.UNKNOWN, List.of(Reasons.notFound("OGRNIP", ogrnip)));
        }
        EntrepreneurRecord r = found.get();
        List<Reason> against = new ArrayList<>();
        if (r.terminated()) {
            against.add(Reasons.terminated("ИП " + r.surname()));
        }
        if (signer.inn() == null) {
            against.add(Reasons.missingInn());
        } else if (!signer.inn().equals(r.inn())) {
            against.add(Reasons.innMismatch());
        }
        if (!sameName(signer, r.surname(), r.firstName(), r.patronymic())) {
            against.add(Reasons.nameMismatch(signer.holderName(), join(r.surname(), r.firstName(), r.patronymic())));
        }
        return against.isEmpty() ? new AuthorityDecision(AuthorityDecision.Outcome.ENTITLED, List.of(Reasons.entrepreneur()))
                : new AuthorityDecision(AuthorityDecision.Outcome.NOT_ENTITLED, against);
    }

    private AuthorityDecision legalEntity(QualifiedCertificate signer, OrganizationType type, String ogrn) {
        if (signer.holderKind() != HolderKind.HEAD_OF_LEGAL_ENTITY) {
            return notEntitled(Reasons.noOrganization());
        }
        if (!signer.ogrn().equals(ogrn)) {
            return notEntitled(Reasons.ogrnMismatch(signer.ogrn(), ogrn));
        }
        Optional<LegalEntityRecord> found = registry.legalEntity(ogrn);
        if (found.isEmpty()) {
            return new AuthorityDecision(AuthorityDecision.Outcome.UNKNOWN, List.of(Reasons.notFound("OGRN", ogrn)));
        }
        LegalEntityRecord r = found.get();
        List<Reason> against = new ArrayList<>();
        String name = r.shortName() != null ? r.shortName() : r.fullName();
        if (r.terminated()) {
            against.add(Reasons.terminated(name));
        }
        if (signer.innle() != null && !signer.innle().equals(r.inn())) {
            against.add(Reasons.innleMismatch(signer.innle(), r.inn()));
        }
        boolean government = r.legalForm() == LegalForm.STATE_OR_MUNICIPAL_BODY;
        if (type == OrganizationType.GOV && !government) {
            against.add(Reasons.notGovernment(String.valueOf(r.okopfName())));
        }
        if (type == OrganizationType.LLC && government) {
            against.add(Reasons.isGovernment(String.valueOf(r.okopfName())));
        }
        AuthorizedPerson head = null;
        if (signer.inn() == null) {
            against.add(Reasons.missingInn());
        } else {
            head = r.heads().stream().filter(p -> signer.inn().equals(p.inn())).findFirst().orElse(null);
            if (head == null) {
                against.add(Reasons.notListed(r.heads().stream().map(p -> join(p.surname(), p.firstName(), p.patronymic()))
                        .collect(Collectors.joining(", "))));
            } else if (!sameName(signer, head.surname(), head.firstName(), head.patronymic())) {
                against.add(Reasons.nameMismatch(signer.holderName(), join(head.surname(), head.firstName(), head.patronymic())));
            }
        }
        if (!against.isEmpty()) {
            return new AuthorityDecision(AuthorityDecision.Outcome.NOT_ENTITLED, against);
        }
        return new AuthorityDecision(AuthorityDecision.Outcome.ENTITLED, List.of(Reasons.head(String.valueOf(head.position()))));
    }

    private static AuthorityDecision notEntitled(Reason reason) {
        return new AuthorityDecision(AuthorityDecision.Outcome.NOT_ENTITLED, List.of(reason));
    }

    private static boolean sameName(QualifiedCertificate c, String surname, String first, String patronymic) {
        return fold(c.surname()).equals(fold(surname))
                && fold(c.givenName()).equals(fold(join(first, patronymic)));
    }

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Upper case, "Ё" as "Е", single spaces: the register and certificates differ in exactly these. */
    static String fold(String s) {
        return s == null ? "" : SPACES.matcher(s.toUpperCase(RUSSIAN).replace('Ё', 'Е')).replaceAll(" ").strip();
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }
}
