package dev.orgsign.core.pdf;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.verify.SignedRegistrations;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationPdfTest {
    private static final String LLC = Fixtures.LLC.ogrn();

    static RegistrationPayload payload(Persona persona, KeyKind kind, OrganizationType type, String id) throws Exception {
        return PayloadCodec.parse(SignedRegistrations.payload(persona, kind, type, id));
    }

    static byte[] signPdf(byte[] pdf, Persona persona, KeyKind kind) throws Exception {
        try (KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(SignedRegistrations.p12(persona, kind), "PKCS12")) {
            token.login(r -> TestPki.STORE_PASSWORD.toCharArray());
            TokenKey key = token.keys().get(0);
            return new PadesSigner().sign(pdf, token, key, "Регистрация организации", "Москва");
        }
    }

    static PdfSignatureVerifier verifier() {
        return new PdfSignatureVerifier(SignedRegistrations.TRUST, Clock.systemUTC());
    }

    @Test
    void theApplicationIsCyrillicTextWithEmbeddedFontsAndTheSameBytesEachTime() throws Exception {
        RegistrationPayload p = payload(Persona.LLC_HEAD, KeyKind.GOST_256, OrganizationType.LLC, LLC);
        byte[] pdf = ApplicationPdf.render(p);
        assertArrayEquals(pdf, ApplicationPdf.render(p), "rendering is deterministic");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Заявление о регистрации организации"), text);
            assertTrue(text.contains(p.organization().fullName()), text);
            assertTrue(text.contains(p.head().surname()), text);
            assertTrue(text.contains("ОГРН") && text.contains(p.organization().id()), text);
            assertTrue(text.contains(p.contact().email()), text);
            String hex = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(PayloadCodec.canonicalBytes(p)));
            assertTrue(text.replace(" ", "").contains(hex), "the payload hash is printed");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                assertTrue(font.getName().contains("Liberation"), font.getName());
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "application-llc.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
            assertTrue(Files.size(png) > 10_000);
        }
    }

    /**
     * The application as an office clerk sees it: rendered to PNG, the time of drawing it up is
     * Moscow time with the zone named, the stamp "Документ подписан электронной подписью" shows the
     * certificate's serial, owner and validity, and every word of the page is Russian; in English
     * the same page has no Russian sentence.
     */
    @Test
    void theRenderedApplicationShowsMoscowTimeAndTheSignatureStampInTheReadersLanguage() throws Exception {
        RegistrationPayload p = payload(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC);
        java.security.cert.X509Certificate cert = TestPki.get().credential(Persona.LLC_HEAD, KeyKind.EC_P256).certificate();
        java.time.format.DateTimeFormatter moscow = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
                .withZone(java.time.ZoneId.of("Europe/Moscow"));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
                .withZone(java.time.ZoneId.of("Europe/Moscow"));
        String created = moscow.format(p.createdAt());
        String serial = cert.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        String from = day.format(cert.getNotBefore().toInstant());
        String to = day.format(cert.getNotAfter().toInstant());

        byte[] ru = ApplicationPdf.render(p, cert, java.util.Locale.forLanguageTag("ru-RU"));
        assertArrayEquals(ru, ApplicationPdf.render(p, cert, java.util.Locale.forLanguageTag("ru")), "deterministic");
        byte[] signed = signPdf(ru, Persona.LLC_HEAD, KeyKind.EC_P256);
        assertEquals(Verdict.VERIFIED, verifier().verify(signed).report().verdict());
        dev.orgsign.testcerts.RenderedPdf page = dev.orgsign.testcerts.RenderedPdf.firstPage(signed,
                Path.of("target", "application-ru.png"));
        for (String s : List.of(created + " МСК (UTC+3)", "Документ подписан электронной подписью", "Сертификат: " + serial,
                "Владелец: Фёдоров Алексей Петрович", "Действителен: с " + from + " по " + to,
                "СНИЛС", p.organization().shortName())) {
            assertTrue(page.shows(s), "the rendered page shows '" + s + "':\n" + page.text());
        }
        java.awt.geom.Rectangle2D heading = page.where("Документ подписан электронной подписью");
        java.awt.geom.Rectangle2D frame = new java.awt.geom.Rectangle2D.Double(heading.getMinX() - 40,
                heading.getMinY() - 20, heading.getWidth() + 80, 110);
        assertTrue(page.blue(frame) > 0.02, "the stamp is drawn in blue: " + page.blue(frame));
        String snils = p.head().snils();
        assertTrue(page.text().contains(snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9)
                + " " + snils.substring(9)), "SNILS is written one way: " + page.text());
        assertFalse(page.text().contains("UTC "), "no bare UTC time");
        assertEquals(List.of(), dev.orgsign.testcerts.Translations.englishWords(page.text()), page.text());

        byte[] en = ApplicationPdf.render(p, cert, java.util.Locale.ENGLISH);
        dev.orgsign.testcerts.RenderedPdf english = dev.orgsign.testcerts.RenderedPdf.firstPage(en,
                Path.of("target", "application-en.png"));
        for (String s : List.of(created + " Moscow time (UTC+3)", "Document signed with an electronic signature",
                "Certificate: " + serial, "Owner: Фёдоров Алексей Петрович", "Valid from " + from + " to " + to)) {
            assertTrue(english.shows(s), "the English page shows '" + s + "':\n" + english.text());
        }
        assertEquals(List.of(), dev.orgsign.testcerts.Translations.russianWords(english.text()), english.text());
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void theSignedApplicationVerifiesWithEveryKeyKind(KeyKind kind) throws Exception {
        byte[] pdf = ApplicationPdf.render(payload(Persona.LLC_HEAD, kind, OrganizationType.LLC, LLC));
        byte[] signed = signPdf(pdf, Persona.LLC_HEAD, kind);
        assertArrayEquals(pdf, Arrays.copyOf(signed, pdf.length), "signed incrementally");
        Files.write(Path.of("target", "signed-" + kind + ".pdf"), signed);
        PdfSignatureVerifier.Result r = verifier().verify(signed);
        assertEquals(Verdict.VERIFIED, r.report().verdict(), r.report().checks().toString());
        assertNotNull(r.signer());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature s = doc.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", s.getSubFilter());
            assertEquals("Регистрация организации", s.getReason());
            assertTrue(new PDFTextStripper().getText(doc).contains("Руководитель"));
        }
    }

    @Test
    void theEntrepreneursApplicationHasNoKpp() throws Exception {
        byte[] pdf = ApplicationPdf.render(payload(Persona.IE, KeyKind.EC_P256, OrganizationType.IE, Fixtures.IE.ogrn()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("ОГРНИП"), text);
            assertTrue(!text.contains("КПП"), text);
            assertTrue(text.contains("Индивидуальный предприниматель"), text);
        }
    }

    @Test
    void aChangedByteOrAppendedContentIsRejected() throws Exception {
        byte[] signed = signPdf(ApplicationPdf.render(payload(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC)),
                Persona.LLC_HEAD, KeyKind.EC_P256);
        byte[] changed = signed.clone();
        int at = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        changed[at + 3] ^= 0x01;
        VerificationReport r = verifier().verify(changed).report();
        assertEquals(Verdict.REJECTED, r.verdict());
        assertEquals(List.of("signature.value"), r.failed(), r.checks().toString());

        byte[] appended = Arrays.copyOf(signed, signed.length + 10);
        System.arraycopy("\n% extra\n\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, appended, signed.length, 10);
        VerificationReport r2 = verifier().verify(appended).report();
        assertEquals(Verdict.REJECTED, r2.verdict());
        assertEquals(CheckResult.FAILED, r2.check("pdf.coverage").orElseThrow().result(), r2.checks().toString());
    }

    @Test
    void aRevokedOrUntrustedSignerIsRejectedByItsCheck() throws Exception {
        for (Persona persona : List.of(Persona.REVOKED, Persona.UNTRUSTED, Persona.EXPIRED)) {
            byte[] signed = signPdf(ApplicationPdf.render(payload(Persona.LLC_HEAD, KeyKind.EC_P256, OrganizationType.LLC, LLC)),
                    persona, KeyKind.EC_P256);
            VerificationReport r = verifier().verify(signed).report();
            String expected = switch (persona) {
                case REVOKED -> "certificate.revocation";
                case UNTRUSTED -> "certificate.chain";
                default -> "certificate.validity";
            };
            assertEquals(List.of(expected), r.failed(), persona + ": " + r.checks());
        }
    }

    @Test
    void unsignedGarbageAndEmptyInputAreRejectedWithASentence() {
        for (byte[] bad : List.of(new byte[0], "not a pdf".getBytes(), "%PDF-1.7\n%%EOF".getBytes())) {
            VerificationReport r = verifier().verify(bad).report();
            assertEquals(Verdict.REJECTED, r.verdict());
            assertEquals(List.of("pdf.signature"), r.failed());
        }
    }

    @Test
    void padesSignerRefusesWhatIsNotAPdf() throws Exception {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.orgsign.core.OrgsignException.class,
                () -> signPdf("hello".getBytes(), Persona.LLC_HEAD, KeyKind.EC_P256));
        assertEquals("The file to sign is not a readable PDF.", e.getMessage());
    }
}
