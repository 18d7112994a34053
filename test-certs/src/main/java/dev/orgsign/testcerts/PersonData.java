package dev.orgsign.testcerts;

/**
 * A natural person as the persona's certificate names them.
 *
 * @param givenName    first name and patronymic, as the qualified profile's givenName holds them
 * @param inn          the person's INN (12 digits)
 * @param title        the position, for heads; {@code null} otherwise
 * @param organization the organization the certificate names, or {@code null} (employee, entrepreneur)
 * @param ogrnip       the OGRNIP of an entrepreneur, or {@code null}
 */
public record PersonData(String surname, String firstName, String patronymic, String inn, String snils,
                         String email, String title, OrganizationData organization, String ogrnip) {

    /** First name and patronymic. */
    public String givenName() {
        return patronymic == null ? firstName : firstName + " " + patronymic;
    }

    /** "Surname First Patronymic". */
    public String fullName() {
        return surname + " " + givenName();
    }
}
