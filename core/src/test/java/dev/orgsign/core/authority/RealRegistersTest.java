package dev.orgsign.core.authority;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Names;
import dev.orgsign.core.registry.EntrepreneurRecord;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.LegalEntityRecord;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.testcerts.ExtractWriter;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.OrganizationData;
import dev.orgsign.testcerts.PersonData;
import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.RegisterDocument;
import dev.orgsign.testcerts.RegisterFixtures;
import dev.orgsign.testcerts.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register as the FNS really publishes it: every file in ../shared/realworld/registers, read by
 * orgsign, against an independent reading of the same files with the JDK's DOM parser (the oracle
 * below). Certificates for the real heads and entrepreneurs are made at test time by the test PKI.
 */
class RealRegistersTest {
    private static final TestPki PKI = TestPki.get();
    private static Registry registry;
    /** The newest СвЮЛ / СвИП element of each OGRN / OGRNIP, by the oracle's reading. */
    private static final Map<String, Element> NEWEST_UL = new LinkedHashMap<>();
    private static final Map<String, Element> NEWEST_IP = new LinkedHashMap<>();
    private static int outOfOrder;

    @BeforeAll
    static void read() throws Exception {
        registry = FnsExtractRegistry.load(RealWorld.path("registers"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<Path> files;
        try (Stream<Path> s = Files.list(RealWorld.path("registers"))) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        for (Path file : files) {
            Document d = f.newDocumentBuilder().parse(file.toFile());
            oracle(d.getElementsByTagName("СвЮЛ"), "ОГРН", "СвЗапЕГРЮЛ", NEWEST_UL);
            oracle(d.getElementsByTagName("СвИП"), "ОГРНИП", "СвЗапЕГРИП", NEWEST_IP);
        }
    }

    /** Keeps the newest element per id: later ДатаВып, then later newest entry date, then more entries. */
    private static void oracle(NodeList elements, String idAttribute, String entryElement, Map<String, Element> newest) {
        Comparator<Element> order = Comparator.comparing((Element e) -> e.getAttribute("ДатаВып"))
                .thenComparing(e -> latestEntry(e, entryElement)).thenComparingInt(e -> children(e, entryElement).size());
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            Element kept = newest.get(e.getAttribute(idAttribute));
            if (kept == null || order.compare(e, kept) > 0) {
                newest.put(e.getAttribute(idAttribute), e);
            } else if (order.compare(e, kept) < 0) {
                outOfOrder++; // an older record comes after a newer one
            }
        }
    }

    private static String latestEntry(Element e, String entryElement) {
        String latest = "";
        for (Element z : children(e, entryElement)) {
            latest = max(latest, z.getAttribute("ДатаЗап"));
        }
        NodeList all = e.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element x = (Element) all.item(i);
            if (x.getTagName().startsWith("ГРН") && x.getTagName().endsWith("Дата") || x.getTagName().equals("ГРНДатаПерв")) {
                latest = max(latest, x.getAttribute("ДатаЗаписи"));
            }
        }
        return latest;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String attr(Element e, String name) {
        return e == null || e.getAttribute(name).isEmpty() ? null : e.getAttribute(name);
    }

    private static OrganizationData organization(Element ul) {
        Element names = child(ul, "СвНаимЮЛ");
        boolean gov = String.valueOf(attr(ul, "КодОПФ")).startsWith("75");
        return new OrganizationData(gov ? OrganizationData.Kind.GOV : OrganizationData.Kind.LLC, attr(ul, "ОГРН"),
                attr(ul, "ИНН"), attr(ul, "КПП"), attr(names, "НаимЮЛПолн"), attr(names, "НаимЮЛПолн"), attr(ul, "КодОПФ"),
                attr(ul, "ПолнНаимОПФ"), "-", false);
    }

    /** A qualified certificate the test PKI issues to a head the register lists. */
    private static QualifiedCertificate certificate(Element ul, Element head) throws Exception {
        Element fl = child(head, "СвФЛ");
        PersonData p = new PersonData(capitalized(attr(fl, "Фамилия")), capitalized(attr(fl, "Имя")),
                capitalized(attr(fl, "Отчество")), attr(fl, "ИННФЛ"), Fixtures.FEDOROV.snils(), "head@example.test",
                attr(child(head, "СвДолжн"), "НаимДолжн"), organization(ul), null);
        return QualifiedCertificate.parse(PKI.issue(p, KeyKind.EC_P256).certificate());
    }

    /** As certificates write names: "Фёдоров", not the register's "ФЕДОРОВ". */
    private static String capitalized(String s) {
        return s == null ? null : s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.forLanguageTag("ru"));
    }

