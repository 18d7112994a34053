package dev.orgsign.service;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orgsign.core.client.AwaitProgress;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every persona submitted over HTTP ends as the verifier decides, and its contact gets the
 * matching mail (GreenMail) — unless the signature does not vouch for the address: the untrusted
 * root's persona and the revoked certificate's get their verdict over HTTP only.
 */
class PersonaEndToEndTest {
    /** A fresh SMTP server on a free loopback port for each test. */
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    /** Signed by a certificate that does not chain to the trust, or that is revoked: nobody vouches for the address. */
    private static final java.util.Set<Persona> UNVOUCHED = java.util.EnumSet.of(Persona.UNTRUSTED, Persona.REVOKED);

    @Test
    void everyPersonaEndsAsTheVerifierDecidesAndItsContactIsTold(@TempDir Path data) throws Exception {
        Map<Persona, TestMaterial.Signed> signed = new LinkedHashMap<>();
        for (Persona p : Persona.values()) {
            signed.put(p, TestMaterial.sign(p));
        }
        ServiceConfig config = TestMaterial.config(data).smtp("127.0.0.1:" + smtp.getSmtp().getPort()).build();
        try (VerificationServer server = VerificationServer.start(config)) {
            VerificationClient client = new VerificationClient(server.uri()).withLanguage(java.util.Locale.ENGLISH);
            Map<Persona, Submission> submitted = new LinkedHashMap<>();
            for (var e : signed.entrySet()) {
                Submission s = client.submit(e.getValue().payload(), e.getValue().signature());
                assertEquals(Verdict.PENDING, s.verdict());
                submitted.put(e.getKey(), s);
            }
            for (Persona p : Persona.values()) {
                AtomicInteger polls = new AtomicInteger();
                Submission done = client.await(submitted.get(p), Duration.ofSeconds(60), (c, a, el, next) -> polls.incrementAndGet());
                assertTrue(polls.get() >= 1);
                VerificationReport expected = TestMaterial.inProcessVerifier().verify(signed.get(p).payload(), signed.get(p).signature());
                assertEquals(expected.verdict(), done.verdict(), p + ": " + done.checks());
                assertEquals(expected.failed(), done.checks().stream().filter(c -> c.result().name().equals("FAILED"))
                        .map(c -> c.code()).toList(), p.toString());
                assertEquals(List.of(Persona.LLC_HEAD, Persona.IE, Persona.GOV_HEAD).contains(p) ? Verdict.VERIFIED : Verdict.REJECTED,
                        done.verdict(), p + ": " + done.checks());
                assertEquals(11, done.checks().size());
            }
            int told = Persona.values().length - UNVOUCHED.size();
            assertTrue(smtp.waitForIncomingEmail(30_000, told), "every vouched contact gets a mail");
            Thread.sleep(1000); // the mail sender polls every 200 ms: time enough for a wrong mail to arrive too
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(told, mails.length);
            for (Persona p : UNVOUCHED) {
                String to = p.slug() + "@romashka.test";
                assertTrue(Arrays.stream(mails).noneMatch(x -> {
                    try {
                        return x.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
                    } catch (Exception e) {
                        return true;
                    }
                }), "no mail to the unvouched " + to);
            }
            for (Persona p : Persona.values()) {
                if (UNVOUCHED.contains(p)) {
                    continue;
                }
                String to = p.slug() + "@romashka.test";
                MimeMessage m = Arrays.stream(mails).filter(x -> {
                    try {
                        return x.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + to));
                Verdict verdict = client.status(submitted.get(p).id(), submitted.get(p).token()).verdict();
                assertTrue(m.getSubject().contains(verdict.name()), m.getSubject());
                String body = (String) m.getContent();
                assertTrue(body.contains(submitted.get(p).id()), body);
                assertNotEquals(-1, body.indexOf(verdict == Verdict.VERIFIED ? "has been verified" : "has been rejected"));
            }
        }
    }

    @Test
    void entityLikeTextInAFieldIsJustTextInTheMailAndTheReceipt(@TempDir Path data) throws Exception {
        String trick = "%xxe; SYSTEM \"file:///etc/passwd\" ]] CDATA %lol; 'x'";
        TestMaterial.Signed base = TestMaterial.sign(Persona.LLC_HEAD, dev.orgsign.testcerts.KeyKind.EC_P256, "entity@romashka.test");
        String json = new String(base.payload(), java.nio.charset.StandardCharsets.UTF_8);
        var p = dev.orgsign.core.payload.PayloadCodec.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var tricked = new dev.orgsign.core.payload.RegistrationPayload(p.requestId(), p.createdAt(), p.organization(),
                new dev.orgsign.core.payload.RegistrationPayload.Head(p.head().surname(), p.head().firstName(), p.head().patronymic(),
                        p.head().inn(), p.head().snils(), trick), p.contact());
        TestMaterial.Signed s = TestMaterial.sign(Persona.LLC_HEAD, dev.orgsign.testcerts.KeyKind.EC_P256,
                dev.orgsign.core.payload.PayloadCodec.canonicalBytes(tricked), "entity@romashka.test");
        VerificationReport expected = TestMaterial.inProcessVerifier().verify(s.payload(), s.signature());
        try (VerificationServer server = VerificationServer.start(TestMaterial.config(data)
                .smtp("127.0.0.1:" + smtp.getSmtp().getPort()).build())) {
            VerificationClient client = new VerificationClient(server.uri());
            Submission done = client.await(client.submit(s.payload(), s.signature()), Duration.ofSeconds(30), AwaitProgress.none());
            assertEquals(expected.verdict(), done.verdict(), done.checks().toString());
            assertTrue(smtp.waitForIncomingEmail(30_000, 1));
            String body = (String) smtp.getReceivedMessages()[0].getContent();
            assertTrue(!body.contains(trick), "the position, free text nobody checks, stays out of the mail: " + body);
            assertTrue(!body.contains("root:x:0"), body);
            if (done.verdict() == Verdict.VERIFIED) {
                var http = java.net.http.HttpClient.newHttpClient();
                byte[] pdf = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("api/v1/submissions/" + done.id()
                        + "/receipt.pdf")).header("Authorization", "Bearer " + done.token()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replace("\n", " ");
                    assertTrue(text.contains("%xxe; SYSTEM") && text.contains("file:///etc/passwd"), text);
                    assertTrue(!text.contains("root:x:0"), text);
                }
            }
        }
    }
}
