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
    public LegalEntityRecord {
        heads = List.copyOf(heads);
    }

    /** The legal form, classified. */
    public LegalForm legalForm() {
        return LegalForm.of(okopfCode);
    }
}
