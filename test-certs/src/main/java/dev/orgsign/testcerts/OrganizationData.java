package dev.orgsign.testcerts;

/**
 * An organization or entrepreneur as the register fixtures describe it.
 *
 * @param kind      LLC, GOV or IE
 * @param ogrn      OGRN (13 digits), or OGRNIP (15 digits) for an entrepreneur
 * @param inn       INN of the legal entity (10 digits), or the entrepreneur's own (12)
 * @param kpp       KPP, or {@code null} for an entrepreneur
 * @param okopfCode legal form code of OKOPF (ОК 028-2012)
 */
public record OrganizationData(Kind kind, String ogrn, String inn, String kpp, String fullName, String shortName,
                               String okopfCode, String okopfName, String address, boolean terminated) {
    /** The organization types of docs/design.md. */
    public enum Kind { LLC, GOV, IE }
}
