package dev.orgsign.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How documents and screens write a moment for people: in Moscow time, the time of the state
 * registers and of the offices that read the documents, with the zone named ("15.01.2026 14:30:00
 * МСК (UTC+3)"), never in UTC without saying so.
 */
public final class MoscowTime {
    /** Europe/Moscow. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZONE);
    private static final Texts T = Texts.of(MoscowTime.class);

    private MoscowTime() {
    }

    /**
     * A moment with date, time and the zone named.
     *
     * @param instant the moment
     * @param locale  the reader's locale ("МСК" in Russian, "Moscow time" otherwise)
     * @return for example "15.01.2026 14:30:00 МСК (UTC+3)"
     */
    public static String dateTime(Instant instant, Locale locale) {
        return T.format(locale, "time.moscow", DATE_TIME.format(instant), offset(instant));
    }

    /**
     * The Moscow date of a moment (a certificate's validity, an extract's date).
     *
     * @param instant the moment
     * @return for example "15.01.2026"
     */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static String offset(Instant instant) {
        int seconds = ZONE.getRules().getOffset(instant).getTotalSeconds();
        return "UTC" + (seconds >= 0 ? "+" : "-") + Math.abs(seconds) / 3600
                + (seconds % 3600 == 0 ? "" : String.format(Locale.ROOT, ":%02d", Math.abs(seconds) % 3600 / 60));
    }
}
