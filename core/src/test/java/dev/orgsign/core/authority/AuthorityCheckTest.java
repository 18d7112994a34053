package dev.orgsign.core.authority;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.PersonData;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RegisterFixtures;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.orgsign.core.authority.AuthorityDecision.Outcome.ENTITLED;
import static dev.orgsign.core.authority.AuthorityDecision.Outcome.NOT_ENTITLED;
import static dev.orgsign.core.authority.AuthorityDecision.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every persona × organization type, against the register fixtures in both encodings. */
class AuthorityCheckTest {
    private static final TestPki PKI = TestPki.get();

    @TempDir
    Path dir;

    private record Case(Persona persona, OrganizationType type, String id, AuthorityDecision.Outcome outcome, String code) {
    }

    private static final String LLC = Fixtures.LLC.ogrn();
    private static final String GOV = Fixtures.GOV.ogrn();
    private static final String OTHER = Fixtures.OTHER_LLC.ogrn();
    private static final String IE = Fixtures.IE.ogrn();

    private static final List<Case> CASES = List.of(
            new Case(Persona.LLC_HEAD, OrganizationType.LLC, LLC, ENTITLED, "signer.head"),
            new Case(Persona.LLC_HEAD, OrganizationType.GOV, LLC, NOT_ENTITLED, "organization.not-government"),
            new Case(Persona.LLC_HEAD, OrganizationType.IE, IE, NOT_ENTITLED, "certificate.not-entrepreneur"),
            new Case(Persona.LLC_HEAD, OrganizationType.LLC, OTHER, NOT_ENTITLED, "certificate.ogrn-mismatch"),
            new Case(Persona.LLC_EMPLOYEE, OrganizationType.LLC, LLC, NOT_ENTITLED, "certificate.no-organization"),
            new Case(Persona.LLC_EMPLOYEE, OrganizationType.GOV, GOV, NOT_ENTITLED, "certificate.no-organization"),
            new Case(Persona.LLC_EMPLOYEE, OrganizationType.IE, IE, NOT_ENTITLED, "certificate.no-organization"),
            new Case(Persona.LLC_FORMER_HEAD, OrganizationType.LLC, LLC, NOT_ENTITLED, "signer.not-listed"),
            new Case(Persona.IE, OrganizationType.IE, IE, ENTITLED, "signer.entrepreneur"),
            new Case(Persona.IE, OrganizationType.LLC, LLC, NOT_ENTITLED, "certificate.no-organization"),
            new Case(Persona.GOV_HEAD, OrganizationType.GOV, GOV, ENTITLED, "signer.head"),
            new Case(Persona.GOV_HEAD, OrganizationType.LLC, GOV, NOT_ENTITLED, "organization.type-mismatch"),
            // validity, revocation and trust are the verifier's checks, not the authority's:
            new Case(Persona.EXPIRED, OrganizationType.LLC, LLC, ENTITLED, "signer.head"),
            new Case(Persona.REVOKED, OrganizationType.LLC, LLC, ENTITLED, "signer.head"),
            new Case(Persona.UNTRUSTED, OrganizationType.LLC, LLC, ENTITLED, "signer.head"),
            new Case(Persona.WRONG_OGRN, OrganizationType.LLC, LLC, NOT_ENTITLED, "certificate.ogrn-mismatch"),
            new Case(Persona.WRONG_OGRN, OrganizationType.LLC, OTHER, NOT_ENTITLED, "signer.not-listed"));

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251"})
    void everyPersonaAndTypeIsDecidedWithTheExpectedReason(String encoding) throws Exception {
        RegisterFixtures.write(dir, Charset.forName(encoding));
        AuthorityCheck check = new AuthorityCheck(FnsExtractRegistry.load(dir));
        for (Case c : CASES) {
            for (KeyKind kind : c.persona().keyKinds()) {
                AuthorityDecision d = check.decide(QualifiedCertificate.parse(PKI.credential(c.persona(), kind).certificate()),
                        c.type(), c.id());
                assertEquals(c.outcome(), d.outcome(), c + " " + kind + " " + d.reasons());
                assertTrue(d.has(c.code()), c + " gave " + d.reasons());
                for (Reason r : d.reasons()) {
                    assertFalse(r.message(Locale.ENGLISH).isBlank());
                    assertTrue(r.message(new Locale("ru")).chars().anyMatch(ch -> ch >= 'А' && ch <= 'я'), r.code());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251"})
    void unknownOrganizationIsUnknownAndTerminatedIsNotEntitled(String encoding) throws Exception {
        RegisterFixtures.write(dir, Charset.forName(encoding));
        Registry registry = FnsExtractRegistry.load(dir);
        AuthorityCheck check = new AuthorityCheck(registry);

        PersonData strangerHead = new PersonData("Иванов", "Иван", "Иванович", Fixtures.SOKOLOV.inn(), "11223344595",
                "i@x.test", "Директор", new dev.orgsign.testcerts.OrganizationData(
                dev.orgsign.testcerts.OrganizationData.Kind.LLC, "1157746123446", "7723456782", "772301001", "ООО \"НЕТ\"",
                "ООО \"НЕТ\"", "12300", "x", "x", false), null);
        AuthorityDecision unknown = check.decide(QualifiedCertificate.parse(PKI.issue(strangerHead, KeyKind.EC_P256).certificate()),
                OrganizationType.LLC, "1157746123446");
        assertEquals(UNKNOWN, unknown.outcome());
        assertTrue(unknown.has("register.not-found"));

        PersonData volkov = new PersonData(Fixtures.VOLKOV.surname(), Fixtures.VOLKOV.firstName(), Fixtures.VOLKOV.patronymic(),
                Fixtures.VOLKOV.inn(), "11223344595", "v@x.test", "Генеральный директор", Fixtures.TERMINATED_LLC, null);
        AuthorityDecision terminated = check.decide(QualifiedCertificate.parse(PKI.issue(volkov, KeyKind.EC_P256).certificate()),
                OrganizationType.LLC, Fixtures.TERMINATED_LLC.ogrn());
        assertEquals(NOT_ENTITLED, terminated.outcome());
        assertTrue(terminated.has("register.terminated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8"})
    void sameInnWithAnotherNameIsNotEntitledAndATypoIsAnError(String encoding) throws Exception {
        RegisterFixtures.write(dir, Charset.forName(encoding));
        AuthorityCheck check = new AuthorityCheck(FnsExtractRegistry.load(dir));
        PersonData impostor = new PersonData("Фёдорова", "Алёна", "Петровна", Fixtures.FEDOROV.inn(), "11223344595",
                "a@x.test", "Генеральный директор", Fixtures.LLC, null);
        AuthorityDecision d = check.decide(QualifiedCertificate.parse(PKI.issue(impostor, KeyKind.EC_P256).certificate()),
                OrganizationType.LLC, LLC);
        assertEquals(NOT_ENTITLED, d.outcome());
        assertTrue(d.has("register.name-mismatch"));

        OrgsignException typo = assertThrows(OrgsignException.class, () -> check.decide(
                QualifiedCertificate.parse(PKI.credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate()),
                OrganizationType.LLC, "1027700132196"));
        assertTrue(typo.getMessage().contains("mistyped"));
    }
}
