package dev.orgsign.core.registry;

import java.util.List;
import java.util.Optional;

/** The state registers as far as orgsign needs them: look-ups by OGRN and OGRNIP. */
public interface Registry {
    /**
     * @param ogrn a valid 13-digit OGRN
     * @return the EGRUL record of the legal entity, or empty when the extracts lack it
     */
    Optional<LegalEntityRecord> legalEntity(String ogrn);

    /**
     * @param ogrnip a valid 15-digit OGRNIP
     * @return the EGRIP record of the entrepreneur, or empty when the extracts lack it
     */
    Optional<EntrepreneurRecord> entrepreneur(String ogrnip);

    /** {@return how many records are loaded} */
    int size();

    /**
     * {@return the newest extract date among the records, or empty when unknown} A service shows it on
     * its health page, so that a stale register is visible.
     */
    default Optional<java.time.LocalDate> newestExtract() {
        return Optional.empty();
    }

    /**
     * @param inn a legal entity's 10-digit INN
     * @return the legal entities the register holds under this INN (normally one)
     */
    default List<LegalEntityRecord> legalEntitiesByInn(String inn) {
        return List.of();
    }
}
