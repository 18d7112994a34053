package dev.orgsign.core.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An individual entrepreneur (or head of a farm) as an EGRIP extract describes them ({@code СвИП}):
 * the newest record of the OGRNIP among the extracts read (see {@link RecordVersion}).
 *
 * @param kindCode    {@code КодВидИП}: 1 an individual entrepreneur, 2 the head of a farm; null if absent
 * @param version     how recent the record is (extract date first)
 * @param termination the end of the activity ({@code СвПрекращ}), or null while it goes on
 * @param statuses    statuses the register records ({@code СвСтатус}, a farm's)
 * @param contested   two records of the same version disagree, so the register's word is unknown
 */
public record EntrepreneurRecord(String ogrnip, String inn, String surname, String firstName, String patronymic,
                                 String kindCode, RecordVersion version, Termination termination,
                                 List<RegisterStatus> statuses, boolean contested) {
    /**
     * Copies the statuses.
     *
     * @param ogrnip      the OGRNIP
     * @param inn         the entrepreneur's INN
     * @param surname     the surname
     * @param firstName   the first name
     * @param patronymic  the patronymic, or null
     * @param kindCode    {@code КодВидИП}, or null
     * @param version     how recent the record is
     * @param termination the end of the activity, or null
     * @param statuses    statuses the register records
     * @param contested   whether two records of the same version disagree
     */
    public EntrepreneurRecord {
        Objects.requireNonNull(ogrnip, "ogrnip");
        version = version == null ? RecordVersion.UNKNOWN : version;
        statuses = List.copyOf(statuses);
    }

    /** {@return whether the register records the end of the activity} */
    public boolean terminated() {
        return termination != null;
    }

    /** {@return the date of the extract this record comes from, or null} */
    public LocalDate extractDate() {
        return version.extractDate();
    }

    /** {@return "Surname First Patronymic" as the register spells it} */
    public String fullName() {
        return dev.orgsign.core.identifier.Names.join(surname, firstName, patronymic);
    }

    /** {@return this record marked as contested by another record of the same version} */
    public EntrepreneurRecord asContested() {
        return new EntrepreneurRecord(ogrnip, inn, surname, firstName, patronymic, kindCode, version, termination, statuses,
                true);
    }
}
