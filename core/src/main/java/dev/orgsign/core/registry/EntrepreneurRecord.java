package dev.orgsign.core.registry;

/**
 * An individual entrepreneur as an EGRIP extract describes them ({@code СвИП}).
 *
 * @param terminated the extract records the end of the activity ({@code СвПрекрИП})
 */
public record EntrepreneurRecord(String ogrnip, String inn, String surname, String firstName, String patronymic,
                                 boolean terminated) {
}
