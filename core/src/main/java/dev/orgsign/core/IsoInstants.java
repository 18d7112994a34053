package dev.orgsign.core;

import java.time.Instant;

/** Moments written as ISO-8601 the way {@link Instant#toString} does, at a fraction of its cost (reports write many). */
public final class IsoInstants {
    private IsoInstants() {
    }

    /**
     * {@link Instant#toString} without a formatter for whole seconds of years 1000-9999 (what signing times are).
     *
     * @param t the moment
     * @return what {@code t.toString()} gives
     */
    public static String format(Instant t) {
        // 1000-01-01T00:00:00Z and 9999-12-31T23:59:59Z
        if (t.getNano() != 0 || t.getEpochSecond() < -30_610_224_000L || t.getEpochSecond() > 253_402_300_799L) {
            return t.toString();
        }
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, java.time.ZoneOffset.UTC);
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        put(c, 0, d.getYear(), 4);
        put(c, 5, d.getMonthValue(), 2);
        put(c, 8, d.getDayOfMonth(), 2);
        put(c, 11, d.getHour(), 2);
        put(c, 14, d.getMinute(), 2);
        put(c, 17, d.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
