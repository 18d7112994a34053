package dev.orgsign.testcerts;

/** Independent check-digit arithmetic of the Russian identifiers, to test the fixtures against. */
final class CheckDigits {
    private CheckDigits() {
    }

    static boolean ogrn(String s) {
        return s.matches("\\d{13}") && Long.parseLong(s.substring(0, 12)) % 11 % 10 == s.charAt(12) - '0';
    }

    static boolean ogrnip(String s) {
        return s.matches("\\d{15}") && Long.parseLong(s.substring(0, 14)) % 13 % 10 == s.charAt(14) - '0';
    }

    static boolean inn10(String s) {
        return s.matches("\\d{10}") && weighted(s, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}) == s.charAt(9) - '0';
    }

    static boolean inn12(String s) {
        return s.matches("\\d{12}")
                && weighted(s, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == s.charAt(10) - '0'
                && weighted(s, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == s.charAt(11) - '0';
    }

    static boolean snils(String s) {
        if (!s.matches("\\d{11}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        return check == Integer.parseInt(s.substring(9));
    }

    private static int weighted(String s, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (s.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }
}
