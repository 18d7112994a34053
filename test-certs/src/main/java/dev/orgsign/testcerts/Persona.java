package dev.orgsign.testcerts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The people of the test PKI. Each stands for one situation the authority check and the
 * verifier must decide. {@link #EXPIRED}, {@link #REVOKED}, {@link #UNTRUSTED} and
 * {@link #WRONG_OGRN} carry the identity of the LLC's head with exactly one thing wrong, so
 * that exactly one check rejects each.
 */
public enum Persona {
    /** General director of {@link Fixtures#LLC}, as the register lists him. */
    LLC_HEAD("llc-head"),
    /** An accountant of the LLC: a personal certificate with no organization fields. */
    LLC_EMPLOYEE("llc-employee"),
    /** Was the LLC's director; his certificate still names the LLC, the register lists someone else. */
    LLC_FORMER_HEAD("llc-former-head"),
    /** An individual entrepreneur ({@link Fixtures#IE}). */
    IE("ie"),
    /** Head of the municipal administration {@link Fixtures#GOV}. */
    GOV_HEAD("gov-head"),
    /** The LLC head's certificate, expired a year ago. */
    EXPIRED("expired"),
    /** The LLC head's certificate, listed on the FNS CA's CRL. */
    REVOKED("revoked"),
    /** The LLC head's identity, issued by a root nobody trusts. */
    UNTRUSTED("untrusted"),
    /** The LLC head's identity with the OGRN of {@link Fixtures#OTHER_LLC}, where he is not head. */
    WRONG_OGRN("wrong-ogrn");

    private final String slug;

    Persona(String slug) {
        this.slug = slug;
    }

    /** The short name used in file names and on the command line ("llc-head"). */
    public String slug() {
        return slug;
    }

    /** The key types this persona holds: GOST-256 and P-256 for all, RSA and GOST-512 also for the LLC head. */
    public Set<KeyKind> keyKinds() {
        return this == LLC_HEAD ? EnumSet.allOf(KeyKind.class) : EnumSet.of(KeyKind.GOST_256, KeyKind.EC_P256);
    }

    /** The persona with the given slug. */
    public static Persona ofSlug(String slug) {
        for (Persona p : values()) {
            if (p.slug.equals(slug)) {
                return p;
            }
        }
        throw new IllegalArgumentException("No persona named " + slug);
    }
}
