package dev.orgsign.core.registry;

import java.util.List;

/**
 * A legal entity as an EGRUL extract describes it ({@code СвЮЛ}).
 *
 * @param okopfCode  the legal form code of OKOPF ({@code КодОПФ})
 * @param terminated the extract records its termination ({@code СвПрекрЮЛ})
 * @param heads      the persons entitled to act without a power of attorney
 */
public record LegalEntityRecord(String ogrn, String inn, String kpp, String fullName, String shortName,
                                String okopfCode, String okopfName, boolean terminated, List<AuthorizedPerson> heads) {
    /**
     * Copies the heads.
     *
     * @param ogrn the ogrn
     * @param inn the inn
     * @param kpp the kpp
     * @param fullName the full name
     * @param shortName the short name
     * @param okopfCode the legal form code of OKOPF ({@code КодОПФ})
     * @param okopfName the okopf name
     * @param terminated the extract records its termination ({@code СвПрекрЮЛ})
     * @param heads the persons entitled to act without a power of attorney
     */
    public LegalEntityRecord {
        heads = List.copyOf(heads);
    }

    /** {@return the legal form, classified} */
    public LegalForm legalForm() {
        return LegalForm.of(okopfCode);
    }
}
