package dev.orgsign.testcerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One register document to write: an organization ({@code СвЮЛ}) or an entrepreneur ({@code СвИП})
 * as of one extract date, with whatever the hard cases need — several heads, a disqualification, a
 * head marked unreliable, statuses, a termination, a managing organization. Made with
 * {@link #legalEntity(OrganizationData)} or {@link #entrepreneur(OrganizationData, PersonData)}.
 */
public final class RegisterDocument {
    /** The extract date of fixtures that do not name one. */
    public static final LocalDate DEFAULT_EXTRACT_DATE = LocalDate.of(2026, 11, 20);

    /**
     * A person entitled to act without a power of attorney, as the register lists them.
     *
     * @param person            the person
     * @param position          the registered position ({@code НаимДолжн}); null for the person's title
     * @param disqualifications {@code [start, end]} pairs
     * @param unreliable        texts of unreliability marks
     */
    public record Head(PersonData person, String position, List<LocalDate[]> disqualifications, List<String> unreliable) {
    }

    /**
     * A status record ({@code СвСтатус}).
     *
     * @param code the status code
     * @param name the register's wording
     */
    public record Status(String code, String name) {
    }

    /**
     * A managing organization ({@code СвУпрОрг}).
     *
     * @param organization the managing organization
     * @param unreliable   texts of unreliability marks on it
     */
    public record Manager(OrganizationData organization, List<String> unreliable) {
    }

    final OrganizationData organization;
    final PersonData entrepreneur;
    LocalDate extractDate = DEFAULT_EXTRACT_DATE;
    LocalDate latestEntry;
    int entries = 2;
    final List<Head> heads = new ArrayList<>();
    final List<Status> statuses = new ArrayList<>();
    final List<Manager> managers = new ArrayList<>();
    final List<PersonData> founders = new ArrayList<>();
    LocalDate terminatedOn;
    String terminationCode;
    String terminationName;

    private RegisterDocument(OrganizationData organization, PersonData entrepreneur) {
        this.organization = organization;
        this.entrepreneur = entrepreneur;
    }

    /**
     * @param organization an LLC or a government body
     * @return a document of it, terminated when the organization data say so, listing no head yet
     */
    public static RegisterDocument legalEntity(OrganizationData organization) {
        RegisterDocument d = new RegisterDocument(organization, null);
        if (organization.terminated()) {
            d.terminated(LocalDate.of(2024, 3, 1), "201", "Прекращение деятельности юридического лица в связи с исключением "
                    + "из ЕГРЮЛ на основании п.2 ст.21.1 Федерального закона от 08.08.2001 №129-ФЗ");
        }
        return d;
    }

    /**
     * @param entrepreneur the entrepreneur's organization data
     * @param person       the entrepreneur
     * @return a document of the entrepreneur, ceased when the organization data say so
     */
    public static RegisterDocument entrepreneur(OrganizationData entrepreneur, PersonData person) {
        RegisterDocument d = new RegisterDocument(entrepreneur, person);
        if (entrepreneur.terminated()) {
            d.terminated(LocalDate.of(2024, 3, 1), "201", "Индивидуальный предприниматель прекратил деятельность в связи с "
                    + "принятием им соответствующего решения");
        }
        return d;
    }

    /**
     * @param date the extract date ({@code @ДатаВып})
     * @return this document
     */
    public RegisterDocument extractDate(LocalDate date) {
        this.extractDate = date;
        return this;
    }

    /**
     * @param count  how many register entries ({@code СвЗапЕГРЮЛ}) the document lists
     * @param latest the date of the newest, or null for the extract date
     * @return this document
     */
    public RegisterDocument entries(int count, LocalDate latest) {
        this.entries = count;
        this.latestEntry = latest;
        return this;
    }

    /**
     * @param person a person entitled to act, with the position of their title
     * @return this document
     */
    public RegisterDocument head(PersonData person) {
        heads.add(new Head(person, null, List.of(), List.of()));
        return this;
    }

    /**
     * @param person a person entitled to act
     * @param start  first day of a disqualification
     * @param end    last day of it
     * @return this document
     */
    public RegisterDocument disqualifiedHead(PersonData person, LocalDate start, LocalDate end) {
        heads.add(new Head(person, null, List.<LocalDate[]>of(new LocalDate[] {start, end}), List.of()));
        return this;
    }

    /**
     * @param person a person entitled to act
     * @param text   the register's unreliability text
     * @return this document
     */
    public RegisterDocument unreliableHead(PersonData person, String text) {
        heads.add(new Head(person, null, List.of(), List.of(text)));
        return this;
    }

    /**
     * @param code the status code
     * @param name the register's wording
     * @return this document
     */
    public RegisterDocument status(String code, String name) {
        statuses.add(new Status(code, name));
        return this;
    }

    /**
     * @param founder a founder (participant) who is a natural person ({@code СвУчредит/УчрФЛ}); not a head
     * @return this document
     */
    public RegisterDocument founder(PersonData founder) {
        founders.add(founder);
        return this;
    }

    /**
     * @param manager the managing organization
     * @return this document
     */
    public RegisterDocument managedBy(OrganizationData manager) {
        managers.add(new Manager(manager, List.of()));
        return this;
    }

    /**
     * @param date the date of termination (or of the end of an entrepreneur's activity)
     * @param code the register's code of the way it ended
     * @param name the register's wording of it
     * @return this document
     */
    public RegisterDocument terminated(LocalDate date, String code, String name) {
        this.terminatedOn = date;
        this.terminationCode = code;
        this.terminationName = name;
        return this;
    }

    /** {@return whether this is an entrepreneur's document} */
    public boolean isEntrepreneur() {
        return entrepreneur != null;
    }
}
