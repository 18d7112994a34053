package dev.orgsign.service;

import dev.orgsign.core.client.Submission;
import dev.orgsign.core.client.VerificationClient;
import dev.orgsign.core.verify.Verdict;
import dev.orgsign.service.HostileKit.Answer;
import dev.orgsign.service.HostileKit.Running;
import dev.orgsign.service.HostileKit.Store;
import dev.orgsign.testcerts.Fixtures;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data under a hostile client, on H2 and PostgreSQL: status and receipt only with the
 * submission's read token or an operator key, conflicts that name no other submission,
 * {@code Cache-Control: no-store}, an audit log without personal data, submissions only from
 * known clients when the operator says so, and the data folder 0700 with its files 0600.
 */
@Timeout(180)
class HostileAccessTest {

    private static Answer get(URI uri, String path, Map<String, String> headers) throws Exception {
        return HostileKit.exchange(uri, "127.0.0.1", "GET", path, headers, null);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void statusAndReceiptOnlyWithTheTokenOrAnOperatorKeyAndConflictsNameNoSubmission(Store store, @TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("service");
        String operator = TestMaterial.operatorKey(dir.resolve("operators"));
        TestMaterial.Signed mine = TestMaterial.sign(Persona.LLC_HEAD);
        TestMaterial.Signed theirs = TestMaterial.sign(Persona.IE);
        String myId;
        String myToken;
        try (Running r = HostileKit.start(store, data, Clock.systemUTC(), b -> b.operatorKeys(dir.resolve("operators")))) {
            URI uri = r.uri();
            VerificationClient client = new VerificationClient(uri);
            Submission a = client.submit(mine.payload(), mine.signature());
            Submission b = client.submit(theirs.payload(), theirs.signature());
            myId = a.id();
            myToken = a.token();
            assertEquals(43, a.token().length(), "256 random bits, base64url");
            assertEquals(Verdict.VERIFIED, client.await(a, Duration.ofSeconds(60), (w, x, y, z) -> { }).verdict());
            assertEquals(Verdict.VERIFIED, client.await(b, Duration.ofSeconds(60), (w, x, y, z) -> { }).verdict());
            String status = "/api/v1/submissions/" + a.id();
            String receipt = status + "/receipt.pdf";

            for (String path : List.of(status, receipt)) {
                Answer none = get(uri, path, Map.of());
                assertEquals(401, none.status(), none.body());
                assertTrue(none.header("WWW-Authenticate").startsWith("Bearer") && none.body().contains("read token"), none.body());
                Answer other = get(uri, path, bearer(b.token()));
                Answer garbage = get(uri, path, bearer("x".repeat(43)));
                Answer unknown = get(uri, "/api/v1/submissions/0b7e5c1e-1111-4222-8333-944455556666", bearer(a.token()));
                for (Answer refused : List.of(other, garbage, unknown)) {
                    assertEquals(404, refused.status(), refused.body());
                    assertTrue(refused.body().contains("\"error\":\"unknown_submission\""), refused.body());
                    assertFalse(refused.body().contains("ООО") || refused.body().contains(Fixtures.LLC.ogrn()), refused.body());
                }
                Answer wrongKey = get(uri, path, Map.of("X-Api-Key", "not-the-operator-key"));
                assertEquals(401, wrongKey.status(), wrongKey.body());
                for (Answer ok : List.of(get(uri, path, bearer(a.token())), get(uri, path, Map.of("X-Api-Key", operator)))) {
                    assertEquals(200, ok.status(), ok.body());
                    assertEquals("no-store", ok.header("Cache-Control"), path);
                }
                assertEquals("no-store", none.header("Cache-Control"));
            }

            // the same request id with another payload, and the same payload signed again: 409, and no id
            String changed = new String(mine.payload(), StandardCharsets.UTF_8).replace("+74951234567", "+74951234568");
            TestMaterial.Signed other = TestMaterial.sign(Persona.LLC_HEAD, KeyKind.EC_P256, changed.getBytes(StandardCharsets.UTF_8),
                    mine.email());
            TestMaterial.Signed resigned = TestMaterial.sign(Persona.LLC_HEAD, KeyKind.GOST_256, mine.payload(), mine.email());
            for (TestMaterial.Signed conflict : List.of(other, resigned)) {
                Answer c = HostileKit.post(uri, "127.0.0.1", conflict.payload(), conflict.signature());
                assertEquals(409, c.status(), c.body());
                assertFalse(c.body().contains(a.id()) || c.body().contains(b.id()), "a conflict names no submission: " + c.body());
            }
            Answer again = HostileKit.post(uri, "127.0.0.1", mine.payload(), mine.signature());
            assertEquals(200, again.status(), again.body());
            assertFalse(again.body().contains("token"), "the read token is given once: " + again.body());
        }
        List<String> audit = HostileKit.audit(data);
        String log = String.join("\n", audit);
        for (String event : List.of("\"event\":\"submitted\"", "\"event\":\"verdict\"", "\"event\":\"status\"",
                "\"event\":\"receipt\"", "\"event\":\"denied\"", "\"event\":\"refused\"", "\"client\":\"key:test-operator\"")) {
            assertTrue(log.contains(event), event + " in\n" + log);
        }
        assertTrue(log.contains(myId));
        for (String personal : List.of("Фёдоров", "romashka.test", Fixtures.LLC.ogrn(), myToken, "+7495")) {
            assertFalse(log.contains(personal), "the audit log holds no " + personal);
        }
        assertPrivate(data);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void withClientKeysOnlyKnownClientsSubmitAndAWorldReadableFolderIsClosed(Store store, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("service");
        Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(data.resolve("notes.txt"), "left here by hand");
        Files.setPosixFilePermissions(data.resolve("notes.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        String clientKey = TestMaterial.operatorKey(dir.resolve("clients"));
        TestMaterial.Signed s = TestMaterial.sign(Persona.GOV_HEAD);
        try (Running r = HostileKit.start(store, data, Clock.systemUTC(), b -> b.clientKeys(dir.resolve("clients")))) {
            Answer anonymous = HostileKit.post(r.uri(), "127.0.0.1", s.payload(), s.signature());
            assertEquals(401, anonymous.status(), anonymous.body());
            assertTrue(anonymous.body().contains("\"error\":\"key_required\""), anonymous.body());
            VerificationClient known = new VerificationClient(r.uri()).withApiKey(clientKey);
            Submission sub = known.submit(s.payload(), s.signature());
            assertEquals(Verdict.VERIFIED, known.await(sub, Duration.ofSeconds(60), (w, x, y, z) -> { }).verdict());
            assertPrivate(data);
        }
        assertTrue(HostileKit.audit(data).stream().anyMatch(l -> l.contains("\"event\":\"submitted\"")
                && l.contains("\"client\":\"key:test-operator\"")), "a client key's name is the client in the audit log");
    }

    /** The data folder 0700, every file in it 0600. */
    static void assertPrivate(Path data) throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), data.toString());
        try (Stream<Path> files = Files.list(data)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().anyMatch(f -> f.getFileName().toString().equals("audit.log")), all.toString());
            assertTrue(all.stream().anyMatch(f -> f.getFileName().toString().equals(ReceiptMaker.KEY_FILE)), all.toString());
            for (Path f : all) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }
}
