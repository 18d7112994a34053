package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets the service checks without keeping them: API keys (from a file of their SHA-256 hashes,
 * one {@code sha256:HEX NAME} a line, {@code #} for comments) and the per-submission read tokens
 * (32 random bytes, base64url; only their SHA-256 is stored). Keys and tokens carry 256 bits or
 * more, so a plain SHA-256 suffices: there is nothing to guess that a slow hash would protect.
 */
final class ApiKeys {
    private static final Pattern LINE = Pattern.compile("(?:sha256:)?([0-9a-fA-F]{64})(?:\\s+([\\w.@-]{1,64}))?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> namesByHash;

    private ApiKeys(Map<String, String> namesByHash) {
        this.namesByHash = namesByHash;
    }

    static ApiKeys none() {
        return new ApiKeys(Map.of());
    }

    /**
     * Reads a key file.
     *
     * @param file the file, or null for no keys
     * @param what whose keys they are, {@code operator} or {@code client} (the end of the key {@code apiKeys.of.*})
     * @throws OrgsignException when the file cannot be read or a line is not a hash
     */
    static ApiKeys load(Path file, String what) throws OrgsignException {
        if (file == null) {
            return none();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("apiKeys.unreadable", ApiHandler.T.text("apiKeys.of." + what), file,
                    Text.quoted(e.getMessage())), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw new OrgsignException(ErrorCode.USAGE, ApiHandler.T.text("apiKeys.badLine", i + 1,
                        ApiHandler.T.text("apiKeys.of." + what), file));
            }
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) == null ? "key-" + (i + 1) : m.group(2));
        }
        if (out.isEmpty()) {
            throw new OrgsignException(ErrorCode.USAGE, ApiHandler.T.text("apiKeys.empty", ApiHandler.T.text("apiKeys.of." + what), file));
        }
        return new ApiKeys(Map.copyOf(out));
    }

    boolean isEmpty() {
        return namesByHash.isEmpty();
    }

    /**
     * The name of the key presented, when it is one of these.
     *
     * @param presented the key from the request, or null
     */
    Optional<String> match(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(namesByHash.get(sha256(presented)));
    }

    /** A new read token: 32 random bytes, base64url without padding (43 characters). */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code presented} is the token whose hash is {@code storedHash} (compared in constant time). */
    static boolean tokenMatches(String presented, String storedHash) {
        if (presented == null || storedHash == null || presented.length() > 512) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The lower-case hex SHA-256 of a key or token's UTF-8 bytes, as stored. */
    static String sha256(String secret) {
        return ApiHandler.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
