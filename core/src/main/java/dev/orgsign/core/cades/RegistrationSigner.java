package dev.orgsign.core.cades;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.TimestampClient;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * Makes the detached CAdES-BES signature of a registration: a CMS SignedData over the canonical
 * payload bytes, with the signed attributes content-type, message-digest, signing-time and
 * signing-certificate-v2, the signer's chain included, and the signature value made by any
 * {@link SigningToken} (PKCS#11 token, PKCS#12 file, a JCA provider's store); with a
 * time-stamping authority, CAdES-T ({@link SignatureTimestamping}).
 */
public final class RegistrationSigner {
    private final Clock clock;
    private final TimestampClient tsa;

    /** A signer that stamps the system clock's time. */
    public RegistrationSigner() {
        this(Clock.systemUTC());
    }

    /**
     * A signer that stamps {@code clock}'s time as the signing time.
     *
     * @param clock the source of the signing time
     */
    public RegistrationSigner(Clock clock) {
        this(clock, null);
    }

    /**
     * A signer that makes CAdES-T when {@code tsa} is given: the signature value is timestamped by that
     * time-stamping authority (RFC 3161), whose time then proves when the signature existed.
     *
     * @param clock the source of the signing-time attribute
     * @param tsa   the time-stamping authority, or null for CAdES-BES
     */
    public RegistrationSigner(Clock clock, TimestampClient tsa) {
        this.clock = clock;
        this.tsa = tsa;
    }

    /**
     * Signs with the key's default algorithm ({@link TokenKey#defaultSignatureAlgorithm()}).
     *
     * @param canonicalPayload the RFC 8785 canonical payload bytes
     * @param token            the token that holds the key
     * @param key              the key (with its certificate and chain)
     * @return the DER encoding of the detached CMS SignedData
     * @throws OrgsignException when the key has no certificate or the token refuses to sign
     */
    public byte[] sign(byte[] canonicalPayload, SigningToken token, TokenKey key) throws OrgsignException {
        return sign(canonicalPayload, token, key, key.defaultSignatureAlgorithm());
    }

    /**
     * Signs the canonical payload with a chosen algorithm.
     *
     * @param canonicalPayload the RFC 8785 canonical payload bytes
     * @param token            the token that holds the key
     * @param key              the key (with its certificate and chain)
     * @param algorithm        the signature algorithm, matching the key
     * @return the DER encoding of the detached CMS SignedData (with its signature timestamp when a TSA was given)
     * @throws OrgsignException when the key has no certificate or the token refuses to sign; the TSA's failures
     *                          ({@link TimestampClient#stamp}): then no signature is returned
     */
    public byte[] sign(byte[] canonicalPayload, SigningToken token, TokenKey key, SignatureAlgorithm algorithm)
            throws OrgsignException {
        byte[] cms = CmsSigner.signDetached(canonicalPayload, token, key, algorithm, clock.instant());
        return tsa == null ? cms : SignatureTimestamping.add(cms, tsa, algorithm.digestOid());
    }

    /** ESS signing-certificate-v2 naming the signer's certificate by its hash (RFC 5035). */
    static SigningCertificateV2 signingCertificate(X509Certificate cert, SignatureAlgorithm algorithm)
            throws GeneralSecurityException {
        String digest = algorithm.keyAlgorithm().isGost() ? algorithm.digestJcaName() : "SHA-256";
        String oid = algorithm.keyAlgorithm().isGost() ? algorithm.digestOid() : "2.16.840.1.101.3.4.2.1";
        byte[] hash = MessageDigest.getInstance(digest, Providers.bouncyCastle()).digest(cert.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid)), hash, issuerSerial));
    }
}
