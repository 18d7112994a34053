package dev.orgsign.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceConfigTest {
    private static ServiceConfig.Builder valid() {
        return ServiceConfig.builder().dataDir(Path.of("d")).trust(Path.of("t")).registry(Path.of("r"));
    }

    @Test
    void defaultsAndSmtpAddress() {
        ServiceConfig c = valid().smtp("mail.example:2525").build();
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals("mail.example", c.smtpHost());
        assertEquals(2525, c.smtpPort());
        assertTrue(c.embeddedDatabase());
        assertEquals(25, valid().smtp("mail.example").build().smtpPort());
    }

    @Test
    void wrongValuesAreSentences() {
        assertEquals("The port 70000 is not between 0 and 65535.",
                assertThrows(IllegalArgumentException.class, () -> valid().port(70000).build()).getMessage());
        assertEquals("The trust anchors are missing: give --trust PATH or --trust-list FILE.",
                assertThrows(IllegalArgumentException.class, () -> valid().trust(null).build()).getMessage());
        assertEquals("The SMTP address mail:x is not HOST:PORT (e.g. localhost:25).",
                assertThrows(IllegalArgumentException.class, () -> valid().smtp("mail:x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> valid().workers(-1).build()).getMessage().contains("workers"));
    }

    @Test
    void limitsHaveDefaultsForAnOpenNetworkAndWrongOnesAreSentences() {
        ServiceLimits l = valid().build().limits();
        assertEquals(new Rate(30, java.time.Duration.ofMinutes(10)), l.perClient());
        assertEquals(new Rate(5, java.time.Duration.ofHours(1)), l.perRecipient());
        assertEquals(java.time.Duration.ofDays(90), l.retain());
        assertEquals(5, l.maxCertificates());
        assertEquals(256 * 1024, valid().build().maxBodyBytes());
        assertEquals("The certificates allowed in a signature must be between 1 and 100.",
                assertThrows(IllegalArgumentException.class, () -> valid().maxCertificates(0).build()).getMessage());
        assertEquals("Submissions must be kept for at least a second (--retain).",
                assertThrows(IllegalArgumentException.class, () -> valid().retain(java.time.Duration.ZERO).build()).getMessage());
        assertEquals("A rate needs a count of at least 1 and a period of at least a millisecond.",
                assertThrows(IllegalArgumentException.class, () -> new Rate(0, java.time.Duration.ofMinutes(1))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> valid().maxBodyBytes(2048).build()).getMessage()
                .contains("must not be below the signature limit"));
        assertEquals("10 minutes", new Rate(30, java.time.Duration.ofMinutes(10)).period());
        assertEquals("1 hour", new Rate(5, java.time.Duration.ofHours(1)).period());
        assertEquals(Path.of("d", "audit.log"), valid().build().auditLogFile());
        assertTrue(valid().build().selfMadeReceiptKey());
    }

    @Test
    void startingWithWrongPathsOrABusyPortFailsWithASentence(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        dev.orgsign.core.OrgsignException noTrust = assertThrows(dev.orgsign.core.OrgsignException.class, () ->
                VerificationServer.start(TestMaterial.config(data).trust(data.resolve("nowhere")).build()));
        assertTrue(noTrust.getMessage().contains("does not exist"), noTrust.getMessage());
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            dev.orgsign.core.OrgsignException e = assertThrows(dev.orgsign.core.OrgsignException.class, () ->
                    VerificationServer.start(TestMaterial.config(data).port(busy.getLocalPort()).build()));
            assertEquals(dev.orgsign.core.ErrorCode.USAGE, e.code());
            assertTrue(e.getMessage().contains("choose another port"), e.getMessage());
        }
        try (VerificationServer s = VerificationServer.start(TestMaterial.config(data).build())) {
            assertTrue(s.uri().getPort() > 0, "the store was closed after the failed start and opens again");
        }
    }
}
