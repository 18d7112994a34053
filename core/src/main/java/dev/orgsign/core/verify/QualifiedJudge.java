package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.trust.Accreditation;
import dev.orgsign.core.trust.AccreditedCentre;
import dev.orgsign.core.trust.ListedCertificate;
import dev.orgsign.core.trust.TrustList;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code certificate.qualified} check: the certificate's profile markers (INN, SNILS, the
 * crypto-tool extensions, an FSB class, a key that may sign) and — when the verifier has the list of
 * accredited certification centres — whether the centre that issued it was accredited at the time that
 * counts (a verified timestamp's, else the signing time) and when it issued the certificate. What
 * depends on the certificate alone (its profile, the sentence on its markers, its issuing centre) is
 * decided once per certificate; the accreditation is judged at each verification's own time.
 * Thread-safe.
 */
final class QualifiedJudge {
    private static final int MAX_CACHED = 4096;
    private final TrustList list;
    private final Map<X509Certificate, Profile> profiles = new ConcurrentHashMap<>();

    /**
     * A certificate's qualified profile and the check of its markers, both decided by its bytes alone.
     *
     * @param certificate the certificate read in the qualified profile
     * @param markers     the check of the profile markers (passed or failed)
     * @param centre      the listed centre that issued it, or null (not listed, or no list)
     * @param issuerName  the readable name of its issuer
     * @param issuedAt    its notBefore (read once: each {@code getNotBefore()} parses the date again)
     */
    record Profile(QualifiedCertificate certificate, Check markers, AccreditedCentre centre, String issuerName,
                   Instant issuedAt) {
    }

    /** @param list the list of accredited certification centres, or null to judge the profile markers alone */
    QualifiedJudge(TrustList list) {
        this.list = list;
    }

    /**
     * The certificate read in the qualified profile, made once per certificate.
     *
     * @throws OrgsignException when it cannot be read in the profile (a malformed identifier)
     */
    Profile profile(X509Certificate cert) throws OrgsignException {
        Profile p = profiles.get(cert);
        if (p == null) {
            if (profiles.size() >= MAX_CACHED) {
                profiles.clear();
            }
            QualifiedCertificate q = QualifiedCertificate.parse(cert);
            AccreditedCentre centre = list == null ? null
                    : list.issuerOf(cert).map(ListedCertificate::centre).orElse(null);
            p = new Profile(q, markers(q, cert), centre, CertificateChecks.displayName(cert.getIssuerX500Principal()),
                    cert.getNotBefore().toInstant());
            profiles.put(cert, p);
        }
        return p;
    }

    /**
     * The check of a certificate used at {@code at}.
     *
     * @param cert the signer's certificate
     * @param at   the time that counts, or null when the signature names none
     * @return the check; never throws
     */
    Check check(X509Certificate cert, Instant at) {
        try {
            return check(cert, profile(cert), at);
        } catch (OrgsignException e) {
            return SignatureVerifier.fail("certificate.qualified", e.text());
        }
    }

    /** The check of a certificate whose profile was read, used at {@code at} (null: unknown). */
    Check check(X509Certificate cert, Profile p, Instant at) {
        if (list == null || p.markers().result() != CheckResult.PASSED) {
            return p.markers();
        }
        if (at == null) {
            return Check.of("certificate.qualified", CheckResult.NOT_CHECKED, T.text("verify.qualified.noTime"));
        }
        Accreditation a = Accreditation.of(p.centre(), p.issuerName(), at, p.issuedAt());
        Text why = a::message; // the sentence made in the reader's language when read
        return a.accredited() ? SignatureVerifier.pass("certificate.qualified", Text.join(" ", List.of(p.markers().text(), why)))
                : SignatureVerifier.fail("certificate.qualified", why);
    }

    private static Check markers(QualifiedCertificate q, X509Certificate cert) {
        return q.hasQualifiedMarkers() && signs(cert)
                ? SignatureVerifier.pass("certificate.qualified", T.text("verify.qualified.passed", String.join(", ", q.policies())))
                : SignatureVerifier.fail("certificate.qualified", T.text("verify.qualified.failed"));
    }

    private static boolean signs(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || ku[0] || ku[1];
    }
}