    private static OrganizationType type(Element ul) {
        return String.valueOf(attr(ul, "КодОПФ")).startsWith("75") ? OrganizationType.GOV : OrganizationType.LLC;
    }

    @Test
    void eachDuplicatedIdentifierResolvesToItsNewestRecordAndOneCameOutOfOrder() {
        assertTrue(outOfOrder >= 1, "the real files hold an older record after a newer one");
        for (Map.Entry<String, Element> e : NEWEST_UL.entrySet()) {
            LegalEntityRecord r = registry.legalEntity(e.getKey()).orElseThrow();
            assertEquals(e.getValue().getAttribute("ДатаВып"), String.valueOf(r.extractDate()), e.getKey());
            assertEquals(children(e.getValue(), "СвЗапЕГРЮЛ").size(), r.version().entries(), e.getKey());
            assertEquals(children(e.getValue(), "СведДолжнФЛ").size(), r.heads().size(), e.getKey());
            assertEquals(child(e.getValue(), "СвПрекрЮЛ") != null, r.terminated(), e.getKey());
            assertEquals(children(e.getValue(), "СвСтатус").size(), r.statuses().size(), e.getKey());
        }
        for (Map.Entry<String, Element> e : NEWEST_IP.entrySet()) {
            EntrepreneurRecord r = registry.entrepreneur(e.getKey()).orElseThrow();
            assertEquals(e.getValue().getAttribute("ДатаВып"), String.valueOf(r.extractDate()), e.getKey());
            assertEquals(children(e.getValue(), "СвЗапЕГРИП").size(), r.version().entries(), e.getKey());
        }
        assertEquals(NEWEST_UL.size() + NEWEST_IP.size(), registry.size());
    }

    @Test
    void theCeasedEntrepreneurIsTerminatedAndNotEntitled() throws Exception {
        int ceased = 0;
        int active = 0;
        for (Map.Entry<String, Element> e : NEWEST_IP.entrySet()) {
            Element ip = e.getValue();
            Element fio = child(child(ip, "СвФЛ"), "ФИОРус");
            PersonData p = new PersonData(capitalized(attr(fio, "Фамилия")), capitalized(attr(fio, "Имя")),
                    capitalized(attr(fio, "Отчество")), attr(ip, "ИННФЛ"), Fixtures.FEDOROV.snils(), "ip@example.test",
                    null, null, e.getKey());
            AuthorityDecision d = new AuthorityCheck(registry).decide(QualifiedCertificate.parse(
                    PKI.issue(p, KeyKind.EC_P256).certificate()), OrganizationType.IE, e.getKey());
            if (child(ip, "СвПрекращ") != null) {
                ceased++;
                assertTrue(registry.entrepreneur(e.getKey()).orElseThrow().terminated());
                assertEquals(AuthorityDecision.Outcome.NOT_ENTITLED, d.outcome(), d.reasons().toString());
                assertTrue(d.has("register.terminated"), d.reasons().toString());
            } else if (children(ip, "СвСтатус").isEmpty()) {
                active++;
                assertEquals(AuthorityDecision.Outcome.ENTITLED, d.outcome(), e.getKey() + " " + d.reasons());
            }
        }
        assertEquals(1, ceased);
        assertTrue(active > 50, "active entrepreneurs decided: " + active);
    }

    @Test
    void everyHeadTheRegisterMarksUnreliableIsNotEntitledAndUnmarkedHeadsAre() throws Exception {
        int unreliable = 0;
        int unmarked = 0;
        for (Element ul : NEWEST_UL.values()) {
            for (Element head : children(ul, "СведДолжнФЛ")) {
                if (attr(child(head, "СвФЛ"), "ИННФЛ") == null) {
                    continue;
                }
                AuthorityDecision d = new AuthorityCheck(registry).decide(certificate(ul, head), type(ul), attr(ul, "ОГРН"));
                if (!children(head, "СвНедДанДолжнФЛ").isEmpty()) {
                    unreliable++;
                    assertNotEquals(AuthorityDecision.Outcome.ENTITLED, d.outcome(), d.reasons().toString());
                    assertTrue(d.has("head.unreliable"), d.reasons().toString());
                } else if (children(ul, "СвСтатус").isEmpty() && child(ul, "СвПрекрЮЛ") == null
                        && children(head, "СвДискв").stream().noneMatch(RealRegistersTest::inForceToday)
                        && Names.mixedScript(attr(child(head, "СвФЛ"), "Фамилия")).isEmpty()) {
                    unmarked++;
                    assertEquals(AuthorityDecision.Outcome.ENTITLED, d.outcome(), attr(ul, "ОГРН") + " " + d.reasons());
                    assertTrue(d.has("signer.head"));
                }
            }
        }
        assertTrue(unreliable >= 20, "heads marked unreliable: " + unreliable);
        assertTrue(unmarked >= 100, "unmarked heads: " + unmarked);
    }

