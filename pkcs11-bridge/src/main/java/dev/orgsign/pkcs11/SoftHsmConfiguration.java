package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why SoftHSM refused to start: it answers {@code C_Initialize} with CKR_GENERAL_ERROR when its
 * configuration file ({@code SOFTHSM2_CONF}, else {@code /etc/softhsm/softhsm2.conf}) or the token
 * folder it names is missing, and says nothing more. This names the file or folder.
 */
final class SoftHsmConfiguration {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    static final String VARIABLE = "SOFTHSM2_CONF";
    private static final Path DEFAULT = Path.of("/etc/softhsm/softhsm2.conf");

    private SoftHsmConfiguration() {
    }

    static boolean isSoftHsm(Path module) {
        return module.getFileName().toString().toLowerCase(Locale.ROOT).contains("softhsm");
    }

    /**
     * The sentence for SoftHSM's CKR_GENERAL_ERROR from {@code C_Initialize}, or null when its
     * configuration looks complete (the failure is then something else).
     */
    static OrgsignException problem(Path module, Throwable cause) {
        String named = System.getenv(VARIABLE);
        Path conf = named == null || named.isBlank() ? DEFAULT : Path.of(named);
        Text source = named == null || named.isBlank() ? T.text("softhsm.defaultConf", conf, VARIABLE)
                : T.text("softhsm.namedConf", conf, VARIABLE);
        if (!Files.isRegularFile(conf)) {
            return new OrgsignException(ErrorCode.MODULE_NOT_CONFIGURED, T.text("softhsm.noConf", module, source, VARIABLE),
                    cause);
        }
        Path tokens = tokenDir(conf);
        if (tokens != null && !Files.isDirectory(tokens)) {
            return new OrgsignException(ErrorCode.MODULE_NOT_CONFIGURED, T.text("softhsm.noTokenDir", module, tokens, conf),
                    cause);
        }
        if (!Files.isReadable(conf)) {
            return new OrgsignException(ErrorCode.MODULE_NOT_CONFIGURED, T.text("softhsm.unreadable", module, source), cause);
        }
        return null;
    }

    private static Path tokenDir(Path conf) {
        try {
            for (String line : Files.readAllLines(conf)) {
                String t = line.strip();
                if (t.startsWith("directories.tokendir")) {
                    int eq = t.indexOf('=');
                    return eq < 0 ? null : Path.of(t.substring(eq + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
