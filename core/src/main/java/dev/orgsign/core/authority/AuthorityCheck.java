package dev.orgsign.core.authority;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.HolderKind;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.identifier.Names;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.LegalForm;
import dev.orgsign.core.registry.RegisterStatus;
import dev.orgsign.core.registry.Registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether the holder of a qualified certificate may register an organization: the check the
 * product exists for. It fails closed: ENTITLED only when the register, as of its newest record,
 * says so; a record the register marks unreliable, a state it does not decide automatically, a
 * managing organization whose record is missing all give UNKNOWN, never ENTITLED.
 *
 * <ul>
 * <li>IE: the certificate's OGRNIP and INN match an EGRIP record that records no end of the activity
 *     ({@code СвПрекращ}), with the name agreeing;</li>
 * <li>LLC / GOV: the certificate's OGRN (and INNLE, where present) match an EGRUL record without
 *     termination ({@code СвПрекрЮЛ}) or a terminating status ({@code СвСтатус}), and the holder is
 *     one of the persons entitled to act without a power of attorney ({@code СведДолжнФЛ}) — or one of
 *     those of its managing organization ({@code СвУпрОрг}), decided through that organization's own
 *     record — matched by INN with the name agreeing, not under a disqualification in force
 *     ({@code СвДискв}) on the decision day, with no unreliability mark ({@code СвНедДанДолжнФЛ});
 *     the legal form is (GOV) or is not (LLC) a state or municipal body;</li>
 * <li>a certificate without organization fields is never entitled: it takes the head, not a power
 *     of attorney; a name mixing Latin and Cyrillic letters is refused with the odd letter named.</li>
 * </ul>
 * The decision day is the Moscow date of the decision time.
 */
public final class AuthorityCheck {
    /** The register's dates are Moscow dates. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final Registry registry;
    private final Clock clock;

    /**
     * A check that decides as of now.
     *
     * @param registry the register extracts the decision rests on
     */
    public AuthorityCheck(Registry registry) {
        this(registry, Clock.systemUTC());
    }

