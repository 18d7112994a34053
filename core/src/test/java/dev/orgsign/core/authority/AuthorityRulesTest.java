package dev.orgsign.core.authority;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OrganizationData;
import dev.orgsign.testcerts.PersonData;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static dev.orgsign.core.authority.AuthorityDecision.Outcome.ENTITLED;
import static dev.orgsign.core.authority.AuthorityDecision.Outcome.NOT_ENTITLED;
import static dev.orgsign.core.authority.AuthorityDecision.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each register rule on generated extracts, with dates relative to today: disqualification in force
 * and ended, unreliable heads, statuses, ceased entrepreneurs, managing organizations, records out of
 * date order within a file and across files, contested records, names in mixed scripts and in NFD.
 */
class AuthorityRulesTest {
    private static final TestPki PKI = TestPki.get();
    private static final LocalDate TODAY = LocalDate.now(AuthorityCheck.MOSCOW);
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir
    Path dir;

    private Registry registry(List<List<RegisterDocument>> files) throws Exception {
        int i = 0;
        for (List<RegisterDocument> file : files) {
            Files.write(dir.resolve(String.format("extract-%02d.xml", i++)),
                    RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA, CP1251, file));
        }
        return FnsExtractRegistry.load(dir);
    }

    private static QualifiedCertificate head() throws Exception {
        return QualifiedCertificate.parse(PKI.credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate());
    }

    private static AuthorityDecision decideLlc(Registry registry, QualifiedCertificate q) throws Exception {
        return new AuthorityCheck(registry).decide(q, OrganizationType.LLC, Fixtures.LLC.ogrn());
    }

    private static void assertDecision(AuthorityDecision d, AuthorityDecision.Outcome outcome, String code) {
        assertEquals(outcome, d.outcome(), d.reasons().toString());
        assertTrue(d.has(code), code + " missing in " + d.reasons());
        for (Reason r : d.reasons()) {
            assertTrue(r.message(new Locale("ru")).chars().anyMatch(c -> c >= 'А' && c <= 'я'), r.code());
        }
    }

    @Test
    void aDisqualificationInForceRefusesAndAnEndedOneChangesNothing() throws Exception {
        Registry inForce = registry(List.of(List.of(RegisterDocument.legalEntity(Fixtures.LLC)
                .disqualifiedHead(Fixtures.FEDOROV, TODAY.minusMonths(2), TODAY.plusMonths(10)))));
        AuthorityDecision d = decideLlc(inForce, head());
        assertDecision(d, NOT_ENTITLED, "head.disqualified");
        assertTrue(d.reasons().get(0).message(Locale.ENGLISH).contains(TODAY.plusMonths(10).toString()), d.reasons().toString());

        Files.list(dir).forEach(p -> p.toFile().delete());
        Registry ended = registry(List.of(List.of(RegisterDocument.legalEntity(Fixtures.LLC)
                .disqualifiedHead(Fixtures.FEDOROV, TODAY.minusYears(2), TODAY.minusDays(1)))));
        assertDecision(decideLlc(ended, head()), ENTITLED, "signer.head");

        Files.list(dir).forEach(p -> p.toFile().delete());
        Registry future = registry(List.of(List.of(RegisterDocument.legalEntity(Fixtures.LLC)
                .disqualifiedHead(Fixtures.FEDOROV, TODAY.plusDays(1), TODAY.plusYears(1)))));
        assertDecision(decideLlc(future, head()), ENTITLED, "signer.head");
        // the same register decided on a day inside the period
        Clock later = Clock.fixed(TODAY.plusDays(10).atStartOfDay(AuthorityCheck.MOSCOW).toInstant(), ZoneOffset.UTC);
        assertDecision(new AuthorityCheck(future, later).decide(head(), OrganizationType.LLC, Fixtures.LLC.ogrn()),
                NOT_ENTITLED, "head.disqualified");
    }

    @Test
    void aHeadTheRegisterMarksUnreliableIsUnknownWithTheRegistersText() throws Exception {
        String text = "сведения недостоверны (результаты проверки достоверности содержащихся в ЕГРЮЛ сведений о юридическом лице)";
        Registry r = registry(List.of(List.of(RegisterDocument.legalEntity(Fixtures.LLC).unreliableHead(Fixtures.FEDOROV, text))));
        AuthorityDecision d = decideLlc(r, head());
        assertDecision(d, UNKNOWN, "head.unreliable");
        assertTrue(d.reasons().get(0).message(Locale.ENGLISH).contains("«" + text + "»"));
        assertTrue(d.reasons().get(0).message(new Locale("ru")).contains("«" + text + "»"));
    }

    @Test
    void statusesAreShownAndTerminatingOrUnknownOnesNeverEntitle() throws Exception {
        String[][] cases = {
                {"101", "Находится в стадии ликвидации", "NOT_ENTITLED", "register.status-terminating"},
                {"201", "Ликвидировано по решению его учредителей", "NOT_ENTITLED", "register.status-terminating"},
                {"107", "Регистрирующим органом принято решение о предстоящем исключении юридического лица из ЕГРЮЛ",
                        "UNKNOWN", "register.status"},
                {"124", "Юридическое лицо находится в процессе реорганизации в форме присоединения к другому юридическому лицу",
                        "UNKNOWN", "register.status"},
                {"199", "Состояние, которого orgsign не знает", "UNKNOWN", "register.status"},
                {"X1", "Код не по формату", "UNKNOWN", "register.status"},
                {"112", "Юридическим лицом принято решение об изменении места нахождения", "ENTITLED", "register.status-noted"}};
        for (String[] c : cases) {
            Files.list(dir).forEach(p -> p.toFile().delete());
            Registry r = registry(List.of(List.of(RegisterFixtures.document(Fixtures.LLC).status(c[0], c[1]))));
            AuthorityDecision d = decideLlc(r, head());
            assertDecision(d, AuthorityDecision.Outcome.valueOf(c[2]), c[3]);
            assertTrue(d.reasons().stream().anyMatch(x -> x.message(Locale.ENGLISH).contains("«" + c[1] + "»")), c[0]);
        }
    }

    @Test
    void aCeasedEntrepreneurIsNotEntitled() throws Exception {
        OrganizationData ceased = new OrganizationData(Fixtures.IE.kind(), Fixtures.IE.ogrn(), Fixtures.IE.inn(), null,
                Fixtures.IE.fullName(), Fixtures.IE.shortName(), Fixtures.IE.okopfCode(), Fixtures.IE.okopfName(),
                Fixtures.IE.address(), true);
        Registry r = registry(List.of(List.of(RegisterDocument.entrepreneur(ceased, Fixtures.PETROVA))));
        AuthorityDecision d = new AuthorityCheck(r).decide(QualifiedCertificate.parse(
                PKI.credential(Persona.IE, KeyKind.EC_P256).certificate()), OrganizationType.IE, Fixtures.IE.ogrn());
        assertDecision(d, NOT_ENTITLED, "register.terminated");
        assertTrue(d.reasons().get(0).message(Locale.ENGLISH).contains("2024-03-01"), d.reasons().toString());
    }

    @Test
    void aManagedCompanyIsDecidedThroughItsManagingOrganization() throws Exception {
        // Фёдоров heads the LLC; the LLC manages OTHER_LLC; his certificate names OTHER_LLC (persona WRONG_OGRN).
        QualifiedCertificate managerHead = QualifiedCertificate.parse(PKI.credential(Persona.WRONG_OGRN, KeyKind.EC_P256)
                .certificate());
        RegisterDocument managed = RegisterDocument.legalEntity(Fixtures.OTHER_LLC).managedBy(Fixtures.LLC);
        Registry withManager = registry(List.of(List.of(managed, RegisterFixtures.document(Fixtures.LLC))));
        AuthorityDecision d = new AuthorityCheck(withManager).decide(managerHead, OrganizationType.LLC, Fixtures.OTHER_LLC.ogrn());
        assertDecision(d, ENTITLED, "managing.head");
        assertEquals("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", d.head().position());

        Files.list(dir).forEach(p -> p.toFile().delete());
        Registry withoutManager = registry(List.of(List.of(managed)));
        AuthorityDecision unknown = new AuthorityCheck(withoutManager).decide(managerHead, OrganizationType.LLC,
                Fixtures.OTHER_LLC.ogrn());
        assertDecision(unknown, UNKNOWN, "managing.not-found");
        assertTrue(unknown.reasons().get(0).message(Locale.ENGLISH).contains("OGRN " + Fixtures.LLC.ogrn()));

        Files.list(dir).forEach(p -> p.toFile().delete());
        Registry managerDisqualified = registry(List.of(List.of(managed, RegisterDocument.legalEntity(Fixtures.LLC)
                .disqualifiedHead(Fixtures.FEDOROV, TODAY.minusDays(5), TODAY.plusYears(1)))));
        assertDecision(new AuthorityCheck(managerDisqualified).decide(managerHead, OrganizationType.LLC,
                Fixtures.OTHER_LLC.ogrn()), NOT_ENTITLED, "head.disqualified");

        // somebody who heads neither
        PersonData stranger = new PersonData("Иванов", "Иван", "Иванович", Fixtures.SOKOLOV.inn().substring(0, 0) + "770355512394",
                "33445566784", "i@x.test", "Директор", Fixtures.OTHER_LLC, null);
        Files.list(dir).forEach(p -> p.toFile().delete());
        Registry both = registry(List.of(List.of(managed, RegisterFixtures.document(Fixtures.LLC))));
        assertDecision(new AuthorityCheck(both).decide(QualifiedCertificate.parse(PKI.issue(stranger, KeyKind.EC_P256)
                .certificate()), OrganizationType.LLC, Fixtures.OTHER_LLC.ogrn()), NOT_ENTITLED, "signer.not-listed");
    }

    /** The newer record is written first in one file, or in the file read first: the order must not matter. */
    @ParameterizedTest
    @EnumSource(Order.class)
    void theNewestRecordWinsWhateverTheOrder(Order order) throws Exception {
        RegisterDocument current = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.FEDOROV)
                .extractDate(TODAY.minusDays(1)).entries(7, TODAY.minusDays(2));
        RegisterDocument former = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.KUZNETSOV)
                .extractDate(TODAY.minusDays(30)).entries(5, TODAY.minusDays(40));
        Registry r = registry(switch (order) {
            case NEWER_FIRST_IN_ONE_FILE -> List.of(List.of(current, former));
            case OLDER_FIRST_IN_ONE_FILE -> List.of(List.of(former, current));
            case NEWER_IN_FIRST_FILE -> List.of(List.of(current), List.of(former));
            case NEWER_IN_LAST_FILE -> List.of(List.of(former), List.of(current));
        });
        AuthorityDecision d = decideLlc(r, head());
        assertDecision(d, ENTITLED, "signer.head");
        assertEquals(TODAY.minusDays(1), d.extractDate());
        assertTrue(d.has("register.extract"));
        assertDecision(decideLlc(r, QualifiedCertificate.parse(PKI.credential(Persona.LLC_FORMER_HEAD, KeyKind.EC_P256)
                .certificate())), NOT_ENTITLED, "signer.not-listed");
    }

    enum Order { NEWER_FIRST_IN_ONE_FILE, OLDER_FIRST_IN_ONE_FILE, NEWER_IN_FIRST_FILE, NEWER_IN_LAST_FILE }

    @Test
    void onTheSameExtractDateTheRecordWithMoreEntriesIsNewer() throws Exception {
        RegisterDocument before = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.KUZNETSOV).entries(5, TODAY);
        RegisterDocument after = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.FEDOROV).entries(6, TODAY);
        Registry r = registry(List.of(List.of(after, before)));
        assertDecision(decideLlc(r, head()), ENTITLED, "signer.head");
    }

    @Test
    void twoDifferentRecordsOfTheSameVersionLeaveItUnknown() throws Exception {
        RegisterDocument one = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.FEDOROV);
        RegisterDocument other = RegisterDocument.legalEntity(Fixtures.LLC).head(Fixtures.KUZNETSOV);
        Registry r = registry(List.of(List.of(one), List.of(other)));
        assertDecision(decideLlc(r, head()), UNKNOWN, "register.contested");
    }

    @Test
    void aNameMixingLatinAndCyrillicIsRefusedNamingTheLetter() throws Exception {
        PersonData latinA = new PersonData("Фёдоров", "Aлексей", "Петрович", Fixtures.FEDOROV.inn(), Fixtures.FEDOROV.snils(),
                Fixtures.FEDOROV.email(), Fixtures.FEDOROV.title(), Fixtures.LLC, null); // Latin A
        Registry r = registry(List.of(List.of(RegisterFixtures.document(Fixtures.LLC))));
        AuthorityDecision d = decideLlc(r, QualifiedCertificate.parse(PKI.issue(latinA, KeyKind.EC_P256).certificate()));
        assertDecision(d, NOT_ENTITLED, "name.mixed-script");
        assertTrue(d.reasons().get(0).message(Locale.ENGLISH).contains("'A' (U+0041)"), d.reasons().toString());
    }

    @Test
    void aDecomposedYoMatchesTheRegistersE() throws Exception {
        PersonData nfd = new PersonData("Фе\u0308доров", "Алексей", "Петрович", Fixtures.FEDOROV.inn(), Fixtures.FEDOROV.snils(),
                Fixtures.FEDOROV.email(), Fixtures.FEDOROV.title(), Fixtures.LLC, null);
        Registry r = registry(List.of(List.of(RegisterFixtures.document(Fixtures.LLC))));
        assertDecision(decideLlc(r, QualifiedCertificate.parse(PKI.issue(nfd, KeyKind.EC_P256).certificate())),
                ENTITLED, "signer.head");
    }
}
