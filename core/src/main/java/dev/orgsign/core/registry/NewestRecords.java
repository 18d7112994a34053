package dev.orgsign.core.registry;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the newest record of each OGRN and OGRNIP, whatever order the records come in (see
 * {@link RecordVersion}). Two records of the same version that differ leave the register's word
 * unknown: the record is kept marked {@linkplain LegalEntityRecord#contested() contested}, which the
 * authority check never reads as entitling, until a newer record settles it. Not thread-safe.
 */
public final class NewestRecords implements FnsExtractReader.Sink {
    private final Map<String, LegalEntityRecord> legalEntities = new HashMap<>();
    private final Map<String, EntrepreneurRecord> entrepreneurs = new HashMap<>();

    @Override
    public void legalEntity(LegalEntityRecord record) {
        legalEntities.merge(record.ogrn(), record, NewestRecords::newer);
    }

    @Override
    public void entrepreneur(EntrepreneurRecord record) {
        entrepreneurs.merge(record.ogrnip(), record, NewestRecords::newer);
    }

    /**
     * @param kept     the record kept so far
     * @param incoming another record of the same OGRN
     * @return the newer one; a contested record when both are of the same version and differ
     */
    public static LegalEntityRecord newer(LegalEntityRecord kept, LegalEntityRecord incoming) {
        int c = incoming.version().compareTo(kept.version());
        if (c != 0) {
            return c > 0 ? incoming : kept;
        }
        return kept.contested() || !incoming.equals(kept) ? kept.asContested() : kept;
    }

    /**
     * @param kept     the record kept so far
     * @param incoming another record of the same OGRNIP
     * @return the newer one; a contested record when both are of the same version and differ
     */
    public static EntrepreneurRecord newer(EntrepreneurRecord kept, EntrepreneurRecord incoming) {
        int c = incoming.version().compareTo(kept.version());
        if (c != 0) {
            return c > 0 ? incoming : kept;
        }
        return kept.contested() || !incoming.equals(kept) ? kept.asContested() : kept;
    }

    Map<String, LegalEntityRecord> legalEntities() {
        return legalEntities;
    }

    Map<String, EntrepreneurRecord> entrepreneurs() {
        return entrepreneurs;
    }
}