    /**
     * @param registry the register extracts the decision rests on
     * @param clock    gives the decision time (disqualifications are judged on its Moscow date)
     */
    public AuthorityCheck(Registry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Decides, as of now, whether the certificate's holder may register the organization.
     *
     * @param signer    the signer's certificate, read in the qualified profile
     * @param type      the organization type the user chose
     * @param claimedId the OGRN (LLC, GOV) or OGRNIP (IE) the user names
     * @return the decision with its reasons
     * @throws OrgsignException INVALID_IDENTIFIER when {@code claimedId} is mistyped
     */
    public AuthorityDecision decide(QualifiedCertificate signer, OrganizationType type, String claimedId)
            throws OrgsignException {
        return decide(signer, type, claimedId, clock.instant());
    }

    /**
     * Decides whether the certificate's holder may register the organization at a given time.
     *
     * @param signer    the signer's certificate, read in the qualified profile
     * @param type      the organization type the user chose
     * @param claimedId the OGRN (LLC, GOV) or OGRNIP (IE) the user names
     * @param at        the decision time
     * @return the decision with its reasons
     * @throws OrgsignException INVALID_IDENTIFIER when {@code claimedId} is mistyped
     */
    public AuthorityDecision decide(QualifiedCertificate signer, OrganizationType type, String claimedId, Instant at)
            throws OrgsignException {
        LocalDate day = LocalDate.ofInstant(at, MOSCOW);
        return type == OrganizationType.IE
                ? entrepreneur(signer, Identifiers.ogrnip("OGRNIP", claimedId))
                : legalEntity(signer, type, Identifiers.ogrn("OGRN", claimedId), day);
    }

    private AuthorityDecision entrepreneur(QualifiedCertificate signer, String ogrnip) {
        if (signer.holderKind() != HolderKind.ENTREPRENEUR) {
            return notEntitled(signer.holderKind() == HolderKind.NATURAL_PERSON ? Reasons.noOrganization() : Reasons.notEntrepreneur());
        }
        if (!signer.ogrnip().equals(ogrnip)) {
            return notEntitled(Reasons.ogrnipMismatch(signer.ogrnip(), ogrnip));
        }
        Optional<Reason> mixed = mixedScript(signer);
        if (mixed.isPresent()) {
            return notEntitled(mixed.get());
        }
        Optional<EntrepreneurRecord> found = registry.entrepreneur(ogrnip);
        if (found.isEmpty()) {
            return new AuthorityDecision(AuthorityDecision.Outcome.UNKNOWN, List.of(Reasons.notFound("OGRNIP", ogrnip)));
        }
        EntrepreneurRecord r = found.get();
        Findings f = new Findings();
        if (r.contested()) {
            f.doubt(Reasons.contested("OGRNIP", ogrnip));
        }
        if (r.terminated()) {
            f.against(Reasons.terminated("ИП " + r.fullName(), r.termination()));
        }
        statuses(r.statuses(), f);
        if (signer.inn() == null) {
            f.against(Reasons.missingInn());
        } else if (!signer.inn().equals(r.inn())) {
            f.against(Reasons.innMismatch());
        }
        if (!HeadSearch.sameName(signer, r.surname(), r.firstName(), r.patronymic())) {
            f.against(Reasons.nameMismatch(signer.holderName(), r.fullName()));
        }
        return f.decision(Reasons.entrepreneur(), r.extractDate(), null);
    }

    private AuthorityDecision legalEntity(QualifiedCertificate signer, OrganizationType type, String ogrn, LocalDate day) {
        if (signer.holderKind() != HolderKind.HEAD_OF_LEGAL_ENTITY) {
            return notEntitled(Reasons.noOrganization());
        }
        if (!signer.ogrn().equals(ogrn)) {
            return notEntitled(Reasons.ogrnMismatch(signer.ogrn(), ogrn));
        }
        Optional<Reason> mixed = mixedScript(signer);
        if (mixed.isPresent()) {
            return notEntitled(mixed.get());
        }
        Optional<LegalEntityRecord> found = registry.legalEntity(ogrn);
        if (found.isEmpty()) {
            return new AuthorityDecision(AuthorityDecision.Outcome.UNKNOWN, List.of(Reasons.notFound("OGRN", ogrn)));
        }
        LegalEntityRecord r = found.get();
        Findings f = new Findings();
        organizationState(r, f);
        if (signer.innle() != null && !signer.innle().equals(r.inn())) {
            f.against(Reasons.innleMismatch(signer.innle(), r.inn()));
        }
        boolean government = r.legalForm() == LegalForm.STATE_OR_MUNICIPAL_BODY;
        if (type == OrganizationType.GOV && !government) {
            f.against(Reasons.notGovernment(String.valueOf(r.okopfName())));
        }
        if (type == OrganizationType.LLC && government) {
            f.against(Reasons.isGovernment(String.valueOf(r.okopfName())));
        }
        if (signer.inn() == null) {
            f.against(Reasons.missingInn());
            return f.decision(null, r.extractDate(), null);
        }
        HeadSearch.Match match = new HeadSearch(registry, day).find(signer, r);
        f.addAll(match.findings());
        return f.decision(match.positive(), r.extractDate(), match.head());
    }

    /** Termination, a contested record and statuses of an organization, as findings. */
    static void organizationState(LegalEntityRecord r, Findings f) {
        String name = r.shortName() != null ? r.shortName() : r.fullName();
        if (r.contested()) {
            f.doubt(Reasons.contested("OGRN", r.ogrn()));
        }
        if (r.terminated()) {
            f.against(Reasons.terminated(String.valueOf(name), r.termination()));
        }
        statuses(r.statuses(), f);
    }

    private static void statuses(List<RegisterStatus> statuses, Findings f) {
        for (RegisterStatus s : statuses) {
            switch (StatusRule.of(s)) {
                case NO_EFFECT -> f.note(Reasons.statusNoted(s));
                case TERMINATING -> f.against(Reasons.statusTerminating(s));
                case UNDECIDED -> f.doubt(Reasons.statusUndecided(s));
            }
        }
    }

    private static Optional<Reason> mixedScript(QualifiedCertificate signer) {
        return Names.mixedScript(signer.surname()).or(() -> Names.mixedScript(signer.givenName())).map(Reasons::mixedScript);
    }

    private static AuthorityDecision notEntitled(Reason reason) {
        return new AuthorityDecision(AuthorityDecision.Outcome.NOT_ENTITLED, List.of(reason));
    }
}
