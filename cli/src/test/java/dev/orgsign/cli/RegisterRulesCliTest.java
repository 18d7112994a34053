package dev.orgsign.cli;

import dev.orgsign.cli.CliFixture.Result;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.OrganizationData;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.orgsign.cli.CliFixture.LLC_OGRN;
import static dev.orgsign.cli.CliFixture.pki;
import static dev.orgsign.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No path of the command leads to ENTITLED for the register's hard cases: {@code check} and
 * {@code register} refuse with exit 4 and sign nothing, and {@code verify} rejects a registration
 * signed earlier once the register has turned against its signer.
 */
class RegisterRulesCliTest {
    private static final LocalDate TODAY = LocalDate.now();

    @TempDir
    Path dir;

    enum HardCase {
        DISQUALIFIED("head.disqualified", RegisterDocument.legalEntity(Fixtures.LLC)
                .disqualifiedHead(Fixtures.FEDOROV, TODAY.minusDays(10), TODAY.plusYears(1))),
        UNRELIABLE("head.unreliable", RegisterDocument.legalEntity(Fixtures.LLC).unreliableHead(Fixtures.FEDOROV,
                "сведения недостоверны (заявление физического лица о недостоверности сведений о нем)")),
        LIQUIDATION("register.status-terminating", RegisterFixtures.document(Fixtures.LLC)
                .status("101", "Находится в стадии ликвидации")),
        UPCOMING_EXCLUSION("register.status", RegisterFixtures.document(Fixtures.LLC).status("105",
                "Регистрирующим органом принято решение о предстоящем исключении недействующего юридического лица из ЕГРЮЛ")),
        MANAGER_MISSING("managing.not-found", RegisterDocument.legalEntity(Fixtures.LLC).managedBy(Fixtures.OTHER_LLC)),
        CEASED_ENTREPRENEUR("register.terminated", RegisterDocument.entrepreneur(new OrganizationData(Fixtures.IE.kind(),
                Fixtures.IE.ogrn(), Fixtures.IE.inn(), null, Fixtures.IE.fullName(), Fixtures.IE.shortName(),
                Fixtures.IE.okopfCode(), Fixtures.IE.okopfName(), Fixtures.IE.address(), true), Fixtures.PETROVA));

        final String code;
        final RegisterDocument document;

        HardCase(String code, RegisterDocument document) {
            this.code = code;
            this.document = document;
        }

        boolean entrepreneur() {
            return document.isEntrepreneur();
        }
    }

    private String[] who(HardCase c) throws Exception {
        return c.entrepreneur()
                ? new String[] {"--type", "IE", "--ogrn", CliFixture.IE_OGRNIP}
                : new String[] {"--type", "LLC", "--ogrn", LLC_OGRN};
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(HardCase.class)
    void checkAndRegisterRefuseAndSignNothing(HardCase c) throws Exception {
        Path register = Files.createDirectories(dir.resolve("register"));
        Files.write(register.resolve("extract.xml"), RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA,
                Charset.forName("windows-1251"), List.of(c.document)));
        String persona = c.entrepreneur() ? "ie" : "llc-head";

        Result check = run(concat(new String[] {"check", "--cert", pki().resolve("personas/" + persona + "/ec-p256.pem").toString(),
                "--registry", register.toString(), "--json", "--lang", "en"}, who(c)));
        assertEquals(4, check.exit(), check.toString());
        assertFalse(check.out().contains("\"ENTITLED\""), check.out());
        assertTrue(check.out().contains("\"code\": \"" + c.code + "\""), check.out());

        Path out = dir.resolve("out");
        Result register1 = run(concat(new String[] {"register", "--keystore", pki().resolve("personas/" + persona
                + "/ec-p256.p12").toString(), "--pin-env", CliFixture.STORE_PASSWORD_VAR, "--registry", register.toString(),
                "--email", "buh@romashka.test", "--no-submit", "--out", out.toString(), "--lang", "en"}, who(c)));
        assertEquals(4, register1.exit(), register1.toString());
        assertFalse(Files.exists(out.resolve("registration.json.sig")), "nothing is signed");
    }
}
