package dev.orgsign.core.verify;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OrganizationData;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier (and so the service) applies the register rules too: a registration signed while the
 * head was entitled is rejected once the register marks him unreliable or disqualified; and a payload
 * whose head position or short name is the signer's own text, not the register's, fails
 * organization.match — nothing on a receipt is unverified free text.
 */
class RegisterRulesVerifierTest {
    private static final String LLC = Fixtures.LLC.ogrn();

    @TempDir
    Path dir;

    private Registry register(RegisterDocument... documents) throws Exception {
        Path f = Files.write(dir.resolve("extract-" + System.nanoTime() + ".xml"), RegisterFixtures.extract(
                ExtractWriter.Shape.OPEN_DATA, StandardCharsets.UTF_8, List.of(documents)));
        return FnsExtractRegistry.load(f);
    }

    private static Check check(VerificationReport r, String code) {
        return r.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aHeadTheRegisterTurnedAgainstIsRejectedOnAuthority() throws Exception {
        var s = SignedRegistrations.sign(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC, null);
        assertEquals(Verdict.VERIFIED, new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                .verify(s.payload(), s.signature()).verdict());
        LocalDate today = LocalDate.now();
        for (Registry r : List.of(
                register(RegisterDocument.legalEntity(Fixtures.LLC).unreliableHead(Fixtures.FEDOROV, "сведения недостоверны")),
                register(RegisterDocument.legalEntity(Fixtures.LLC).disqualifiedHead(Fixtures.FEDOROV, today.minusDays(1),
                        today.plusYears(1))),
                register(RegisterFixtures.document(Fixtures.LLC).status("101", "Находится в стадии ликвидации")))) {
            VerificationReport report = new SignatureVerifier(SignedRegistrations.TRUST, r).verify(s.payload(), s.signature());
            assertEquals(Verdict.REJECTED, report.verdict(), report.checks().toString());
            assertEquals(CheckResult.FAILED, check(report, "authority").result(), report.checks().toString());
        }
    }

    @Test
    void theSignersOwnPositionOrShortNameFailsOrganizationMatch() throws Exception {
        RegistrationPayload honest = PayloadCodec.parse(SignedRegistrations.payload(Persona.LLC_HEAD, KeyKind.EC_P256,
                OrganizationType.LLC, LLC));
        assertEquals("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", honest.head().position(), "the draft states the register's position");
        RegistrationPayload.Head h = honest.head();
        RegistrationPayload phishingPosition = new RegistrationPayload(java.util.UUID.randomUUID(), honest.createdAt(),
                honest.organization(), new RegistrationPayload.Head(h.surname(), h.firstName(), h.patronymic(), h.inn(), h.snils(),
                "Генеральный директор, подробности: http://romashka-bonus.example/"), honest.contact());
        RegistrationPayload.Organization o = honest.organization();
        RegistrationPayload otherShortName = new RegistrationPayload(java.util.UUID.randomUUID(), honest.createdAt(),
                new RegistrationPayload.Organization(o.type(), o.id(), o.inn(), o.kpp(), o.fullName(), "ООО «Выигрыш»"),
                honest.head(), honest.contact());
        for (RegistrationPayload p : List.of(phishingPosition, otherShortName)) {
            var s = SignedRegistrations.signBytes(Persona.LLC_HEAD, KeyKind.EC_P256, PayloadCodec.canonicalBytes(p));
            VerificationReport r = new SignatureVerifier(SignedRegistrations.TRUST, SignedRegistrations.REGISTRY)
                    .verify(s.payload(), s.signature());
            assertEquals(Verdict.REJECTED, r.verdict(), r.checks().toString());
            Check match = check(r, "organization.match");
            assertEquals(CheckResult.FAILED, match.result());
            assertTrue(match.message().contains("differs"), match.message());
            assertEquals(CheckResult.PASSED, check(r, "authority").result());
        }
    }

    @Test
    void aCeasedEntrepreneursRegistrationIsRejected() throws Exception {
        var s = SignedRegistrations.sign(Persona.IE, KeyKind.EC_P256, OrganizationType.IE, Fixtures.IE.ogrn(), null);
        OrganizationData ceased = new OrganizationData(Fixtures.IE.kind(), Fixtures.IE.ogrn(), Fixtures.IE.inn(), null,
                Fixtures.IE.fullName(), Fixtures.IE.shortName(), Fixtures.IE.okopfCode(), Fixtures.IE.okopfName(),
                Fixtures.IE.address(), true);
        VerificationReport r = new SignatureVerifier(SignedRegistrations.TRUST,
                register(RegisterDocument.entrepreneur(ceased, Fixtures.PETROVA))).verify(s.payload(), s.signature());
        assertEquals(Verdict.REJECTED, r.verdict());
        assertTrue(check(r, "authority").message().contains("register.terminated"), r.checks().toString());
    }
}
