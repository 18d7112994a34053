package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Recurring;
import dev.orgsign.core.Text;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Names;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.registry.AuthorizedPerson;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The payload against the certificate (signer.identity) and against the register (organization.match). */
final class PayloadMatch {
    private PayloadMatch() {
    }

    static Check identity(QualifiedCertificate q, RegistrationPayload p) {
        RegistrationPayload.Head h = p.head();
        String payloadGiven = h.firstName() + (h.patronymic() == null ? "" : " " + h.patronymic());
        for (String name : new String[] {q.surname(), q.givenName(), h.surname(), payloadGiven}) {
            Optional<Names.MixedLetter> mixed = Names.mixedScript(name);
            if (mixed.isPresent()) {
                return SignatureVerifier.fail("signer.identity", Text.of(mixed.get().english(), mixed.get().russian()));
            }
        }
        List<Text> differences = new ArrayList<>();
        if (!Names.foldsTo(h.surname(), folded(q.surname()))) {
            differences.add(T.text("match.identity.surname", q.surname(), h.surname()));
        }
        if (!Names.foldsTo(payloadGiven, folded(q.givenName()))) {
            differences.add(T.text("match.identity.givenName", q.givenName(), payloadGiven));
        }
        if (q.inn() == null || !q.inn().equals(h.inn())) {
            differences.add(T.text("match.identity.inn", q.inn(), h.inn()));
        }
        if (q.snils() == null || !q.snils().equals(h.snils())) {
            differences.add(T.text("match.identity.snils"));
        }
        return differences.isEmpty()
                ? SignatureVerifier.pass("signer.identity", T.text("match.identity.passed"))
                : SignatureVerifier.fail("signer.identity", T.text("match.identity.failed", Text.join(", ", differences)));
    }

    /**
     * Every organization and head field the payload states, against the register: nothing the service
     * later attests on its receipt is the signer's free text.
     *
     * @param decision the authority decision, whose register entry of the signer gives the position
     */
    static Check organization(Registry registry, RegistrationPayload p, AuthorityDecision decision) {
        RegistrationPayload.Organization o = p.organization();
        if (o.type() == OrganizationType.IE) {
            Optional<EntrepreneurRecord> r = registry.entrepreneur(o.id());
            if (r.isEmpty()) {
                return SignatureVerifier.fail("organization.match", T.text("match.noEntrepreneur", o.id()));
            }
            EntrepreneurRecord rec = r.get();
            List<Text> diff = new ArrayList<>();
            if (rec.terminated()) {
                diff.add(T.text("match.ended"));
            }
            if (!o.inn().equals(rec.inn())) {
                diff.add(T.text("match.inn", rec.inn()));
            }
            if (o.kpp() != null) {
                diff.add(T.text("match.entrepreneurKpp"));
            }
            compare(diff, "fullName", o.fullName(), PayloadDraft.entrepreneurFullName(rec.fullName()));
            compare(diff, "shortName", o.shortName(), PayloadDraft.entrepreneurShortName(rec.surname()));
            String position = p.head().position();
            if (position != null) {
                compare(diff, "position", position, PayloadDraft.ENTREPRENEUR_POSITION);
            }
            return result(diff);
        }
        Optional<LegalEntityRecord> r = registry.legalEntity(o.id());
        if (r.isEmpty()) {
            return SignatureVerifier.fail("organization.match", T.text("match.noOrganization", o.id()));
        }
        LegalEntityRecord rec = r.get();
        List<Text> diff = new ArrayList<>();
        if (rec.terminated()) {
            diff.add(T.text("match.terminated"));
        }
        if (!o.inn().equals(rec.inn())) {
            diff.add(T.text("match.inn", rec.inn()));
        }
        if (o.kpp() == null ? rec.kpp() != null : !o.kpp().equals(rec.kpp())) {
            diff.add(T.text("match.kpp", rec.kpp()));
        }
        compare(diff, "fullName", o.fullName(), rec.fullName());
        compare(diff, "shortName", o.shortName(), rec.shortName());
        AuthorizedPerson head = decision == null ? null : decision.head();
        if (head != null) { // without the signer's entry the authority check fails, and says why
            compare(diff, "position", p.head().position(), head.position());
        }
        return result(diff);
    }

    /**
     * A payload field against the register's: both absent, or the same once folded.
     *
     * @param what the field, the end of its key {@code match.field.WHAT}
     */
    private static void compare(List<Text> diff, String what, String payload, String register) {
        if (payload == null && register == null) {
            return;
        }
        if (payload == null || register == null || !Names.foldsTo(payload, folded(register))) {
            // the payload's text is not repeated: it is the signer's, and reports travel by mail
            diff.add(register == null ? T.text("match.differsNone", T.text("match.field." + what))
                    : T.text("match.differs", T.text("match.field." + what), register));
        }
    }

    private static Check result(List<Text> diff) {
        return diff.isEmpty() ? SignatureVerifier.pass("organization.match", T.text("match.passed"))
                : SignatureVerifier.fail("organization.match", T.text("match.failed", Text.join("; ", diff)));
    }

    /** Folded names of certificates and register records (not of payloads), kept since those strings recur. */
    private static final Recurring<String, String> FOLDED = new Recurring<>(4096, Names::fold);

    /** {@link #fold} of a certificate's or the register's name, made once per name. */
    private static String folded(String s) {
        return s == null ? "" : FOLDED.get(s);
    }

    /** A name as compared ({@link Names#fold}). */
    static String fold(String s) {
        return Names.fold(s);
    }
}
