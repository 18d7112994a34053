package dev.orgsign.core.registry;

import dev.orgsign.core.identifier.Names;

import java.util.List;

/**
 * A person the register lists as entitled to act for a legal entity without a power of attorney
 * ({@code СведДолжнФЛ}).
 *
 * @param inn               the person's INN ({@code ИННФЛ}); may be null in old extracts
 * @param position          the position as registered ({@code НаимДолжн}), e.g. "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"
 * @param disqualifications disqualifications recorded for the person ({@code СвДискв}), ended ones included
 * @param unreliable        the register's marks that its data on the person are unreliable ({@code СвНедДанДолжнФЛ})
 */
public record AuthorizedPerson(String surname, String firstName, String patronymic, String inn, String position,
                               List<Disqualification> disqualifications, List<UnreliableMark> unreliable) {
    /**
     * Copies the lists.
     *
     * @param surname           the surname
     * @param firstName         the first name
     * @param patronymic        the patronymic, or null
     * @param inn               the person's INN; may be null in old extracts
     * @param position          the position as registered
     * @param disqualifications disqualifications recorded for the person
     * @param unreliable        unreliability marks
     */
    public AuthorizedPerson {
        disqualifications = List.copyOf(disqualifications);
        unreliable = List.copyOf(unreliable);
    }

    /**
     * A person with no disqualification and no unreliability mark.
     *
     * @param surname    the surname
     * @param firstName  the first name
     * @param patronymic the patronymic, or null
     * @param inn        the person's INN
     * @param position   the position as registered
     */
    public AuthorizedPerson(String surname, String firstName, String patronymic, String inn, String position) {
        this(surname, firstName, patronymic, inn, position, List.of(), List.of());
    }

    /** {@return "Surname First Patronymic" as the register spells it} */
    public String fullName() {
        return Names.join(surname, firstName, patronymic);
    }
}
