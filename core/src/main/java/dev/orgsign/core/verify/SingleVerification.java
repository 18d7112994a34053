package dev.orgsign.core.verify;

import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.OutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PSSParameterSpec;

/**
 * A CMS signer-information verifier that checks the signature value exactly once with a JCA
 * {@link Signature} of BouncyCastle. (BouncyCastle's own JCA content verifier also runs a second,
 * "raw" verification after the first, for the sake of PKCS#11 sessions, which doubles the cost
 * of every check and adds nothing for software keys.)
 */
final class SingleVerification {
    private SingleVerification() {
    }

    static SignerInformationVerifier verifier(PublicKey key) throws OperatorCreationException {
        ContentVerifierProvider provider = new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return false;
            }

            @Override
            public org.bouncycastle.cert.X509CertificateHolder getAssociatedCertificate() {
                return null;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                try {
                    return contentVerifier(algorithm, key);
                } catch (GeneralSecurityException | java.io.IOException e) {
                    throw new OperatorCreationException("The signature algorithm " + algorithm.getAlgorithm()
                            + " cannot verify: " + e.getMessage(), e);
                }
            }
        };
        return new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(), provider,
                new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bouncyCastle()).build());
    }

    private static ContentVerifier contentVerifier(AlgorithmIdentifier algorithm, PublicKey key)
            throws GeneralSecurityException, java.io.IOException {
        Signature sig;
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
            sig = Signature.getInstance("RSASSA-PSS", Providers.bouncyCastle());
            AlgorithmParameters params = AlgorithmParameters.getInstance("PSS", Providers.bouncyCastle());
            params.init(algorithm.getParameters().toASN1Primitive().getEncoded());
            sig.setParameter(params.getParameterSpec(PSSParameterSpec.class));
        } else {
            sig = Signature.getInstance(new DefaultAlgorithmNameFinder().getAlgorithmName(algorithm), Providers.bouncyCastle());
        }
        sig.initVerify(key);
        Signature signature = sig;
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        try {
                            signature.update(b, off, len);
                        } catch (SignatureException e) {
                            throw new RuntimeOperatorException("signature update failed", e);
                        }
                    }
                };
            }

            @Override
            public boolean verify(byte[] expected) {
                try {
                    return signature.verify(expected);
                } catch (SignatureException e) {
                    return false;
                }
            }
        };
    }
}
