package dev.orgsign.core.trust;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.testcerts.AccreditedCentresList;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.TrustListFixtures;
import dev.orgsign.testcerts.TrustListFixtures.Centre;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustListTest {
    private static final TrustListFixtures F = TrustListFixtures.get();

    private static X509Certificate signer() {
        return F.listSigner().certificate();
    }

    @Test
    void aSignedListLoadsWithItsCentresHistoryAndRoot(@TempDir Path dir) throws Exception {
        Path file = F.write(F.list(), dir.resolve("tsl.xml"), true);
        TrustList list = TrustList.load(file, signer());
        assertEquals(42L, list.version());
        assertEquals(4, list.centres().size());
        assertEquals(3, list.accreditedAt(Instant.now()), "the head, the FNS test CA and the restored one; not the ended one");
        assertEquals(4, list.accreditedAt(Instant.now().minus(Duration.ofDays(20))));
        assertEquals(3, list.accreditedAt(Instant.now().minus(Duration.ofDays(50))), "the suspended one was not accredited then");
        assertEquals(List.of(F.pki().rootCa()), list.roots());
        assertEquals("urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256", list.signatureMethod());
        assertTrue(list.signer().startsWith("Минцифры России"), list.signer());
        AccreditedCentre ended = list.issuerOf(F.issue(Centre.ENDED, F.pki().person(dev.orgsign.testcerts.Persona.LLC_HEAD),
                KeyKind.EC_P256, Instant.now().minus(Duration.ofDays(5)), Instant.now().plus(Duration.ofDays(5))).certificate())
                .orElseThrow().centre();
        assertEquals("1027700000031", ended.ogrn());
        assertEquals(List.of("Действует", "Прекращена"), ended.history().stream().map(AccreditationStatus::status).toList(),
                "the current status and the history's copy of it are one entry");
        assertEquals(List.of(java.net.URI.create("http://crl.orgsign.invalid/1027700000031.crl")),
                list.crlAddresses(F.ca(Centre.ENDED)));
        assertTrue(list.issuerOf(F.issue(Centre.UNKNOWN, F.pki().person(dev.orgsign.testcerts.Persona.LLC_HEAD), KeyKind.EC_P256,
                Instant.now(), Instant.now().plus(Duration.ofDays(5))).certificate()).isEmpty());
    }

    @Test
    void aListChangedAfterSigningIsRefused(@TempDir Path dir) throws Exception {
        byte[] signed = F.list().signed(F.listSigner());
        String text = new String(signed, StandardCharsets.UTF_8);
        byte[] restored = text.replace("<Статус>Прекращена</Статус>", "<Статус>Действует</Статус>").getBytes(StandardCharsets.UTF_8);
        assertFalse(java.util.Arrays.equals(signed, restored));
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustList.read(restored, "tsl.xml", signer()));
        assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
        assertTrue(e.getMessage().contains("was changed after it was signed"), e.getMessage());

        int v = text.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length();
        char c = text.charAt(v + 5);
        byte[] otherValue = (text.substring(0, v + 5) + (c == 'A' ? 'B' : 'A') + text.substring(v + 6)).getBytes(StandardCharsets.UTF_8);
        e = assertThrows(OrgsignException.class, () -> TrustList.read(otherValue, "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("does not verify with the key of the certificate named as its signer"), e.getMessage());

        X509Certificate someoneElse = TrustListFixtures.get().pki().credential(dev.orgsign.testcerts.Persona.LLC_HEAD,
                KeyKind.GOST_256).certificate();
        e = assertThrows(OrgsignException.class, () -> TrustList.read(signed, "tsl.xml", someoneElse));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());

        e = assertThrows(OrgsignException.class, () -> TrustList.read(signed, "tsl.xml", null));
        assertTrue(e.getMessage().contains("--trust-list-signer"), "a signed list is not taken unchecked: " + e.getMessage());

        e = assertThrows(OrgsignException.class, () -> TrustList.read(F.list().unsigned(), "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("carries no XML signature"), "a named signer makes the signature required: " + e.getMessage());

        TrustList unsigned = TrustList.read(F.list().unsigned(), "tsl.xml", null);
        assertNull(unsigned.signatureMethod());
        assertEquals(4, unsigned.centres().size());
    }

    /** Forms other than the published list's: each makes the verifier read the document a second time. */
    static java.util.stream.Stream<AccreditedCentresList.Form> otherForms() {
        String cp = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:";
        return java.util.stream.Stream.of(
                new AccreditedCentresList.Form("http://www.w3.org/TR/2001/REC-xml-c14n-20010315", null, cp + "gostr34112012-256"),
                new AccreditedCentresList.Form("http://www.w3.org/2006/12/xml-c14n11", null, cp + "gostr34112012-512"),
                new AccreditedCentresList.Form("http://www.w3.org/2001/10/xml-exc-c14n#", "xsi #default",
                        "http://www.w3.org/2001/04/xmlenc#sha256"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("otherForms")
    void aListSignedInAnotherFormLoadsAndIsRefusedWhenChanged(AccreditedCentresList.Form form) throws Exception {
        byte[] signed = F.list().signed(F.listSigner(), form); // Santuario's canonical forms, inclusive ones render xmlns:xsi
        assertEquals(4, TrustList.read(signed, "tsl.xml", signer()).centres().size(), form.toString());
        byte[] changed = new String(signed, StandardCharsets.UTF_8).replace("<Статус>Прекращена</Статус>",
                "<Статус>Действует</Статус>").getBytes(StandardCharsets.UTF_8);
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustList.read(changed, "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("was changed after it was signed"), form + ": " + e.getMessage());
    }

    @Test
    void aCommentAddedAfterSigningChangesNothingAndCdataReadsAsText() throws Exception {
        String text = new String(F.list().signed(F.listSigner()), StandardCharsets.UTF_8);
        // comments are not in the canonical form, so the signature still holds, and the index reads the text around them
        byte[] commented = text.replace("<ОГРН>1027700000031</ОГРН>", "<ОГРН>10277<!-- a note -->00000031</ОГРН>")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(java.util.Arrays.equals(commented, text.getBytes(StandardCharsets.UTF_8)));
        TrustList list = TrustList.read(commented, "tsl.xml", signer());
        assertTrue(list.centres().stream().anyMatch(c -> "1027700000031".equals(c.ogrn())), "the OGRN read whole");
        // CDATA is text in the canonical form: the same octets, the same index
        byte[] cdata = text.replace("<ОГРН>1027700000031</ОГРН>", "<ОГРН><![CDATA[10277]]>00000031</ОГРН>")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(TrustList.read(cdata, "tsl.xml", signer()).centres().stream().anyMatch(c -> "1027700000031".equals(c.ogrn())));
        // but a processing instruction is in it: added after signing, it is a change
        byte[] instruction = text.replace("<ОГРН>1027700000031</ОГРН>", "<ОГРН>10277<?pi x?>00000031</ОГРН>")
                .getBytes(StandardCharsets.UTF_8);
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustList.read(instruction, "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("was changed after it was signed"), e.getMessage());
    }

    @Test
    void theSignatureMayComeFirstInTheRootAndItsNamespaceFromTheRoot() throws Exception {
        String text = new String(F.list().signed(F.listSigner()), StandardCharsets.UTF_8);
        String[] cut = cutSignature(text);
        String sig = cut[0];
        String rest = cut[1];
        int afterRoot = rest.indexOf('>', rest.indexOf("<АккредитованныеУдостоверяющиеЦентры")) + 1;
        byte[] first = (rest.substring(0, afterRoot) + sig + rest.substring(afterRoot)).getBytes(StandardCharsets.UTF_8);
        assertEquals(4, TrustList.read(first, "tsl.xml", signer()).centres().size(), "an enveloped signature's place does not count");
        // the ds prefix declared on the root instead: exclusive canonicalization of SignedInfo still renders it there
        String dsOnRoot = text.replace(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"", "")
                .replace("<АккредитованныеУдостоверяющиеЦентры", "<АккредитованныеУдостоверяющиеЦентры xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"");
        assertEquals(4, TrustList.read(dsOnRoot.getBytes(StandardCharsets.UTF_8), "tsl.xml", signer()).centres().size());
    }

    @Test
    void aSecondSignatureOrOneInsideAnElementIsRefused() throws Exception {
        String text = new String(F.list().signed(F.listSigner()), StandardCharsets.UTF_8);
        String[] cut = cutSignature(text);
        String sig = cut[0];
        int to = text.indexOf("</ds:Signature>") + "</ds:Signature>".length();
        String moved = cut[1].replaceFirst("</УдостоверяющийЦентр>", sig + "</УдостоверяющийЦентр>");
        byte[] inside = moved.getBytes(StandardCharsets.UTF_8);
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustList.read(inside, "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("not a child of the root"), e.getMessage());
        byte[] twice = (text.substring(0, to) + sig + text.substring(to)).getBytes(StandardCharsets.UTF_8);
        e = assertThrows(OrgsignException.class, () -> TrustList.read(twice, "tsl.xml", signer()));
        assertTrue(e.getMessage().contains("2 XML signatures"), e.getMessage());
    }

    @Test
    void aDoctypeOrAnotherDocumentIsRefusedWithASentence() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<АккредитованныеУдостоверяющиеЦентры><Версия>&x;</Версия></АккредитованныеУдостоверяющиеЦентры>")
                .getBytes(StandardCharsets.UTF_8);
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustList.read(xxe, "evil.xml", null));
        assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("not well-formed"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
        e = assertThrows(OrgsignException.class, () -> TrustList.read("<Файл/>".getBytes(StandardCharsets.UTF_8), "egrul.xml", null));
        assertTrue(e.getMessage().contains("is not a list of accredited certification centres"), e.getMessage());
        e = assertThrows(OrgsignException.class, () -> TrustList.read("<АккредитованныеУдостоверяющиеЦентры><Версия>1"
                .getBytes(StandardCharsets.UTF_8), "cut.xml", null));
        assertTrue(e.getMessage().contains("is not well-formed XML"), e.getMessage());
    }

    @Test
    void theMinistrysRealRootsLoadAsAnchorsFromTheListAndFromTheFolder() throws Exception {
        List<X509Certificate> real = TrustMaterial.load(RealWorld.path("trust"), List.of()).anchors();
        assertEquals(3, real.size());
        AccreditedCentresList l = new AccreditedCentresList(1, Instant.now());
        l.centre(new AccreditedCentresList.Centre("Министерство цифрового развития, связи и массовых коммуникаций Российской "
                + "Федерации", "Минцифры России", "1047702026701", "7710474375", "0",
                List.of(new AccreditedCentresList.Status("Действует", Instant.parse("2018-07-06T00:00:00Z"))),
                List.of(new AccreditedCentresList.Key(real, List.of()))));
        TrustList list = TrustList.read(l.unsigned(), "ministry.xml", null);
        assertEquals(Set.copyOf(real), Set.copyOf(list.roots()), "the real roots are self-signed and read as anchors");
        TrustMaterial material = TrustMaterial.load(null, List.of(), list);
        assertEquals(Set.copyOf(real), Set.copyOf(material.anchors()));
        TrustMaterial both = TrustMaterial.load(RealWorld.path("trust"), List.of(), list);
        assertEquals(3, both.anchors().size(), "a root given twice is one anchor");
        X509Certificate root2022 = real.stream().filter(c -> c.getNotBefore().toInstant().toString().startsWith("2022"))
                .findFirst().orElseThrow();
        assertEquals(List.of(root2022), list.withSubject(root2022.getSubjectX500Principal()).stream()
                .filter(c -> c.equals(root2022)).toList());
    }

    @Test
    void theGeneratedListKeepsToThePublishedStructure() throws Exception {
        Set<String> published = paths(Files.newInputStream(RealWorld.path("tsl/format-skeleton.xml")));
        Set<String> ours = paths(new ByteArrayInputStream(F.list().signed(F.listSigner())));
        ours.removeIf(p -> p.contains("/Signature"));
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(published);
        assertTrue(extra.isEmpty(), "elements the published structure does not have: " + extra);
        assertTrue(ours.contains("/АккредитованныеУдостоверяющиеЦентры/УдостоверяющийЦентр/ПрограммноАппаратныеКомплексы/"
                + "ПрограммноАппаратныйКомплекс/КлючиУполномоченныхЛиц/Ключ/Сертификаты/ДанныеСертификата/Данные"));
    }

    @Test
    void aListOfSixHundredCentresLoads(@TempDir Path dir) throws Exception {
        Path file = F.write(F.large(600), dir.resolve("large.xml"), true);
        TrustList list = TrustList.load(file, signer());
        assertEquals(600, list.centres().size());
        assertEquals(4 + 2 * 596, list.certificates().size(), "the root, three centres' CAs, two per generated centre");
        assertEquals(0, list.unreadableCertificates());
    }

    @Test
    void anUnreadableCertificateIsLeftOutAndCounted() throws Exception {
        String text = new String(F.list().unsigned(), StandardCharsets.UTF_8);
        int at = text.indexOf("<Данные>") + "<Данные>".length();
        byte[] broken = (text.substring(0, at) + "AAAA" + text.substring(at + 4)).getBytes(StandardCharsets.UTF_8);
        TrustList list = TrustList.read(broken, "tsl.xml", null);
        assertEquals(1, list.unreadableCertificates());
        assertTrue(list.roots().isEmpty(), "the head centre's root was the first certificate");
        OrgsignException e = assertThrows(OrgsignException.class, () -> TrustMaterial.load(null, List.of(), list));
        assertTrue(e.getMessage().contains("holds no root certificate"), e.getMessage());
    }

    @Test
    void aCertificateWithAMalformedExtensionIsCountedWhenTheListLoadsNotWhenItIsUsed() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        java.security.KeyPair kp = g.generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Broken CA");
        byte[] der = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                java.util.Date.from(Instant.now()), java.util.Date.from(Instant.now().plus(Duration.ofDays(1))), name, kp.getPublic())
                .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true, new byte[] {5, 0}) // NULL, not a SEQUENCE
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()))
                .getEncoded();
        assertThrows(java.security.cert.CertificateException.class, () -> java.security.cert.CertificateFactory
                .getInstance("X.509", dev.orgsign.core.crypto.Providers.bouncyCastle()).generateCertificate(new ByteArrayInputStream(der)),
                "BouncyCastle refuses to make a certificate object of it");
        String text = new String(F.list().unsigned(), StandardCharsets.UTF_8);
        int at = text.indexOf("<Данные>") + "<Данные>".length();
        int end = text.indexOf("</Данные>", at);
        byte[] listed = (text.substring(0, at) + java.util.Base64.getEncoder().encodeToString(der) + text.substring(end))
                .getBytes(StandardCharsets.UTF_8);
        TrustList list = TrustList.read(listed, "tsl.xml", null);
        assertEquals(1, list.unreadableCertificates(), "counted as the list loads, though certificates are made when used");
        assertTrue(list.certificates().stream().allMatch(l -> l.certificate() != null), "every certificate left in can be made");
    }

    /** {@return the list's {@code ds:Signature} element as text, and the list without it} */
    private static String[] cutSignature(String text) {
        int from = text.indexOf("<ds:Signature");
        int to = text.indexOf("</ds:Signature>") + "</ds:Signature>".length();
        return new String[] {text.substring(from, to), text.substring(0, from) + text.substring(to)};
    }

    private static Set<String> paths(InputStream in) throws Exception {
        Set<String> out = new TreeSet<>();
        XMLInputFactory f = dev.orgsign.core.xml.SecureXml.streamFactory();
        XMLStreamReader r = f.createXMLStreamReader(in);
        Deque<String> path = new ArrayDeque<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                path.addLast(r.getLocalName());
                out.add("/" + String.join("/", path));
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                path.removeLast();
            }
        }
        in.close();
        return out;
    }
}
