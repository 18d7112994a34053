package dev.orgsign.service;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orgsign.core.client.AwaitProgress;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.RenderedPdf;
import dev.orgsign.testcerts.Translations;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submission is mailed, and gets its receipt, in the language it was sent in (Accept-Language;
 * Russian by default): the receipt rendered to PNG shows Moscow time and the stamp of the service's
 * key, and its text is Russian only (or English only); the checks of a status come in the language
 * each reader asks for.
 */
class LanguagesTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Moscow"));

    @Test
    void russianByDefaultAndEnglishWhenAsked(@TempDir Path data) throws Exception {
        TestMaterial.Signed ru = TestMaterial.sign(Persona.LLC_HEAD);
        TestMaterial.Signed en = TestMaterial.sign(Persona.IE);
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data)
                .smtp("127.0.0.1:" + smtp.getSmtp().getPort()).build())) {
            VerificationClient plain = new VerificationClient(server.uri());
            VerificationClient english = plain.withLanguage(Locale.ENGLISH);
            Submission russian = plain.await(plain.submit(ru.payload(), ru.signature()), Duration.ofSeconds(60),
                    AwaitProgress.none());
            Submission inEnglish = english.await(english.submit(en.payload(), en.signature()), Duration.ofSeconds(60),
                    AwaitProgress.none());
            assertEquals(Verdict.VERIFIED, russian.verdict(), russian.checks().toString());
            assertEquals(Verdict.VERIFIED, inEnglish.verdict(), inEnglish.checks().toString());

            assertTrue(smtp.waitForIncomingEmail(30_000, 2));
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String body = (String) m.getContent();
                if (body.contains(russian.id())) {
                    assertTrue(m.getSubject().contains("регистрация ПОДТВЕРЖДЕНА") && body.contains("МСК (UTC+3)"), body);
                    assertEquals(List.of(), Translations.englishLines(m.getSubject() + "\n" + body), body);
                } else {
                    assertTrue(m.getSubject().contains("registration VERIFIED") && body.contains("Moscow time (UTC+3)"), body);
                    assertEquals(List.of(), Translations.russianLines(m.getSubject() + "\n" + body), body);
                }
            }

            X509Certificate service = serviceCertificate(data);
            String serial = service.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
            byte[] russianPdf = plain.receipt(russian.id(), russian.token());
            RenderedPdf receipt = RenderedPdf.firstPage(russianPdf, Path.of("target", "receipt-ru.png"));
            for (String s : List.of("Квитанция о проверке регистрации", "МСК (UTC+3)")) {
                assertTrue(receipt.shows(s), "the Russian receipt shows '" + s + "':\n" + receipt.text());
            }
            RenderedPdf stamped = RenderedPdf.page(russianPdf, -1, Path.of("target", "receipt-ru-last.png"));
            for (String s : List.of("Документ подписан электронной подписью", "Сертификат: " + serial,
                    "Действителен: с " + DAY.format(service.getNotBefore().toInstant()))) {
                assertTrue(stamped.shows(s), "the Russian receipt's stamp shows '" + s + "':\n" + stamped.text());
            }
            String all = RenderedPdf.text(russianPdf);
            assertEquals(List.of(), Translations.englishWords(all), all);
            assertTrue(receipt.text().contains(DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Moscow"))
                    .format(Instant.now())), "dated in Moscow time");

            byte[] englishPdf = english.receipt(inEnglish.id(), inEnglish.token());
            RenderedPdf english2 = RenderedPdf.firstPage(englishPdf, Path.of("target", "receipt-en.png"));
            for (String s : List.of("Verification receipt of the orgsign service", "Moscow time (UTC+3)")) {
                assertTrue(english2.shows(s), "the English receipt shows '" + s + "':\n" + english2.text());
            }
            RenderedPdf englishStamp = RenderedPdf.page(englishPdf, -1, Path.of("target", "receipt-en-last.png"));
            for (String s : List.of("Document signed with an electronic signature", "Certificate: " + serial)) {
                assertTrue(englishStamp.shows(s), "the English receipt's stamp shows '" + s + "':\n" + englishStamp.text());
            }
            String allEnglish = RenderedPdf.text(englishPdf);
            assertEquals(List.of(), Translations.russianWords(allEnglish), allEnglish);

            Submission russianReader = plain.withLanguage(Locale.forLanguageTag("ru")).status(inEnglish.id(), inEnglish.token());
            String checks = russianReader.checks().toString();
            assertEquals(List.of(), Translations.englishWords(checks), "the checks in the reader's language: " + checks);
        }
    }

    static X509Certificate serviceCertificate(Path data) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve(ReceiptMaker.KEY_FILE))) {
            ks.load(in, ReceiptMaker.DEMO_KEY_PASSWORD.toCharArray());
        }
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }
}
