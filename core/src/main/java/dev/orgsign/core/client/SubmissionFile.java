package dev.orgsign.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.IoFailures;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.PrivateFiles;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@value #NAME}: where a submission is kept beside the registration it came from — its id, the
 * service it went to and its read token, the secret that opens its status and receipt (the
 * service gives it once). Written readable by the owner only (0600), like the registration.
 *
 * @param id       the submission id
 * @param token    the read token
 * @param endpoint the service's base address
 */
public record SubmissionFile(String id, String token, URI endpoint) {
    /** The file name {@link #writeTo} uses. */
    public static final String NAME = "submission.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Texts T = Texts.of(OrgsignException.class);

    /**
     * What to keep of a submission just accepted.
     *
     * @param submission what {@link VerificationClient#submit} returned, with its token
     * @param endpoint   the service's base address
     * @return the record, or null when the answer carried no token (an identical resubmission)
     */
    public static SubmissionFile of(Submission submission, URI endpoint) {
        return submission.token() == null ? null : new SubmissionFile(submission.id(), submission.token(), endpoint);
    }

    /**
     * Writes {@value #NAME} into {@code dir}, owner-only, replacing an older one.
     *
     * @param dir the folder of the registration
     * @return the file
     * @throws OrgsignException IO when it cannot be written
     */
    public Path writeTo(Path dir) throws OrgsignException {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("endpoint", endpoint.toString());
        o.put("token", token);
        try {
            PrivateFiles.folder(dir);
            return PrivateFiles.write(dir.resolve(NAME), (o.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("submissionFile.unsaved", dir, IoFailures.reason(e)), e);
        }
    }

    /**
     * Reads a file that {@link #writeTo} wrote.
     *
     * @param file the file
     * @return its content
     * @throws OrgsignException IO when it cannot be read, INVALID_INPUT when it is not such a file
     */
    public static SubmissionFile read(Path file) throws OrgsignException {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("submissionFile.tooLarge", file, NAME));
            }
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            if (n == null || !n.path("id").isTextual() || !n.path("token").isTextual() || !n.path("endpoint").isTextual()) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("submissionFile.notOne", file, NAME));
            }
            return new SubmissionFile(n.get("id").asText(), n.get("token").asText(), URI.create(n.get("endpoint").asText()));
        } catch (NoSuchFileException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("submissionFile.missing", file), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("submissionFile.unreadable", file, NAME), e);
        }
    }

    /** The record without its token, which is a secret and is never printed. */
    @Override
    public String toString() {
        return "SubmissionFile[id=" + id + ", endpoint=" + endpoint + ", token=***]";
    }
}
