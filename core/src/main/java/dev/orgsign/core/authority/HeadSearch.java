package dev.orgsign.core.authority;

import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Names;
import dev.orgsign.core.registry.AuthorizedPerson;
import dev.orgsign.core.registry.Disqualification;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.ManagingOrganization;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.registry.UnreliableMark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for the signer among the persons entitled to act for a legal entity: its own
 * {@code СведДолжнФЛ}, and, where a managing organization ({@code СвУпрОрг}) runs it, that
 * organization's persons as its own record lists them (at most {@value #MAX_DEPTH} levels deep).
 */
final class HeadSearch {
    static final int MAX_DEPTH = 3;
    private final Registry registry;
    private final LocalDate day;

    /**
     * The result of the search.
     *
     * @param findings what counts against the signer or leaves it open
     * @param positive the reason of an ENTITLED decision, or null
     * @param head     the signer's register entry, or null
     */
    record Match(Findings findings, Reason positive, AuthorizedPerson head) {
    }

    HeadSearch(Registry registry, LocalDate day) {
        this.registry = registry;
        this.day = day;
    }

    Match find(QualifiedCertificate signer, LegalEntityRecord record) {
        return find(signer, record, null, new HashSet<>(List.of(record.ogrn())));
    }

    /** @param via the managing organization through which {@code record} is reached, or null for the entity itself */
    private Match find(QualifiedCertificate signer, LegalEntityRecord record, ManagingOrganization via, Set<String> seen) {
        for (AuthorizedPerson p : record.heads()) {
            if (signer.inn().equals(p.inn())) {
                return judge(signer, p, via);
            }
        }
        if (record.managers().isEmpty()) {
            return new Match(new Findings().against(Reasons.notListed(names(record))), null, null);
        }
        Match best = null;
        Findings unresolved = new Findings();
        for (ManagingOrganization m : record.managers()) {
            Match viaManager = throughManager(signer, m, seen);
            if (viaManager.findings().outcome() == AuthorityDecision.Outcome.ENTITLED) {
                return viaManager;
            }
            unresolved.addAll(viaManager.findings());
            if (best == null || viaManager.head() != null) {
                best = viaManager;
            }
        }
        if (unresolved.doubts.isEmpty() && !record.heads().isEmpty()) {
            unresolved.against(Reasons.notListed(names(record)));
        }
        return new Match(unresolved, null, best == null ? null : best.head());
    }

    private Match throughManager(QualifiedCertificate signer, ManagingOrganization m, Set<String> seen) {
        Findings f = new Findings();
        for (UnreliableMark mark : m.unreliable()) {
            f.doubt(Reasons.managingUnreliable(m, mark));
        }
        if (m.ogrn() == null) {
            return new Match(f.doubt(Reasons.managingUnresolved(m, "the register gives no OGRN for it",
                    "реестр не указывает её ОГРН")), null, null);
        }
        if (!seen.add(m.ogrn()) || seen.size() > MAX_DEPTH + 1) {
            return new Match(f.doubt(Reasons.managingUnresolved(m, "the chain of managing organizations is circular or "
                    + "longer than " + MAX_DEPTH, "цепочка управляющих организаций замкнута или длиннее " + MAX_DEPTH)), null, null);
        }
        Optional<LegalEntityRecord> managerRecord = registry.legalEntity(m.ogrn());
        if (managerRecord.isEmpty()) {
            return new Match(f.doubt(Reasons.managingNotFound(m)), null, null);
        }
        AuthorityCheck.organizationState(managerRecord.get(), f);
        Match inside = find(signer, managerRecord.get(), m, seen);
        f.addAll(inside.findings());
        return new Match(f, inside.positive(), inside.head());
    }

    /** The signer is listed: the name must agree, no disqualification in force, no unreliability mark. */
    private Match judge(QualifiedCertificate signer, AuthorizedPerson head, ManagingOrganization via) {
        Findings f = new Findings();
        if (!sameName(signer, head.surname(), head.firstName(), head.patronymic())) {
            f.against(Reasons.nameMismatch(signer.holderName(), head.fullName()));
        }
        for (Disqualification d : head.disqualifications()) {
            if (d.inForce(day)) {
                f.against(Reasons.disqualified(head.fullName(), d, day));
            }
        }
        for (UnreliableMark mark : head.unreliable()) {
            f.doubt(Reasons.unreliable(head.fullName(), mark));
        }
        String position = String.valueOf(head.position());
        return new Match(f, via == null ? Reasons.head(position) : Reasons.managingHead(via, position), head);
    }

    private static String names(LegalEntityRecord r) {
        List<String> names = new ArrayList<>(r.heads().size());
        for (AuthorizedPerson p : r.heads()) {
            names.add(p.fullName());
        }
        return String.join(", ", names);
    }

    /** The certificate's name against the register's, folded (NFC, case, ё/е). */
    static boolean sameName(QualifiedCertificate c, String surname, String first, String patronymic) {
        return Names.same(c.surname(), surname) && Names.same(c.givenName(), Names.join(first, patronymic));
    }
}
