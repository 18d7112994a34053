package dev.orgsign.core.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A certification centre as the ministry's list of accredited centres describes it: its names,
 * identifiers and accreditation history (the current status and the earlier ones, oldest first).
 *
 * @param name           {@code Название}
 * @param shortName      {@code КраткоеНазвание}, or null
 * @param ogrn           {@code ОГРН}, or null
 * @param inn            {@code ИНН}, or null
 * @param registryNumber {@code РеестровыйНомер}, or null
 * @param history        every status the list gives, oldest first, without repeats
 */
public record AccreditedCentre(String name, String shortName, String ogrn, String inn, String registryNumber,
                               List<AccreditationStatus> history) {
    /**
     * Sorts the history by the moment each status took effect and drops repeated entries (the
     * current status usually appears in the history as well).
     *
     * @param name           the full name
     * @param shortName      the short name, or null
     * @param ogrn           the OGRN, or null
     * @param inn            the INN, or null
     * @param registryNumber the number in the ministry's register, or null
     * @param history        the statuses in any order
     */
    public AccreditedCentre {
        List<AccreditationStatus> sorted = new ArrayList<>();
        for (AccreditationStatus s : history) {
            if (!sorted.contains(s)) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparing(AccreditationStatus::since));
        history = List.copyOf(sorted);
    }

    /**
     * The status that held at {@code at}: the latest one that took effect at or before it.
     *
     * @param at the moment
     * @return the status, or null when {@code at} lies before the first one (the centre was not yet accredited)
     */
    public AccreditationStatus statusAt(Instant at) {
        AccreditationStatus found = null;
        for (AccreditationStatus s : history) {
            if (s.since().isAfter(at)) {
                break;
            }
            found = s;
        }
        return found;
    }

    /**
     * Whether the centre was accredited at {@code at}.
     *
     * @param at the moment
     * @return true when the status then was {@value AccreditationStatus#ACTIVE}
     */
    public boolean accreditedAt(Instant at) {
        AccreditationStatus s = statusAt(at);
        return s != null && s.accredited();
    }

    /** {@return the name people know the centre by: the short name when the list gives one, with the OGRN} */
    public String displayName() {
        String n = shortName != null && !shortName.isBlank() ? shortName : name;
        return ogrn == null || ogrn.isBlank() ? n : n + " (ОГРН " + ogrn + ")";
    }
}
