package dev.orgsign.core.verify;

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
                return SignatureVerifier.fail("signer.identity", mixed.get().english());
            }
        }
        List<String> differences = new ArrayList<>();
        if (!folded(q.surname()).equals(fold(h.surname()))) {
            differences.add("surname (certificate " + q.surname() + ", payload " + h.surname() + ")");
        }
        if (!folded(q.givenName()).equals(fold(payloadGiven))) {
            differences.add("given name (certificate " + q.givenName() + ", payload " + payloadGiven + ")");
        }
        if (q.inn() == null || !q.inn().equals(h.inn())) {
            differences.add("INN (certificate " + q.inn() + ", payload " + h.inn() + ")");
        }
        if (q.snils() == null || !q.snils().equals(h.snils())) {
            differences.add("SNILS");
        }
        return differences.isEmpty()
                ? SignatureVerifier.pass("signer.identity", "The certificate's holder is the head named in the payload.")
                : SignatureVerifier.fail("signer.identity", "The certificate's holder is not the head named in the payload: "
                + String.join(", ", differences) + " differ.");
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
                return SignatureVerifier.fail("organization.match", "The register has no entrepreneur with OGRNIP " + o.id() + ".");
            }
            EntrepreneurRecord rec = r.get();
            List<String> diff = new ArrayList<>();
            if (rec.terminated()) {
                diff.add("the register records the end of the activity");
            }
            if (!o.inn().equals(rec.inn())) {
                diff.add("INN differs (register " + rec.inn() + ")");
            }
            if (o.kpp() != null) {
                diff.add("an entrepreneur has no KPP");
            }
            compare(diff, "full name", o.fullName(), PayloadDraft.entrepreneurFullName(rec.fullName()));
            compare(diff, "short name", o.shortName(), PayloadDraft.entrepreneurShortName(rec.surname()));
            String position = p.head().position();
            if (position != null) {
                compare(diff, "head's position", position, PayloadDraft.ENTREPRENEUR_POSITION);
            }
            return result(diff);
        }
        Optional<LegalEntityRecord> r = registry.legalEntity(o.id());
        if (r.isEmpty()) {
            return SignatureVerifier.fail("organization.match", "The register has no organization with OGRN " + o.id() + ".");
        }
        LegalEntityRecord rec = r.get();
        List<String> diff = new ArrayList<>();
        if (rec.terminated()) {
            diff.add("the register records its termination");
        }
        if (!o.inn().equals(rec.inn())) {
            diff.add("INN differs (register " + rec.inn() + ")");
        }
        if (o.kpp() == null ? rec.kpp() != null : !o.kpp().equals(rec.kpp())) {
            diff.add("KPP differs (register " + rec.kpp() + ")");
        }
        compare(diff, "full name", o.fullName(), rec.fullName());
        compare(diff, "short name", o.shortName(), rec.shortName());
        AuthorizedPerson head = decision == null ? null : decision.head();
        if (head != null) { // without the signer's entry the authority check fails, and says why
            compare(diff, "head's position", p.head().position(), head.position());
        }
        return result(diff);
    }

    /** A payload field against the register's: both absent, or the same once folded. */
    private static void compare(List<String> diff, String what, String payload, String register) {
        if (payload == null && register == null) {
            return;
        }
        if (payload == null || register == null || !fold(payload).equals(folded(register))) {
            // the payload's text is not repeated: it is the signer's, and reports travel by mail
            diff.add(what + " differs from the register's (" + (register == null ? "none" : "«" + register + "»") + ")");
        }
    }

    private static Check result(List<String> diff) {
        return diff.isEmpty() ? SignatureVerifier.pass("organization.match", "The payload agrees with the register, and the organization is active.")
                : SignatureVerifier.fail("organization.match", "The payload does not agree with the register: " + String.join("; ", diff) + ".");
    }

    /** Folded names of certificates and register records (not of payloads), kept since those strings recur. */
    private static final java.util.Map<String, String> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #fold} of a certificate's or the register's name, made once per name. */
    private static String folded(String s) {
        if (s == null) {
            return "";
        }
        String f = FOLDED.get(s);
        if (f == null) {
            if (FOLDED.size() >= 4096) {
                FOLDED.clear();
            }
            f = fold(s);
            FOLDED.put(s, f);
        }
        return f;
    }

    /** A name as compared ({@link Names#fold}). */
    static String fold(String s) {
        return Names.fold(s);
    }
}
