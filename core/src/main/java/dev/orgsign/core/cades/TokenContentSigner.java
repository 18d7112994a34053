package dev.orgsign.core.cades;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.ContentSigner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * BouncyCastle's {@link ContentSigner} over a {@link SigningToken}: CMS hands it the DER of the
 * signed attributes, the token returns the signature value. This is the only place where a
 * format meets a token (as EU DSS does with to-be-signed bytes and a signature value).
 */
final class TokenContentSigner implements ContentSigner {
    private final SigningToken token;
    private final TokenKey key;
    private final SignatureAlgorithm algorithm;
    private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

    /** Carries the token's checked exception through BouncyCastle's unchecked interface. */
    static final class TokenFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TokenFailure(OrgsignException cause) {
            super(cause);
        }

        OrgsignException orgsign() {
            return (OrgsignException) getCause();
        }
    }

    TokenContentSigner(SigningToken token, TokenKey key, SignatureAlgorithm algorithm) {
        this.token = token;
        this.key = key;
        this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return identifier(algorithm);
    }

    static AlgorithmIdentifier identifier(SignatureAlgorithm algorithm) {
        if (algorithm.isPss()) {
            AlgorithmIdentifier digest = new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.digestOid()), DERNull.INSTANCE);
            int saltLength = switch (algorithm.digestJcaName()) {
                case "SHA-384" -> 48;
                case "SHA-512" -> 64;
                default -> 32;
            };
            return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams(digest,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, digest), new ASN1Integer(saltLength),
                    RSASSAPSSparams.DEFAULT_TRAILER_FIELD));
        }
        if (algorithm.keyAlgorithm() == dev.orgsign.core.token.KeyAlgorithm.RSA) {
            return new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()), DERNull.INSTANCE);
        }
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()));
    }

    @Override
    public OutputStream getOutputStream() {
        return toBeSigned;
    }

    @Override
    public byte[] getSignature() {
        try {
            return token.sign(key, algorithm, toBeSigned.toByteArray());
        } catch (OrgsignException e) {
            throw new TokenFailure(e);
        }
    }
}
