package dev.orgsign.core.registry;

import java.util.Optional;

/** The state registers as far as orgsign needs them: look-ups by OGRN and OGRNIP. */
public interface Registry {
    /** The EGRUL record of a legal entity. */
    Optional<LegalEntityRecord> legalEntity(String ogrn);

    /** The EGRIP record of an entrepreneur. */
    Optional<EntrepreneurRecord> entrepreneur(String ogrnip);

    /** How many records are loaded. */
    int size();
}
