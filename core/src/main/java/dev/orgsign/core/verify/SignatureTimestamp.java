package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code signature.timestamp} check of a CAdES-T: each RFC 3161 signature timestamp token the
 * signer info carries must be over its signature value (the imprint), signed by its TSA (signature,
 * ESS certificate id, the certificate valid at the time stamped, id-kp-timeStamping as its one
 * critical purpose — BouncyCastle's RFC 3161 validation), and the TSA's certificate must chain to
 * the trust anchors. A verified timestamp proves the signature existed at its time, which then
 * stands for the signing time (certificate validity, freshness); what cannot be verified is never a
 * pass, and the sentence names what is missing.
 */
final class SignatureTimestamp {
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final CertificateChecks certificates;

    /**
     * The outcome.
     *
     * @param check the {@code signature.timestamp} check
     * @param time  the earliest time a verified timestamp proves, or null when not PASSED
     */
    record Outcome(Check check, Instant time) {
    }

    SignatureTimestamp(CertificateChecks certificates) {
        this.certificates = certificates;
    }

    /**
     * @param tokens         the DER of each signature timestamp token
     * @param signatureValue the contents of the signer's signature value
     * @param bundled        the certificates the signature carries (a TSA certificate may be among them)
     * @param claimedTime    the signing-time attribute, or null
     */
    Outcome verify(List<byte[]> tokens, byte[] signatureValue, List<X509Certificate> bundled, Instant claimedTime) {
        Instant earliest = null;
        Check passed = null;
        for (byte[] token : tokens) {
            Outcome one = verifyOne(token, signatureValue, bundled, claimedTime);
            if (one.time() == null) {
                return one;
            }
            if (earliest == null || one.time().isBefore(earliest)) {
                earliest = one.time();
                passed = one.check();
            }
        }
        return new Outcome(passed, earliest);
    }

    private Outcome verifyOne(byte[] der, byte[] signatureValue, List<X509Certificate> bundled, Instant claimedTime) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(der));
        } catch (Exception e) {
            return failed(T.text("timestamp.unreadable"));
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        try {
            String digest = new DefaultAlgorithmNameFinder().getAlgorithmName(token.getTimeStampInfo().getHashAlgorithm());
            byte[] imprint = MessageDigest.getInstance(digest, Providers.bouncyCastle()).digest(signatureValue);
            if (!Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                return failed(T.text("timestamp.otherImprint", time));
            }
        } catch (Exception e) {
            return failed(T.text("timestamp.digestUnsupported", token.getTimeStampInfo().getMessageImprintAlgOID().getId()));
        }
        List<X509Certificate> pool = new ArrayList<>(bundled);
        X509Certificate tsa = null;
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Providers.bouncyCastle());
        try {
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                X509Certificate c = converter.getCertificate(h);
                pool.add(c);
                if (token.getSID().match(h)) {
                    tsa = c;
                }
            }
            for (X509Certificate c : bundled) {
                if (tsa == null && token.getSID().match(new X509CertificateHolder(c.getEncoded()))) {
                    tsa = c;
                }
            }
        } catch (Exception e) {
            return failed(T.text("timestamp.badCertificate"));
        }
        if (tsa == null) {
            return new Outcome(Check.of("signature.timestamp", CheckResult.NOT_CHECKED,
                    T.text("timestamp.noTsaCertificate", time)), null);
        }
        String tsaName = CertificateChecks.displayName(tsa.getSubjectX500Principal());
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle()).build(tsa));
        } catch (TSPException e) {
            return failed(T.text("timestamp.invalid", time, tsaName, Sentences.detail(e)));
        } catch (Exception e) {
            return failed(T.text("timestamp.error", time, tsaName, Sentences.detail(e)));
        }
        if (claimedTime != null && claimedTime.isAfter(time.plus(SKEW))) {
            return failed(T.text("timestamp.before", claimedTime, time));
        }
        List<X509Certificate> path = new ArrayList<>();
        Check chain = certificates.chain(tsa, pool, time, path);
        if (chain.result() != CheckResult.PASSED) {
            return new Outcome(Check.of("signature.timestamp", CheckResult.NOT_CHECKED,
                    T.text("timestamp.untrusted", time, tsaName, Sentences.lowerFirst(chain.text()))), null);
        }
        X509Certificate root = path.get(path.size() - 1);
        return new Outcome(Check.of("signature.timestamp", CheckResult.PASSED, T.text("timestamp.passed", time, tsaName,
                CertificateChecks.displayName(root.getSubjectX500Principal()))), time);
    }

    private static Outcome failed(Text message) {
        return new Outcome(Check.of("signature.timestamp", CheckResult.FAILED, message), null);
    }
}
