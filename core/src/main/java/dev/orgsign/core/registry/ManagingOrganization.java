package dev.orgsign.core.registry;

import java.util.List;

/**
 * A managing organization that exercises the powers of a legal entity's sole executive body
 * ({@code СвУпрОрг}): the persons entitled to act for the entity are then the heads of this
 * organization, as its own register record lists them.
 *
 * @param ogrn       its OGRN ({@code НаимИННЮЛ/@ОГРН}); null for a foreign organization without one
 * @param inn        its INN, or null
 * @param fullName   its full name as the managed entity's record gives it
 * @param unreliable the register's marks that the data on it are unreliable ({@code СвНедДанУпрОрг})
 */
public record ManagingOrganization(String ogrn, String inn, String fullName, List<UnreliableMark> unreliable) {
    /**
     * Copies the marks.
     *
     * @param ogrn       its OGRN; null for a foreign organization without one
     * @param inn        its INN, or null
     * @param fullName   its full name
     * @param unreliable the unreliability marks
     */
    public ManagingOrganization {
        unreliable = List.copyOf(unreliable);
    }
}
