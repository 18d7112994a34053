package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which entry point the PKCS#11 wrapper (ipkcs11wrapper 1.0.9) uses to reach a module.
 *
 * <p>When it connects to a module, the wrapper's native code calls {@code C_GetFunctionList}
 * (PKCS#11 2.40) and then, when the module exports it, {@code C_GetInterfaceList(NULL, &count)}
 * (PKCS#11 3.0), unless the environment variable {@value #VARIABLE} is {@code true}: then it keeps
 * the 2.40 function list. It reads the variable from the process environment, which a running
 * JVM cannot change, so the choice is made when the process starts (the {@code orgsign} launcher
 * sets it for {@code --pkcs11-v2} and for OpenSC's pkcs11-spy) and is the same for every module
 * of the process. orgsign calls only PKCS#11 2.40 functions, so nothing is lost with it.
 *
 * <p>OpenSC's logging shim {@code pkcs11-spy} (0.23, in front of a 2.x module such as SoftHSM
 * 2.6) answers the size query {@code C_GetInterfaceList(NULL, &count)} by copying its list to the
 * NULL pointer: the JVM dies with SIGSEGV. Such a module is therefore loaded only when this
 * process uses the 2.40 entry point, and otherwise refused with a sentence instead of a crash.
 */
public final class Pkcs11EntryPoint {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    /** The environment variable the wrapper reads: {@code true} keeps the PKCS#11 2.40 entry point. */
    public static final String VARIABLE = "PKCS11_USE_240_ONLY";

    private static final byte[] SPY_MARKER = "OpenSC PKCS#11 spy".getBytes(StandardCharsets.US_ASCII);
    private static final long SPY_SCAN_LIMIT = 1 << 20;

    private Pkcs11EntryPoint() {
    }

    /** {@return whether this process reaches modules through {@code C_GetFunctionList} only} */
    public static boolean v240Only() {
        String v = System.getenv(VARIABLE);
        return v != null && v.regionMatches(true, 0, "true", 0, 4);
    }

    /**
     * Refuses, before anything loads it, a module that this process cannot load safely or as asked.
     *
     * @param module the module file
     * @param asked  whether the caller asked for the 2.40 entry point ({@code --pkcs11-v2})
     * @throws OrgsignException MODULE_NEEDS_PKCS11_V2 when the 2.40 entry point is needed and this
     *                          process was not started with {@value #VARIABLE}{@code =true}
     */
    static void check(Path module, boolean asked) throws OrgsignException {
        if (v240Only()) {
            return;
        }
        if (asked) {
            throw new OrgsignException(ErrorCode.MODULE_NEEDS_PKCS11_V2, T.text("module.v2NotStarted", VARIABLE));
        }
        if (crashesOnV3(module)) {
            throw new OrgsignException(ErrorCode.MODULE_NEEDS_PKCS11_V2, T.text("module.spy", module, VARIABLE));
        }
    }

    /** Whether {@code module} is OpenSC's pkcs11-spy (its banner is in the library's text). */
    static boolean crashesOnV3(Path module) {
        try {
            if (Files.size(module) > SPY_SCAN_LIMIT) {
                return false;
            }
            try (InputStream in = Files.newInputStream(module)) {
                return contains(in.readAllBytes(), SPY_MARKER);
            }
        } catch (IOException e) {
            return false; // Pkcs11Modules.check reports an unreadable file
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
