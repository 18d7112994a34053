package dev.orgsign.testcerts.softhsm;

import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.TestPkiWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A SoftHSM2 installation in a folder of its own ({@code softhsm2.conf} and {@code tokens/}),
 * and the provisioning of test tokens with persona keys and certificates.
 *
 * <p>libsofthsm2 reads {@code SOFTHSM2_CONF} from the environment when it is initialized, and a
 * JVM cannot change its own environment. So provisioning never loads SoftHSM into the calling
 * JVM: {@code softhsm2-util} initializes the token and a child JVM ({@link SoftHsmImporter})
 * imports the keys and certificates through PKCS#11, each with {@code SOFTHSM2_CONF} set to
 * this folder's configuration. Whoever then uses the tokens — a test JVM, the {@code orgsign}
 * command, the demo — must run with {@link #environment()} applied (surefire sets it for the
 * test JVMs) and, if it already had the module initialized, initialize it again to see new
 * tokens (SoftHSM scans its token folder in {@code C_Initialize} only).
 */
public final class SoftHsm {
    /** The user PIN of provisioned test tokens. */
    public static final String USER_PIN = "12345678";
    /** The security officer PIN of provisioned test tokens. */
    public static final String SO_PIN = "87654321";

    private static final List<String> LIBRARY_CANDIDATES = List.of(
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
            "/opt/homebrew/lib/softhsm/libsofthsm2.so",
            "/usr/local/opt/softhsm/lib/softhsm/libsofthsm2.so");

    private final Path dir;
    private final Path library;

    private SoftHsm(Path dir, Path library) {
        this.dir = dir;
        this.library = library;
    }

    /**
     * A SoftHSM whose configuration and tokens live in {@code dir} (created when missing).
     *
     * @throws SoftHsmMissingException when SoftHSM2 is not installed
     */
    public static SoftHsm at(Path dir) throws IOException {
        Path lib = library();
        Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        String text = "directories.tokendir = " + dir.toAbsolutePath().resolve("tokens") + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n";
        if (!Files.exists(conf) || !Files.readString(conf).equals(text)) {
            Files.writeString(conf, text);
        }
        return new SoftHsm(dir.toAbsolutePath(), lib);
    }

