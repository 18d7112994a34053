package dev.orgsign.testcerts;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * FNS-like EGRUL documents at any size, made as they are read (never held in memory), for the
 * register store's tests and benchmarks: valid OGRN / INN check digits, one to three heads, founders,
 * and in the proportions of a real daily file some terminated companies, statuses, disqualified and
 * unreliable heads, managing organizations — and older records of earlier OGRNs repeated later in
 * the file, out of date order, as the real files have them. The same seed gives the same documents.
 */
public final class SyntheticRegister implements Iterable<RegisterDocument> {
    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров"};
    private static final String[] NAMES = {"Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван"};
    private static final String[] PATRONYMICS = {"Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Алексеевич",
            "Петрович", "Иванович", "Николаевич"};
    private static final String[] WORDS = {"РОМАШКА", "ВАСИЛЁК", "ЛЮТИК", "СТРОЙ", "ТЕХНО", "АГРО", "СЕРВИС", "ТОРГ", "ИНВЕСТ"};
    private final long count;
    private final long seed;
    private final LocalDate date;

    /**
     * @param count how many documents
     * @param seed  the random seed
     * @param date  the newest extract date; records are up to a year older
     */
    public SyntheticRegister(long count, long seed, LocalDate date) {
        this.count = count;
        this.seed = seed;
        this.date = date;
    }

    /**
     * @param i a document's number (0-based); duplicates reuse an earlier number's organization
     * @return the OGRN of organization {@code i}, with its check digit
     */
    public static String ogrn(long i) {
        String body = "1" + "02" + String.format("%02d", 10 + (int) (i / 10_000_000L % 80)) + String.format("%07d", i % 10_000_000L);
        return body + Long.parseLong(body) % 11 % 10;
    }

    /** The 10-digit INN of organization {@code i}. */
    static String inn(long i) {
        String body = String.format("%02d", 10 + (int) (i / 10_000_000L % 80)) + String.format("%07d", i % 10_000_000L);
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        return body + check(body, w);
    }

    /** A 12-digit personal INN. */
    static String personInn(long n) {
        String body = String.format("%02d", 10 + (int) (n / 100_000_000L % 80)) + String.format("%08d", n % 100_000_000L);
        String first = body + check(body, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
        return first + check(first, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += (digits.charAt(k) - '0') * weights[k];
        }
        return sum % 11 % 10;
    }

    /** The persons listed as heads of organization {@code i} (the first is the director). */
    public static PersonData head(long i, int k) {
        SplittableRandom r = new SplittableRandom(i * 31 + k);
        return new PersonData(SURNAMES[r.nextInt(SURNAMES.length)], NAMES[r.nextInt(NAMES.length)],
                PATRONYMICS[r.nextInt(PATRONYMICS.length)], personInn(i * 4 + k), "11223344595", null,
                k == 0 ? "Генеральный директор" : "Исполнительный директор", null, null);
    }

    static OrganizationData organization(long i) {
        String word = WORDS[(int) (i % WORDS.length)] + "-" + i;
        return new OrganizationData(OrganizationData.Kind.LLC, ogrn(i), inn(i), inn(i).substring(0, 4) + "01001",
                "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"" + word + "\"", "ООО \"" + word + "\"", "12300",
                "Общества с ограниченной ответственностью", "-", false);
    }

    /**
     * A daily change of organization {@code i}: its record as of {@code date}, newer than any the
     * register of {@link #SyntheticRegister} holds (a new director, more entries).
     *
     * @param i    the organization's number
     * @param date the day of the change, after the register's date
     * @return the document
     */
    public static RegisterDocument change(long i, LocalDate date) {
        return RegisterDocument.legalEntity(organization(i)).extractDate(date).entries(20, date).head(head(i, 7))
                .founder(head(i, 0));
    }

    @Override
    public Iterator<RegisterDocument> iterator() {
        return new Iterator<>() {
            private long n;
            private long organizations;
            private final SplittableRandom random = new SplittableRandom(seed);

            @Override
            public boolean hasNext() {
                return n < count;
            }

            @Override
            public RegisterDocument next() {
                if (n >= count) {
                    throw new NoSuchElementException();
                }
                n++;
                int roll = random.nextInt(1000);
                boolean duplicate = organizations > 10 && roll < 50; // 5%: an older record of an earlier OGRN
                long i = duplicate ? random.nextLong(organizations) : organizations++;
                return document(i, duplicate, roll);
            }

            private RegisterDocument document(long i, boolean older, int roll) {
                SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
                LocalDate extract = date.minusDays(r.nextInt(365) + (older ? 400 : 0));
                RegisterDocument d = RegisterDocument.legalEntity(organization(i)).extractDate(extract)
                        .entries(2 + r.nextInt(6) - (older ? 1 : 0), extract.minusDays(r.nextInt(30)));
                int heads = 1 + (r.nextInt(10) == 0 ? 1 + r.nextInt(2) : 0);
                for (int k = 0; k < heads; k++) {
                    PersonData p = head(i, k);
                    int kind = r.nextInt(100);
                    if (kind < 1) {
                        d.disqualifiedHead(p, extract.minusMonths(2), extract.plusMonths(10));
                    } else if (kind < 6) {
                        d.unreliableHead(p, "сведения недостоверны (результаты проверки достоверности содержащихся в ЕГРЮЛ "
                                + "сведений о юридическом лице)");
                    } else {
                        d.head(p);
                    }
                }
                for (int k = 0; k < r.nextInt(3); k++) {
                    d.founder(head(i, k + 3));
                }
                if (r.nextInt(100) < 3) {
                    d.terminated(extract.minusDays(10), "415", "Исключение из ЕГРЮЛ юридического лица в связи наличием в "
                            + "ЕГРЮЛ сведений о нем, в отношении которых внесена запись о недостоверности");
                } else if (r.nextInt(100) < 2) {
                    d.status("101", "Находится в стадии ликвидации");
                }
                return d;
            }
        };
    }
}
