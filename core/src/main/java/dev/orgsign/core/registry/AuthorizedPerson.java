package dev.orgsign.core.registry;

/**
 * A person the register lists as entitled to act for a legal entity without a power of attorney
 * ({@code СведДолжнФЛ}).
 *
 * @param inn      the person's INN ({@code ИННФЛ}); may be null in old extracts
 * @param position the position as registered ({@code НаимДолжн}), e.g. "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"
 */
public record AuthorizedPerson(String surname, String firstName, String patronymic, String inn, String position) {
}
