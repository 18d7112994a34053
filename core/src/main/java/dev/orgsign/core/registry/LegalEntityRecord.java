package dev.orgsign.core.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A legal entity as an EGRUL extract describes it ({@code СвЮЛ}): the newest record of its OGRN
 * among the extracts read (see {@link RecordVersion}). Made with {@link #builder(String)}.
 *
 * @param okopfCode   the legal form code of OKOPF ({@code КодОПФ})
 * @param version     how recent the record is (extract date first)
 * @param termination the end of the entity ({@code СвПрекрЮЛ}), or null while it exists
 * @param statuses    the statuses the register records ({@code СвСтатус}): liquidation, exclusion, reorganization...
 * @param heads       the persons entitled to act without a power of attorney ({@code СведДолжнФЛ})
 * @param managers    managing organizations acting as the sole executive body ({@code СвУпрОрг})
 * @param contested   two records of the same version disagree, so the register's word is unknown
 */
public record LegalEntityRecord(String ogrn, String inn, String kpp, String fullName, String shortName,
                                String okopfCode, String okopfName, RecordVersion version, Termination termination,
                                List<RegisterStatus> statuses, List<AuthorizedPerson> heads,
                                List<ManagingOrganization> managers, boolean contested) {
    /**
     * Copies the lists.
     *
     * @param ogrn        the OGRN
     * @param inn         the INN
     * @param kpp         the KPP
     * @param fullName    the full name
     * @param shortName   the short name, or null
     * @param okopfCode   the legal form code of OKOPF
     * @param okopfName   the legal form's name
     * @param version     how recent the record is
     * @param termination the end of the entity, or null
     * @param statuses    the statuses the register records
     * @param heads       the persons entitled to act without a power of attorney
     * @param managers    managing organizations
     * @param contested   whether two records of the same version disagree
     */
    public LegalEntityRecord {
        Objects.requireNonNull(ogrn, "ogrn");
        version = version == null ? RecordVersion.UNKNOWN : version;
        statuses = List.copyOf(statuses);
        heads = List.copyOf(heads);
        managers = List.copyOf(managers);
    }

    /** {@return whether the register records the entity's termination} */
    public boolean terminated() {
        return termination != null;
    }

    /** {@return the date of the extract this record comes from, or null} */
    public LocalDate extractDate() {
        return version.extractDate();
    }

    /** {@return the legal form, classified} */
    public LegalForm legalForm() {
        return LegalForm.of(okopfCode);
    }

    /** {@return this record marked as contested by another record of the same version} */
    public LegalEntityRecord asContested() {
        return new LegalEntityRecord(ogrn, inn, kpp, fullName, shortName, okopfCode, okopfName, version, termination,
                statuses, heads, managers, true);
    }

    /**
     * @param ogrn the OGRN
     * @return a builder of a record with this OGRN
     */
    public static Builder builder(String ogrn) {
        return new Builder(ogrn);
    }

    /** Builds a {@link LegalEntityRecord}; every field but the OGRN is optional. */
    public static final class Builder {
        private final String ogrn;
        private String inn;
        private String kpp;
        private String fullName;
        private String shortName;
        private String okopfCode;
        private String okopfName;
        private RecordVersion version = RecordVersion.UNKNOWN;
        private Termination termination;
        private final List<RegisterStatus> statuses = new ArrayList<>(1);
        private final List<AuthorizedPerson> heads = new ArrayList<>(2);
        private final List<ManagingOrganization> managers = new ArrayList<>(1);

        private Builder(String ogrn) {
            this.ogrn = ogrn;
        }

        /**
         * @param inn the INN
         * @return this builder
         */
        public Builder inn(String inn) {
            this.inn = inn;
            return this;
        }

        /**
         * @param kpp the KPP
         * @return this builder
         */
        public Builder kpp(String kpp) {
            this.kpp = kpp;
            return this;
        }

        /**
         * @param fullName the full name
         * @return this builder
         */
        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /**
         * @param shortName the short name
         * @return this builder
         */
        public Builder shortName(String shortName) {
            this.shortName = shortName;
            return this;
        }

        /**
         * @param code the OKOPF code
         * @param name the legal form's name
         * @return this builder
         */
        public Builder legalForm(String code, String name) {
            this.okopfCode = code;
            this.okopfName = name;
            return this;
        }

        /**
         * @param version how recent the record is
         * @return this builder
         */
        public Builder version(RecordVersion version) {
            this.version = version;
            return this;
        }

        /**
         * @param termination the end of the entity
         * @return this builder
         */
        public Builder termination(Termination termination) {
            this.termination = termination;
            return this;
        }

        /**
         * @param status a status the register records
         * @return this builder
         */
        public Builder status(RegisterStatus status) {
            statuses.add(status);
            return this;
        }

        /**
         * @param head a person entitled to act without a power of attorney
         * @return this builder
         */
        public Builder head(AuthorizedPerson head) {
            heads.add(head);
            return this;
        }

        /**
         * @param manager a managing organization
         * @return this builder
         */
        public Builder manager(ManagingOrganization manager) {
            managers.add(manager);
            return this;
        }

        /** {@return the record} */
        public LegalEntityRecord build() {
            return new LegalEntityRecord(ogrn, inn, kpp, fullName, shortName, okopfCode, okopfName, version, termination,
                    statuses, heads, managers, false);
        }
    }
}
