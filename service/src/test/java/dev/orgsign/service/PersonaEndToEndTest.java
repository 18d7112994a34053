package dev.orgsign.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.orgsign.core.client.AwaitProgress;
import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.VerificationReport;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.testcerts.Persona;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/** Every persona submitted over HTTP ends as the verifier decides, and its contact gets the matching mail (GreenMail). */
class PersonaEndToEndTest {
    private static GreenMail smtp;

    @BeforeAll
    static void smtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void everyPersonaEndsAsTheVerifierDecidesAndItsContactIsTold(@TempDir Path data) throws Exception {
        Map<Persona, TestMaterial.Signed> signed = new LinkedHashMap<>();
        for (Persona p : Persona.values()) {
            signed.put(p, TestMaterial.sign(p));
        }
        ServiceConfig config = TestMaterial.config(data).smtp("127.0.0.1:" + smtp.getSmtp().getPort()).build();
        try (VerificationServer server = VerificationServer.start(config)) {
            VerificationClient client = new VerificationClient(server.uri());
            Map<Persona, Submission> submitted = new LinkedHashMap<>();
            for (var e : signed.entrySet()) {
                Submission s = client.submit(e.getValue().payload(), e.getValue().signature());
                assertEquals(Verdict.PENDING, s.verdict());
                submitted.put(e.getKey(), s);
            }
            for (Persona p : Persona.values()) {
                AtomicInteger polls = new AtomicInteger();
                Submission done = client.await(submitted.get(p).id(), Duration.ofSeconds(60), (c, a, el, next) -> polls.incrementAndGet());
                assertTrue(polls.get() >= 1);
                VerificationReport expected = TestMaterial.inProcessVerifier().verify(signed.get(p).payload(), signed.get(p).signature());
                assertEquals(expected.verdict(), done.verdict(), p + ": " + done.checks());
                assertEquals(expected.failed(), done.checks().stream().filter(c -> c.result().name().equals("FAILED"))
                        .map(c -> c.code()).toList(), p.toString());
                assertEquals(List.of(Persona.LLC_HEAD, Persona.IE, Persona.GOV_HEAD).contains(p) ? Verdict.VERIFIED : Verdict.REJECTED,
                        done.verdict(), p + ": " + done.checks());
                assertEquals(11, done.checks().size());
            }
            assertTrue(smtp.waitForIncomingEmail(30_000, Persona.values().length), "every contact gets a mail");
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(Persona.values().length, mails.length);
            for (Persona p : Persona.values()) {
                String to = p.slug() + "@romashka.test";
                MimeMessage m = Arrays.stream(mails).filter(x -> {
                    try {
                        return x.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + to));
                Verdict verdict = client.status(submitted.get(p).id()).verdict();
                assertTrue(m.getSubject().contains(verdict.name()), m.getSubject());
                String body = (String) m.getContent();
                assertTrue(body.contains(submitted.get(p).id()), body);
                assertNotEquals(-1, body.indexOf(verdict == Verdict.VERIFIED ? "has been verified" : "has been rejected"));
            }
        }
    }
}
