package dev.orgsign.testcerts;

import java.util.List;

/**
 * The organizations and people of the test world. Every identifier carries a valid check digit
 * (see {@code CheckDigitsTest}); the register fixtures and the certificates are made from these
 * values, so they agree by construction.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The LLC that the demo registers. Its register lists {@link #FEDOROV} and {@link #SOKOLOV}. */
    public static final OrganizationData LLC = new OrganizationData(OrganizationData.Kind.LLC,
            "1027700132195", "7701012342", "770101001",
            "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"РОМАШКА\"", "ООО \"РОМАШКА\"",
            "12300", "Общества с ограниченной ответственностью",
            "101000, г. Москва, ул. Мясницкая, д. 1", false);

    /** Another LLC, whose director is {@link #VOLKOV}; {@link Persona#WRONG_OGRN}'s certificate names it. */
    public static final OrganizationData OTHER_LLC = new OrganizationData(OrganizationData.Kind.LLC,
            "1157746123457", "7723456782", "772301001",
            "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ЛЮТИК\"", "ООО \"ЛЮТИК\"",
            "12300", "Общества с ограниченной ответственностью",
            "109012, г. Москва, ул. Никольская, д. 5", false);

    /** An LLC struck off the register; its last director was {@link #VOLKOV}. */
    public static final OrganizationData TERMINATED_LLC = new OrganizationData(OrganizationData.Kind.LLC,
            "1037700998873", "7709988778", "770901001",
            "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ВАСИЛЁК\"", "ООО \"ВАСИЛЁК\"",
            "12300", "Общества с ограниченной ответственностью",
            "105005, г. Москва, ул. Бауманская, д. 7", true);

    /** A municipal administration (OKOPF 75404, municipal state-funded institution). */
    public static final OrganizationData GOV = new OrganizationData(OrganizationData.Kind.GOV,
            "1025001234565", "5024001115", "502401001",
            "АДМИНИСТРАЦИЯ ГОРОДСКОГО ОКРУГА ЗЕЛЁНЫЙ МОСКОВСКОЙ ОБЛАСТИ", "АДМИНИСТРАЦИЯ Г.О. ЗЕЛЁНЫЙ",
            "75404", "Муниципальные казенные учреждения",
            "143401, Московская обл., г. Зелёный, ул. Советская, д. 10", false);

    /** The entrepreneur {@link #PETROVA}; the INN of an entrepreneur is her own. */
    public static final OrganizationData IE = new OrganizationData(OrganizationData.Kind.IE,
            "319774600123453", "770411122224", null,
            "Индивидуальный предприниматель Петрова Анна Сергеевна", "ИП Петрова А. С.",
            "50102", "Индивидуальные предприниматели",
            "119019, г. Москва, ул. Арбат, д. 20, кв. 3", false);

    /** The LLC's general director (the certificate spells his name with "ё"). */
    public static final PersonData FEDOROV = new PersonData("Фёдоров", "Алексей", "Петрович",
            "770112345695", "11223344595", "fedorov@romashka.test", "Генеральный директор", LLC, null);

    /** The LLC's accountant. */
    public static final PersonData SMIRNOVA = new PersonData("Смирнова", "Ольга", "Викторовна",
            "770298765420", "22334455639", "smirnova@romashka.test", null, null, null);

    /** The LLC's former director. */
    public static final PersonData KUZNETSOV = new PersonData("Кузнецов", "Сергей", "Николаевич",
            "770355512394", "33445566784", "kuznetsov@romashka.test", "Генеральный директор", LLC, null);

    /** The entrepreneur. */
    public static final PersonData PETROVA = new PersonData("Петрова", "Анна", "Сергеевна",
            "770411122224", "44556677828", "petrova@ip-petrova.test", null, null, IE.ogrn());

    /** The head of the administration. */
    public static final PersonData NIKOLAEV = new PersonData("Николаев", "Дмитрий", "Олегович",
            "502455566615", "55667788973", "glava@zelenyi.test", "Глава городского округа", GOV, null);

    /** The director of {@link #OTHER_LLC} (register only, no certificate). */
    public static final PersonData VOLKOV = new PersonData("Волков", "Игорь", "Владимирович",
            "770677788816", null, null, "Генеральный директор", OTHER_LLC, null);

    /** The LLC's second person entitled to act without a power of attorney (register only). */
    public static final PersonData SOKOLOV = new PersonData("Соколов", "Михаил", "Андреевич",
            "770888899917", null, null, "Исполнительный директор", LLC, null);

    /** Everything the registers list, in the order they are written. */
    public static List<OrganizationData> registeredOrganizations() {
        return List.of(LLC, OTHER_LLC, TERMINATED_LLC, GOV);
    }

    /** The persons the register lists as entitled to act without a power of attorney. */
    public static List<PersonData> registeredHeads(OrganizationData organization) {
        if (organization == LLC) {
            return List.of(FEDOROV, SOKOLOV);
        }
        if (organization == OTHER_LLC || organization == TERMINATED_LLC) {
            return List.of(VOLKOV);
        }
        if (organization == GOV) {
            return List.of(NIKOLAEV);
        }
        return List.of();
    }

    /** The person a persona's certificate names. */
    public static PersonData person(Persona persona) {
        return switch (persona) {
            case LLC_HEAD, EXPIRED, REVOKED, UNTRUSTED -> FEDOROV;
            case WRONG_OGRN -> new PersonData(FEDOROV.surname(), FEDOROV.firstName(), FEDOROV.patronymic(),
                    FEDOROV.inn(), FEDOROV.snils(), FEDOROV.email(), FEDOROV.title(), OTHER_LLC, null);
            case LLC_EMPLOYEE -> SMIRNOVA;
            case LLC_FORMER_HEAD -> KUZNETSOV;
            case IE -> PETROVA;
            case GOV_HEAD -> NIKOLAEV;
        };
    }
}
