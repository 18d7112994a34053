package dev.orgsign.bench;

import dev.orgsign.testcerts.OrganizationData;
import dev.orgsign.testcerts.PersonData;
import dev.orgsign.testcerts.RegisterFixtures;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A large register for the benchmarks: {@code count} limited liability companies with valid
 * OGRN and INN, one or two heads each, written as windows-1251 EGRUL extracts of 1,000
 * documents a file (the size FNS bulk extracts come in).
 */
final class GeneratedRegister {
    private GeneratedRegister() {
    }

    static Path write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Charset cp1251 = Charset.forName("windows-1251");
        List<OrganizationData> batch = new ArrayList<>();
        int file = 0;
        for (int i = 0; i < count; i++) {
            batch.add(organization(i));
            if (batch.size() == 1000 || i == count - 1) {
                Files.write(dir.resolve(String.format("egrul-%04d.xml", file++)), RegisterFixtures.egrul(batch,
                        GeneratedRegister::heads, cp1251));
                batch.clear();
            }
        }
        return dir;
    }

    static OrganizationData organization(int i) {
        String ogrn = ogrn(String.format("10277%07d", i));
        String inn = inn10(String.format("77%07d", i));
        return new OrganizationData(OrganizationData.Kind.LLC, ogrn, inn, "770101001",
                "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"КОМПАНИЯ " + i + "\"", "ООО \"КОМПАНИЯ " + i + "\"",
                "12300", "Общества с ограниченной ответственностью", "101000, г. Москва, ул. Тверская, д. " + (i % 200), false);
    }

    static String ogrn(int i) {
        return organization(i).ogrn();
    }

    private static List<PersonData> heads(OrganizationData org) {
        int n = Integer.parseInt(org.ogrn().substring(5, 12));
        List<PersonData> heads = new ArrayList<>();
        heads.add(new PersonData("Иванов", "Пётр", "Сергеевич", inn12(String.format("77%08d", n)), null, null,
                "Генеральный директор", org, null));
        if (n % 3 == 0) {
            heads.add(new PersonData("Смирнова", "Анна", "Олеговна", inn12(String.format("78%08d", n)), null, null,
                    "Исполнительный директор", org, null));
        }
        return heads;
    }

    private static String ogrn(String twelve) {
        return twelve + Long.parseLong(twelve) % 11 % 10;
    }

    private static String inn10(String nine) {
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += (nine.charAt(i) - '0') * w[i];
        }
        return nine + s % 11 % 10;
    }

    private static String inn12(String ten) {
        int[] w1 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] w2 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int s = 0;
        for (int i = 0; i < 10; i++) {
            s += (ten.charAt(i) - '0') * w1[i];
        }
        String eleven = ten + s % 11 % 10;
        s = 0;
        for (int i = 0; i < 11; i++) {
            s += (eleven.charAt(i) - '0') * w2[i];
        }
        return eleven + s % 11 % 10;
    }
}
