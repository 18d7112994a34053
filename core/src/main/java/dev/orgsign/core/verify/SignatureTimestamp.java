package dev.orgsign.core.verify;

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
            return failed("The signature timestamp cannot be read: it is not an RFC 3161 timestamp token.");
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        try {
            String digest = new DefaultAlgorithmNameFinder().getAlgorithmName(token.getTimeStampInfo().getHashAlgorithm());
            byte[] imprint = MessageDigest.getInstance(digest, Providers.bouncyCastle()).digest(signatureValue);
            if (!Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                return failed("The signature timestamp of " + time + " is not over this signature: its imprint differs from "
                        + "the digest of the signature value.");
            }
        } catch (Exception e) {
            return failed("The signature timestamp's digest algorithm "
                    + token.getTimeStampInfo().getMessageImprintAlgOID().getId() + " is not supported.");
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
            return failed("The signature timestamp carries a certificate that cannot be read.");
        }
        if (tsa == null) {
            return new Outcome(new Check("signature.timestamp", CheckResult.NOT_CHECKED, "The signature timestamp of " + time
                    + " does not include the certificate of the time-stamping authority that signed it, so it cannot be "
                    + "verified."), null);
        }
        String tsaName = CertificateChecks.displayName(tsa.getSubjectX500Principal());
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bouncyCastle()).build(tsa));
        } catch (TSPException e) {
            return failed("The signature timestamp of " + time + " does not verify with the certificate of its "
                    + "time-stamping authority '" + tsaName + "': " + e.getMessage());
        } catch (Exception e) {
            return failed("The signature timestamp of " + time + " cannot be verified with the certificate of '" + tsaName
                    + "': " + e.getMessage());
        }
        if (claimedTime != null && claimedTime.isAfter(time.plus(SKEW))) {
            return failed("The signature claims to be made at " + claimedTime + ", after its timestamp of " + time + ".");
        }
        List<X509Certificate> path = new ArrayList<>();
        Check chain = certificates.chain(tsa, pool, time, path);
        if (chain.result() != CheckResult.PASSED) {
            return new Outcome(new Check("signature.timestamp", CheckResult.NOT_CHECKED, "The signature timestamp of " + time
                    + " by '" + tsaName + "' is over this signature and its signature verifies, but the time-stamping "
                    + "authority cannot be trusted: " + lowerFirst(chain.message())), null);
        }
        X509Certificate root = path.get(path.size() - 1);
        return new Outcome(new Check("signature.timestamp", CheckResult.PASSED, "Timestamped at " + time + " by '" + tsaName
                + "' (RFC 3161), whose certificate chains to the trusted root '"
                + CertificateChecks.displayName(root.getSubjectX500Principal()) + "'."), time);
    }

    private static Outcome failed(String message) {
        return new Outcome(new Check("signature.timestamp", CheckResult.FAILED, message), null);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
