package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the PKCS#11 module (the token vendor's library) to load: the path given, else
 * {@code ORGSIGN_PKCS11_MODULE}, else the first of the usual libraries present on this system
 * (Rutoken, JaCarta, SafeNet eToken, OpenSC, SoftHSM, p11-kit). Checks that a file is a native
 * library for this machine before anything loads it, so that a wrong file gets its own sentence
 * instead of a crash.
 */
public final class Pkcs11Modules {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    /** The environment variable naming the module when {@code --module} is not given. */
    public static final String MODULE_VARIABLE = "ORGSIGN_PKCS11_MODULE";

    private static final List<String> LINUX = List.of(
            "/usr/lib/librtpkcs11ecp.so", "/opt/aktivco/rutokenecp/x86_64/librtpkcs11ecp.so",
            "/usr/lib/x86_64-linux-gnu/librtpkcs11ecp.so",
            "/usr/lib/libjcPKCS11-2.so", "/usr/lib/x86_64-linux-gnu/libjcPKCS11-2.so", "/opt/jacartauc/lib/libjcPKCS11-2.so",
            "/usr/lib/libeTPkcs11.so", "/usr/lib/libeToken.so",
            "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
            "/usr/lib/opensc-pkcs11.so", "/usr/lib64/opensc-pkcs11.so",
            "/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib64/softhsm/libsofthsm2.so",
            // last: the p11-kit proxy reaches the modules registered with p11-kit, some of them above
            // (a token seen twice is listed once, with the module above, see Pkcs11Discovery)
            "/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so", "/usr/lib/aarch64-linux-gnu/p11-kit-proxy.so",
            "/usr/lib64/p11-kit-proxy.so");
    private static final List<String> WINDOWS = List.of(
            "C:\\Windows\\System32\\rtPKCS11ECP.dll", "C:\\Windows\\System32\\jcPKCS11-2.dll",
            "C:\\Windows\\System32\\eTPKCS11.dll", "C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll",
            "C:\\SoftHSM2\\lib\\softhsm2-x64.dll");
    private static final List<String> MAC = List.of(
            "/Library/Aktiv Co/Rutoken ECP/lib/librtpkcs11ecp.dylib", "/Library/AladdinRD/JaCarta/lib/libjcPKCS11-2.dylib",
            "/usr/local/lib/libeTPkcs11.dylib", "/Library/OpenSC/lib/opensc-pkcs11.so",
            "/opt/homebrew/lib/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");

    private Pkcs11Modules() {
    }

    /**
     * The module to use.
     *
     * @param explicit the path the user gave, or {@code null}
     * @return the module file, checked with {@link #check}
     * @throws OrgsignException MODULE_NOT_FOUND when none is given or found; MODULE_INVALID for a wrong file
     */
    public static Path resolve(Path explicit) throws OrgsignException {
        if (explicit != null) {
            return check(explicit);
        }
        String env = System.getenv(MODULE_VARIABLE);
        if (env != null && !env.isBlank()) {
            return check(Path.of(env));
        }
        List<Path> found = discover();
        if (found.isEmpty()) {
            throw new OrgsignException(ErrorCode.MODULE_NOT_FOUND, T.text("module.none", MODULE_VARIABLE));
        }
        return found.get(0);
    }

    /**
     * The modules to search for tokens: the ones given; else those {@code ORGSIGN_PKCS11_MODULE}
     * names (several separated by the path separator, {@code :} on Linux); else every usual
     * library present ({@link #discover}). Nothing is checked or loaded here: a module that
     * cannot be used is reported by {@link Pkcs11Discovery} and does not stop the others.
     *
     * @param explicit the modules the user gave (possibly none)
     * @return the modules, in search order, each once
     * @throws OrgsignException MODULE_NOT_FOUND when none is given and none is found
     */
    public static List<Path> resolveAll(List<Path> explicit) throws OrgsignException {
        if (!explicit.isEmpty()) {
            return List.copyOf(explicit);
        }
        String env = System.getenv(MODULE_VARIABLE);
        if (env != null && !env.isBlank()) {
            List<Path> named = new ArrayList<>();
            for (String part : env.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (!part.isBlank()) {
                    named.add(Path.of(part.strip()));
                }
            }
            return named;
        }
        List<Path> found = discover();
        if (found.isEmpty()) {
            throw new OrgsignException(ErrorCode.MODULE_NOT_FOUND, T.text("module.none", MODULE_VARIABLE));
        }
        return found;
    }

    /**
     * {@return the usual PKCS#11 libraries present on this system, most specific vendors first and
     * the p11-kit proxy last; a library reached through several paths (symbolic links) once}
     */
    public static List<Path> discover() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> candidates = os.contains("win") ? WINDOWS : os.contains("mac") ? MAC : LINUX;
        List<Path> found = new ArrayList<>();
        java.util.Set<Path> real = new java.util.HashSet<>();
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) {
                try {
                    if (real.add(p.toRealPath())) {
                        found.add(p);
                    }
                } catch (IOException e) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /**
     * Checks that {@code path} is a native library for this machine, before anything loads it.
     *
     * @param path the module file
     * @return {@code path}
     * @throws OrgsignException MODULE_NOT_FOUND when it does not exist; MODULE_INVALID when it is not
     *                          a shared library for this operating system and processor
     */
    public static Path check(Path path) throws OrgsignException {
        if (!Files.exists(path)) {
            throw new OrgsignException(ErrorCode.MODULE_NOT_FOUND, T.text("module.missing", path));
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new OrgsignException(ErrorCode.MODULE_INVALID, T.text("module.notReadable", path));
        }
        byte[] head = new byte[20];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.MODULE_INVALID, T.text("module.unreadable", path), e);
        }
        String format = format(head, n);
        String expected = expectedFormat();
        if (format == null) {
            throw new OrgsignException(ErrorCode.MODULE_INVALID, T.text("module.notNative", path));
        }
        if (!format.equals(expected)) {
            throw new OrgsignException(ErrorCode.MODULE_INVALID, T.text("module.otherPlatform", path, format, expected));
        }
        return path;
    }

    /** The platform a library file is built for, or {@code null} when it is no native library. */
    static String format(byte[] h, int n) {
        if (n >= 20 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
            boolean little = h[5] == 1;
            int machine = little ? (h[18] & 0xff) | (h[19] & 0xff) << 8 : (h[19] & 0xff) | (h[18] & 0xff) << 8;
            String bits = h[4] == 2 ? "64-bit" : "32-bit";
            return "Linux " + bits + " " + switch (machine) {
                case 0x3E -> "x86-64";
                case 0x03 -> "x86";
                case 0xB7 -> "ARM64";
                case 0x28 -> "ARM";
                default -> "machine type " + machine;
            };
        }
        if (n >= 2 && h[0] == 'M' && h[1] == 'Z') {
            return "Windows";
        }
        if (n >= 4 && ((h[0] & 0xff) == 0xcf || (h[0] & 0xff) == 0xca || (h[3] & 0xff) == 0xcf || (h[0] & 0xff) == 0xfe)) {
            return "macOS";
        }
        return null;
    }

    static String expectedFormat() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (os.contains("win")) {
            return "Windows";
        }
        if (os.contains("mac")) {
            return "macOS";
        }
        String bits = arch.contains("64") ? "64-bit" : "32-bit";
        return "Linux " + bits + " " + switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "x86", "i386", "i686" -> "x86";
            case "aarch64" -> "ARM64";
            case "arm" -> "ARM";
            default -> arch;
        };
    }
}
