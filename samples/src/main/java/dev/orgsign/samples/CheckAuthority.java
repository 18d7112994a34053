package dev.orgsign.samples;

import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.authority.Reason;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Checks whether the holder of a certificate may register an organization, against a folder of
 * EGRUL / EGRIP extracts. Exits 0 when entitled, 4 when not (or when the register does not know
 * the organization).
 *
 * <pre>
 * CheckAuthority CERTIFICATE.pem IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER
 * </pre>
 */
public final class CheckAuthority {
    private CheckAuthority() {
    }

    /**
     * Runs the sample.
     *
     * @param args certificate file, organization type, OGRN or OGRNIP, register folder
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: CheckAuthority CERTIFICATE IE|LLC|GOV OGRN_OR_OGRNIP REGISTER_FOLDER");
            System.exit(2);
        }
        OrganizationType type = switch (args[1]) {
            case "IE" -> OrganizationType.IE;
            case "LLC" -> OrganizationType.LLC;
            case "GOV" -> OrganizationType.GOV;
            default -> null;
        };
        if (type == null) {
            System.err.println("The organization type must be IE, LLC or GOV, not '" + args[1] + "'.");
            System.exit(2);
        }
        try {
            QualifiedCertificate signer = QualifiedCertificate.parse(readCertificate(Path.of(args[0])));
            Registry registry = FnsExtractRegistry.load(Path.of(args[3]));
            AuthorityDecision decision = new AuthorityCheck(registry).decide(signer, type, args[2]);
            System.out.println("Signer: " + signer.holderName());
            System.out.println("Decision: " + decision.outcome());
            for (Reason reason : decision.reasons()) {
                System.out.println("  " + reason.code() + ": " + reason.message(Locale.ENGLISH));
            }
            System.exit(decision.entitled() ? 0 : 4);
        } catch (OrgsignException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
        }
    }

    private static X509Certificate readCertificate(Path file) throws OrgsignException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Providers.bouncyCastle()).generateCertificate(in);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, "The certificate file " + file + " cannot be read.", e);
        } catch (CertificateException e) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE,
                    "The file " + file + " holds no certificate (PEM or DER).", e);
        }
    }
}
