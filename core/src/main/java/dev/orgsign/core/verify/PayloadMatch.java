package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The payload against the certificate (signer.identity) and against the register (organization.match). */
final class PayloadMatch {
    private PayloadMatch() {
    }

    static Check identity(QualifiedCertificate q, RegistrationPayload p) {
        RegistrationPayload.Head h = p.head();
        List<String> differences = new ArrayList<>();
        if (!folded(q.surname()).equals(fold(h.surname()))) {
            differences.add("surname (certificate " + q.surname() + ", payload " + h.surname() + ")");
        }
        String payloadGiven = h.firstName() + (h.patronymic() == null ? "" : " " + h.patronymic());
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

    static Check organization(Registry registry, RegistrationPayload p) {
        RegistrationPayload.Organization o = p.organization();
        if (o.type() == OrganizationType.IE) {
            Optional<EntrepreneurRecord> r = registry.entrepreneur(o.id());
            if (r.isEmpty()) {
                return SignatureVerifier.fail("organization.match", "The register has no entrepreneur with OGRNIP " + o.id() + ".");
            }
            List<String> diff = new ArrayList<>();
            if (r.get().terminated()) {
                diff.add("the register records the end of the activity");
            }
            if (!o.inn().equals(r.get().inn())) {
                diff.add("INN differs (register " + r.get().inn() + ")");
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
        if (o.kpp() != null && !o.kpp().equals(rec.kpp())) {
            diff.add("KPP differs (register " + rec.kpp() + ")");
        }
        if (rec.fullName() != null && !fold(o.fullName()).equals(folded(rec.fullName()))) {
            diff.add("full name differs (register " + rec.fullName() + ")");
        }
        return result(diff);
    }

    private static Check result(List<String> diff) {
        return diff.isEmpty() ? SignatureVerifier.pass("organization.match", "The payload agrees with the register, and the organization is active.")
                : SignatureVerifier.fail("organization.match", "The payload does not agree with the register: " + String.join("; ", diff) + ".");
    }

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
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

    /**
     * A name as compared: upper case, Ё as Е, typographic quotes as ", each run of whitespace as one
     * space, trimmed. One pass over the characters (no regular expressions).
     */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String u = s.toUpperCase(RUSSIAN);
        StringBuilder b = new StringBuilder(u.length());
        boolean space = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r') {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            switch (c) {
                case 'Ё' -> b.append('Е');
                case '«', '»', '“', '”' -> b.append('"');
                default -> b.append(c);
            }
        }
        return b.toString().strip();
    }
}
