package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.crypto.Providers;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a signature value with a JCA private key, whichever provider can use it. BouncyCastle
 * is tried first (software keys, GOST keys from PKCS#12); a key BouncyCastle refuses is one
 * only its own provider can use (CryptoPro JCP, SunPKCS11, a vendor's JCA provider), so then
 * the keystore's provider is tried, and last the JCA's delayed provider selection
 * ({@code Signature.getInstance(name)} without a provider, where {@code initSign} picks the
 * first provider that accepts the key). Each provider is asked under the algorithm's standard
 * name and the aliases other providers know it by.
 *
 * <p>The value is returned as the provider made it. The JCA names used here are defined to
 * produce what CMS carries: DER {@code ECDSA-Sig-Value} for {@code SHAxxxwithECDSA}, the raw
 * PKCS#1 block for RSA. For GOST R 34.10-2012 CMS wants the RFC 4491 layout (s followed by r,
 * big-endian), which BouncyCastle produces. CryptoPro JCP's {@code Signature} is expected, but
 * not confirmed, to return the same layout, so its value is used unchanged (CryptoAPI's
 * {@code CryptSignHash}, by contrast, returns the bytes reversed). JCP is not available to the
 * build, so this is untested; provider-bound EC and RSA keys are tested through SunPKCS11.
 */
final class ProviderBoundSigning {
    private static final Texts T = Texts.of(OrgsignException.class);
    private ProviderBoundSigning() {
    }

    /**
     * Signs {@code data}.
     *
     * @param keyName       how messages name the key
     * @param privateKey    the private key
     * @param algorithm     the algorithm
     * @param storeProvider the provider of the keystore the key came from, or {@code null}
     * @param data          the bytes to sign
     * @return the signature value in the encoding CMS carries
     * @throws OrgsignException KEY_NOT_USABLE when no provider can sign with the key
     */
    static byte[] sign(String keyName, PrivateKey privateKey, SignatureAlgorithm algorithm, Provider storeProvider,
                       byte[] data) throws OrgsignException {
        List<String> failures = new ArrayList<>();
        Signature signature = initialized(privateKey, algorithm, storeProvider, failures);
        if (signature == null) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("keys.noProvider", keyName,
                    privateKey.getAlgorithm() + ", " + privateKey.getClass().getName(), algorithm, String.join("; ", failures)));
        }
        try {
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("keys.providerFailed", keyName, algorithm,
                    signature.getProvider().getName(), Text.quoted(e.getMessage())), e);
        }
    }

    /** Returns a Signature initialized for signing with the key, or null after recording why each try failed. */
    static Signature initialized(PrivateKey key, SignatureAlgorithm algorithm, Provider storeProvider,
                                 List<String> failures) {
        Provider bc = Providers.bouncyCastle();
        Signature s = attempt(algorithm.jcaName(), bc, key, algorithm, failures);
        if (s != null) {
            return s;
        }
        if (storeProvider != null && !storeProvider.getName().equals(bc.getName())) {
            for (String name : names(algorithm)) {
                if (storeProvider.getService("Signature", name) == null && !hasAlias(storeProvider, name)) {
                    continue;
                }
                s = attempt(name, storeProvider, key, algorithm, failures);
                if (s != null) {
                    return s;
                }
            }
        }
        for (String name : names(algorithm)) {
            s = attempt(name, null, key, algorithm, failures);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static boolean hasAlias(Provider provider, String name) {
        try {
            Signature.getInstance(name, provider);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Signature attempt(String name, Provider provider, PrivateKey key, SignatureAlgorithm algorithm,
                                     List<String> failures) {
        try {
            Signature s = provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
            if (algorithm.isPss() && provider != null) {
                s.setParameter(pss(algorithm));
                s.initSign(key);
            } else if (algorithm.isPss()) {
                // After initSign: before it, a delayed-selection Signature would commit to the
                // first provider with the algorithm, whether or not it can use the key.
                s.initSign(key);
                s.setParameter(pss(algorithm));
            } else {
                s.initSign(key);
            }
            return s;
        } catch (GeneralSecurityException | RuntimeException e) {
            failures.add(name + " with " + (provider == null ? "any provider" : provider.getName()) + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return null;
        }
    }

    private static PSSParameterSpec pss(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        String digest = algorithm.digestJcaName();
        int saltLength = MessageDigest.getInstance(digest).getDigestLength();
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength, 1);
    }

    /**
     * The names providers know an algorithm by: the standard JCA name first, then aliases
     * (BouncyCastle's, CryptoPro JCP's for GOST, {@code RSASSA-PSS} for PSS).
     *
     * @param algorithm the algorithm
     * @return the names, most standard first, without duplicates
     */
    static List<String> names(SignatureAlgorithm algorithm) {
        Set<String> names = new LinkedHashSet<>();
        String digest = algorithm.digestJcaName().replace("-", "");
        switch (algorithm.keyAlgorithm()) {
            case EC -> names.add(digest + "withECDSA");
            case RSA -> {
                if (algorithm.isPss()) {
                    names.add("RSASSA-PSS");
                    names.add(digest + "withRSASSA-PSS");
                } else {
                    names.add(digest + "withRSA");
                }
            }
            case GOST3410_2012_256 -> {
                names.add("GOST3411_2012_256withGOST3410_2012_256"); // CryptoPro JCP
                names.add("GOST3411-2012-256withGOST3410-2012-256");
                names.add("GOST3411-2012-256withECGOST3410-2012-256");
            }
            case GOST3410_2012_512 -> {
                names.add("GOST3411_2012_512withGOST3410_2012_512"); // CryptoPro JCP
                names.add("GOST3411-2012-512withGOST3410-2012-512");
                names.add("GOST3411-2012-512withECGOST3410-2012-512");
            }
            default -> {
            }
        }
        names.add(algorithm.jcaName());
        return List.copyOf(names);
    }
}
