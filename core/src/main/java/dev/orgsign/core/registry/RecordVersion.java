package dev.orgsign.core.registry;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * How recent one register record of an organization or entrepreneur is. The same OGRN appears in
 * several documents, within one daily file and across files, in no particular order; the newest
 * record is the one with the later extract date ({@code @ДатаВып}), then the later newest register
 * entry ({@code СвЗапЕГРЮЛ/@ДатаЗап}, {@code ГРНДата/@ДатаЗаписи}), then the more entries (a later
 * extract holds every entry of an earlier one and more). File and document order never count.
 *
 * @param extractDate     the date of the extract ({@code @ДатаВып}); null when missing (oldest)
 * @param latestEntryDate the date of the newest register entry the record shows; null when none
 * @param entries         how many register entries ({@code СвЗапЕГРЮЛ} / {@code СвЗапЕГРИП}) it lists
 */
public record RecordVersion(LocalDate extractDate, LocalDate latestEntryDate, int entries)
        implements Comparable<RecordVersion> {
    private static final Comparator<RecordVersion> ORDER = Comparator
            .comparing(RecordVersion::extractDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RecordVersion::latestEntryDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(RecordVersion::entries);

    /** A version older than any read from an extract. */
    public static final RecordVersion UNKNOWN = new RecordVersion(null, null, 0);

    @Override
    public int compareTo(RecordVersion other) {
        return ORDER.compare(this, other);
    }
}