    /**
     * The SoftHSM this process was started for: the folder of the {@code SOFTHSM2_CONF} file
     * in its environment (as surefire sets it for the test JVMs).
     *
     * @throws IllegalStateException when {@code SOFTHSM2_CONF} is not set
     */
    public static SoftHsm fromEnvironment() throws IOException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set for this process; the build sets it for tests "
                    + "(see the surefire configuration in the root pom).");
        }
        return at(Path.of(conf).toAbsolutePath().getParent());
    }

    /** Whether the person running the build asked to skip SoftHSM tests ({@code ORGSIGN_SKIP_SOFTHSM=1}). */
    public static boolean skipRequested() {
        return "1".equals(System.getenv("ORGSIGN_SKIP_SOFTHSM"));
    }

    /**
     * The SoftHSM2 PKCS#11 library of this machine ({@code ORGSIGN_SOFTHSM_LIBRARY} first).
     *
     * @throws SoftHsmMissingException when it is not installed
     */
    public static Path library() {
        String explicit = System.getenv("ORGSIGN_SOFTHSM_LIBRARY");
        if (explicit != null && Files.isRegularFile(Path.of(explicit))) {
            return Path.of(explicit);
        }
        for (String candidate : LIBRARY_CANDIDATES) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new SoftHsmMissingException();
    }

    /** The configuration file to put in {@code SOFTHSM2_CONF}. */
    public Path configFile() {
        return dir.resolve("softhsm2.conf");
    }

    /** The SoftHSM2 PKCS#11 library. */
    public Path libraryPath() {
        return library;
    }

    /** The environment a process that uses these tokens needs. */
    public Map<String, String> environment() {
        return Map.of("SOFTHSM2_CONF", configFile().toString());
    }

    /**
     * Initializes a new token and puts the EC and RSA keys of the given personas on it, each
     * private key with its public key and certificate, sharing CKA_ID and CKA_LABEL
     * ({@code <persona>-<kind>}, e.g. {@code llc-head-ec-p256}).
     */
    public ProvisionedToken provision(String tokenLabel, String userPin, TestPki pki, Collection<Persona> personas)
            throws IOException {
        List<ProvisionedKey> keys = new ArrayList<>();
        for (Persona persona : personas) {
            for (KeyKind kind : persona.keyKinds()) {
                if (kind.onSoftHsm()) {
                    Credential c = pki.credential(persona, kind);
                    keys.add(new ProvisionedKey(persona, kind, persona.slug() + "-" + kind.slug(),
                            HexFormat.of().formatHex(keyId(c))));
                }
            }
        }
        initToken(tokenLabel, userPin);
        Path work = Files.createTempDirectory(dir, "import-");
        try {
            List<String> args = new ArrayList<>();
            for (ProvisionedKey key : keys) {
                Path p12 = work.resolve(key.label() + ".p12");
                Files.write(p12, TestPkiWriter.pkcs12(key.persona(), pki.credential(key.persona(), key.kind())));
                args.add(key.label() + "=" + key.idHex() + "=" + p12);
            }
            String serial = SoftHsmImporter.runChild(this, tokenLabel, userPin, args);
            return new ProvisionedToken(this, tokenLabel, serial, userPin, keys);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** Initializes an empty token in the next free slot with {@link #SO_PIN} and the given user PIN. */
    public void initToken(String tokenLabel, String userPin) throws IOException {
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", tokenLabel,
                "--so-pin", SO_PIN, "--pin", userPin));
    }

    /**
     * Sets the user-PIN flags SoftHSM reports for a token (CKF_USER_PIN_COUNT_LOW 0x10000,
     * CKF_USER_PIN_FINAL_TRY 0x20000, CKF_USER_PIN_LOCKED 0x40000). SoftHSM never locks a PIN
     * by itself (it only raises COUNT_LOW after a wrong PIN), so tests of the locked and
     * final-try rules write into its token file ({@code token.object}, attribute
     * CKA_OS_TOKENFLAGS 0x8000534B, an 8-byte big-endian number after the type and kind) the state a hardware token
     * reaches after wrong PINs. Processes that have the module initialized see it after their
     * next {@code C_Initialize}.
     */
    public void setUserPinFlags(String tokenLabel, boolean countLow, boolean finalTry, boolean locked) throws IOException {
        Path file = tokenObject(tokenLabel);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOfAttribute(bytes, 0x8000534BL);
        if (at < 0) {
            throw new IOException("No token flags in " + file);
        }
        int value = at + 16; // type (8), kind 2 = unsigned long (8), then the value itself
        long flags = java.nio.ByteBuffer.wrap(bytes, value, 8).getLong();
        flags &= ~(0x10000L | 0x20000L | 0x40000L);
        flags |= (countLow ? 0x10000L : 0) | (finalTry ? 0x20000L : 0) | (locked ? 0x40000L : 0);
        java.nio.ByteBuffer.wrap(bytes, value, 8).putLong(flags);
        Files.write(file, bytes);
    }

    private Path tokenObject(String tokenLabel) throws IOException {
        try (var dirs = Files.list(dir.resolve("tokens"))) {
            for (Path d : dirs.toList()) {
                Path object = d.resolve("token.object");
                if (!Files.isRegularFile(object)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(object);
                int at = indexOfAttribute(bytes, 0x80005349L);
                if (at >= 0) {
                    int len = (int) java.nio.ByteBuffer.wrap(bytes, at + 16, 8).getLong();
                    String label = new String(bytes, at + 24, len, StandardCharsets.UTF_8).trim();
                    if (label.equals(tokenLabel)) {
                        return object;
                    }
                }
            }
        }
        throw new IOException("No SoftHSM token labelled " + tokenLabel + " in " + dir);
    }

    /** Offset of an attribute record (type: 8 bytes, kind: 8 bytes, then length/value) in a SoftHSM object file. */
    private static int indexOfAttribute(byte[] bytes, long type) {
        for (int i = 0; i + 32 <= bytes.length; i++) {
            if (java.nio.ByteBuffer.wrap(bytes, i, 8).getLong() == type) {
                return i;
            }
        }
        return -1;
    }

    /** Removes every token of this SoftHSM. */
    public void deleteAllTokens() throws IOException {
        Path tokens = dir.resolve("tokens");
        if (Files.isDirectory(tokens)) {
            try (var walk = Files.walk(tokens)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(tokens)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    void run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SoftHsmMissingException();
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + out.replace(SO_PIN, "***"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
    }

    /** CKA_ID of a key: the certificate's subject key identifier (SHA-1 of the public key). */
    static byte[] keyId(Credential c) {
        byte[] ext = c.certificate().getExtensionValue("2.5.29.14");
        byte[] ski = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getOctets();
        return ski;
    }

    @Override
    public String toString() {
        return "SoftHSM at " + dir + " (" + library.toString().toLowerCase(Locale.ROOT) + ")";
    }
}
