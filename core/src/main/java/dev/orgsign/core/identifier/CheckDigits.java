package dev.orgsign.core.identifier;

/** The check-digit arithmetic of Russian identifiers (FNS order ММВ-7-6/435@ for INN, PFR rules for SNILS). */
final class CheckDigits {
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private CheckDigits() {
    }

    /** OGRN: the 12 leading digits modulo 11, then modulo 10. */
    static int ogrn(String s) {
        return (int) (Long.parseLong(s.substring(0, 12)) % 11 % 10);
    }

    /** OGRNIP: the 14 leading digits modulo 13, then modulo 10. */
    static int ogrnip(String s) {
        return (int) (Long.parseLong(s.substring(0, 14)) % 13 % 10);
    }

    static int inn10(String s) {
        return weighted(s, INN10);
    }

    static int inn12Eleventh(String s) {
        return weighted(s, INN12_11);
    }

    static int inn12Twelfth(String s) {
        return weighted(s, INN12_12);
    }

    /** SNILS: digits weighted 9…1; below 100 the sum itself, 100 and 101 give 00, above that modulo 101. */
    static int snils(String s) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        int m = sum % 101;
        return m == 100 ? 0 : m;
    }

    private static int weighted(String s, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (s.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }
}