    private static boolean inForceToday(Element disqualification) {
        LocalDate today = LocalDate.now(AuthorityCheck.MOSCOW);
        return !today.isBefore(LocalDate.parse(attr(disqualification, "ДатаНачДискв")))
                && !today.isAfter(LocalDate.parse(attr(disqualification, "ДатаОкончДискв")));
    }

    @Test
    void aRealDisqualificationRefusesOnlyWhileInForce() throws Exception {
        int seen = 0;
        for (Element ul : NEWEST_UL.values()) {
            for (Element head : children(ul, "СведДолжнФЛ")) {
                for (Element dq : children(head, "СвДискв")) {
                    seen++;
                    QualifiedCertificate q = certificate(ul, head);
                    LocalDate start = LocalDate.parse(attr(dq, "ДатаНачДискв"));
                    LocalDate end = LocalDate.parse(attr(dq, "ДатаОкончДискв"));
                    AuthorityDecision during = new AuthorityCheck(registry, at(start.plusDays(1))).decide(q, type(ul), attr(ul, "ОГРН"));
                    assertEquals(AuthorityDecision.Outcome.NOT_ENTITLED, during.outcome(), during.reasons().toString());
                    assertTrue(during.has("head.disqualified"));
                    AuthorityDecision after = new AuthorityCheck(registry, at(end.plusDays(1))).decide(q, type(ul), attr(ul, "ОГРН"));
                    assertTrue(!after.has("head.disqualified"), after.reasons().toString());
                }
            }
        }
        assertTrue(seen >= 2, "disqualifications: " + seen);
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(AuthorityCheck.MOSCOW).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void aCompanyRunByAManagingOrganizationIsDecidedThroughItOrUnknown(@TempDir Path dir) throws Exception {
        Element managed = NEWEST_UL.values().stream().filter(ul -> !children(ul, "СвУпрОрг").isEmpty()).findFirst().orElseThrow();
        Element manager = child(child(managed, "СвУпрОрг"), "НаимИННЮЛ");
        String managerOgrn = attr(manager, "ОГРН");
        // a certificate naming the managed company, held by the head the managing organization's record will list
        PersonData head = new PersonData("Фёдоров", "Алексей", "Петрович", Fixtures.FEDOROV.inn(), Fixtures.FEDOROV.snils(),
                "head@example.test", "Генеральный директор", organization(managed), null);
        QualifiedCertificate q = QualifiedCertificate.parse(PKI.issue(head, KeyKind.EC_P256).certificate());

        AuthorityDecision unknown = new AuthorityCheck(registry).decide(q, type(managed), attr(managed, "ОГРН"));
        assertEquals(AuthorityDecision.Outcome.UNKNOWN, unknown.outcome(), unknown.reasons().toString());
        assertTrue(unknown.has("managing.not-found"));
        assertTrue(unknown.reasons().stream().anyMatch(r -> r.message(java.util.Locale.ENGLISH).contains("OGRN " + managerOgrn)));

        // the managing organization's own extract added beside the real files: decided through it
        OrganizationData managing = new OrganizationData(OrganizationData.Kind.LLC, managerOgrn, attr(manager, "ИНН"),
                "770101001", attr(manager, "НаимЮЛПолн"), null, "12300", "Общества с ограниченной ответственностью", "-", false);
        Path extract = Files.write(dir.resolve("managing.xml"), RegisterFixtures.extract(ExtractWriter.Shape.OPEN_DATA,
                StandardCharsets.UTF_8, List.of(RegisterDocument.legalEntity(managing).head(head))));
        Registry both = FnsExtractRegistry.load(List.of(RealWorld.path("registers"), extract));
        AuthorityDecision through = new AuthorityCheck(both).decide(q, type(managed), attr(managed, "ОГРН"));
        if (children(managed, "СвСтатус").isEmpty() && child(managed, "СвПрекрЮЛ") == null) {
            assertEquals(AuthorityDecision.Outcome.ENTITLED, through.outcome(), through.reasons().toString());
        }
        assertTrue(through.has("managing.head"), through.reasons().toString());
    }
}
