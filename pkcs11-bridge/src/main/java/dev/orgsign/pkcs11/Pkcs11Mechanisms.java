package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.token.SignatureAlgorithm;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Chooses the PKCS#11 mechanism for a signature algorithm from what the token lists, and says
 * how to prepare the input and convert the output to what CMS carries.
 *
 * <ul>
 * <li>ECDSA: {@code CKM_ECDSA_SHAxxx} when listed, else the host hashes and the token signs the
 *     digest with {@code CKM_ECDSA}. Either returns r‖s (PKCS#11 v2.40 §2.3.7); CMS wants the DER
 *     {@code ECDSA-Sig-Value} — see {@link SignatureEncodings#ecdsaToDer}.</li>
 * <li>RSA PKCS#1 v1.5: {@code CKM_SHAxxx_RSA_PKCS}, else {@code CKM_RSA_PKCS} over the DER
 *     DigestInfo made on the host. The output is the signature block as CMS carries it.</li>
 * <li>RSA-PSS: {@code CKM_SHAxxx_RSA_PKCS_PSS}, else {@code CKM_RSA_PKCS_PSS} over the host
 *     digest; MGF1 with the same hash, salt length = hash length.</li>
 * <li>GOST R 34.10-2012: {@code CKM_GOSTR3410_WITH_GOSTR3411_12_256/512} when listed, else the
 *     host computes the Streebog hash and the token signs it with {@code CKM_GOSTR3410} /
 *     {@code CKM_GOSTR3410_512} — the split many Russian tokens offer. See
 *     {@link SignatureEncodings#gostFromToken} for the byte order.</li>
 * </ul>
 */
final class Pkcs11Mechanisms {
    private static final Texts T = Texts.of(Pkcs11Errors.class);
    static final long CKM_RSA_PKCS = 0x1;
    static final long CKM_RSA_PKCS_PSS = 0xD;
    static final long CKM_SHA256_RSA_PKCS = 0x40;
    static final long CKM_SHA384_RSA_PKCS = 0x41;
    static final long CKM_SHA512_RSA_PKCS = 0x42;
    static final long CKM_SHA256_RSA_PKCS_PSS = 0x43;
    static final long CKM_SHA384_RSA_PKCS_PSS = 0x44;
    static final long CKM_SHA512_RSA_PKCS_PSS = 0x45;
    static final long CKM_ECDSA = 0x1041;
    static final long CKM_ECDSA_SHA256 = 0x1044;
    static final long CKM_ECDSA_SHA384 = 0x1045;
    static final long CKM_ECDSA_SHA512 = 0x1046;
    static final long CKM_SHA256 = 0x250;
    static final long CKM_SHA384 = 0x260;
    static final long CKM_SHA512 = 0x270;
    static final long CKG_MGF1_SHA256 = 0x2;
    static final long CKG_MGF1_SHA384 = 0x3;
    static final long CKG_MGF1_SHA512 = 0x4;
    /** GOST mechanisms in the TC26 vendor range, as OpenSC's pkcs11.h defines them. */
    static final long CKM_GOSTR3410 = 0x1201;
    static final long CKM_GOSTR3410_512 = 0xD4321006L;
    static final long CKM_GOSTR3410_WITH_GOSTR3411_12_256 = 0xD4321008L;
    static final long CKM_GOSTR3410_WITH_GOSTR3411_12_512 = 0xD4321009L;

    private final long[] supported;

    Pkcs11Mechanisms(long[] supported) {
        this.supported = supported.clone();
        Arrays.sort(this.supported);
    }

    /** What to send and how to read the answer. */
    record Plan(Mechanism mechanism, UnaryOperator<byte[]> input, UnaryOperator<byte[]> output) {
        byte[] input(byte[] data) {
            return input.apply(data);
        }

        byte[] toCms(byte[] raw) {
            return output.apply(raw);
        }
    }

    boolean has(long mechanism) {
        return Arrays.binarySearch(supported, mechanism) >= 0;
    }

    Plan plan(SignatureAlgorithm algorithm, int keyBits, Text token) throws OrgsignException {
        String digest = algorithm.digestJcaName();
        UnaryOperator<byte[]> same = UnaryOperator.identity();
        UnaryOperator<byte[]> hash = d -> SignatureEncodings.digest(digest, d);
        switch (algorithm.keyAlgorithm()) {
            case EC -> {
                long combined = switch (digest) {
                    case "SHA-384" -> CKM_ECDSA_SHA384;
                    case "SHA-512" -> CKM_ECDSA_SHA512;
                    default -> CKM_ECDSA_SHA256;
                };
                UnaryOperator<byte[]> der = SignatureEncodings::ecdsaToDer;
                if (has(combined)) {
                    return new Plan(new Mechanism(combined), same, der);
                }
                require(CKM_ECDSA, "ECDSA", token);
                return new Plan(new Mechanism(CKM_ECDSA), hash, der);
            }
            case RSA -> {
                if (algorithm.isPss()) {
                    long[] h = pssHash(digest);
                    RSA_PKCS_PSS_PARAMS params = new RSA_PKCS_PSS_PARAMS(h[0], h[1], SignatureEncodings.digestLength(digest));
                    if (has(h[2])) {
                        return new Plan(new Mechanism(h[2], params), same, same);
                    }
                    require(CKM_RSA_PKCS_PSS, "RSA-PSS", token);
                    return new Plan(new Mechanism(CKM_RSA_PKCS_PSS, params), hash, same);
                }
                long combined = switch (digest) {
                    case "SHA-384" -> CKM_SHA384_RSA_PKCS;
                    case "SHA-512" -> CKM_SHA512_RSA_PKCS;
                    default -> CKM_SHA256_RSA_PKCS;
                };
                if (has(combined)) {
                    return new Plan(new Mechanism(combined), same, same);
                }
                require(CKM_RSA_PKCS, "RSA PKCS#1", token);
                return new Plan(new Mechanism(CKM_RSA_PKCS), d -> SignatureEncodings.digestInfo(algorithm, d), same);
            }
            case GOST3410_2012_256, GOST3410_2012_512 -> {
                boolean big = algorithm.keyAlgorithm().equals(dev.orgsign.core.token.KeyAlgorithm.GOST3410_2012_512);
                long combined = big ? CKM_GOSTR3410_WITH_GOSTR3411_12_512 : CKM_GOSTR3410_WITH_GOSTR3411_12_256;
                long raw = big ? CKM_GOSTR3410_512 : CKM_GOSTR3410;
                UnaryOperator<byte[]> out = SignatureEncodings::gostFromToken;
                if (has(combined)) {
                    return new Plan(new Mechanism(combined), same, out);
                }
                require(raw, big ? "GOST R 34.10-2012 (512)" : "GOST R 34.10-2012 (256)", token);
                return new Plan(new Mechanism(raw), hash, out);
            }
            default -> throw new OrgsignException(ErrorCode.MECHANISM_UNSUPPORTED, T.text("error.unknownAlgorithm", algorithm));
        }
    }

    private static long[] pssHash(String digest) {
        return switch (digest) {
            case "SHA-384" -> new long[] {CKM_SHA384, CKG_MGF1_SHA384, CKM_SHA384_RSA_PKCS_PSS};
            case "SHA-512" -> new long[] {CKM_SHA512, CKG_MGF1_SHA512, CKM_SHA512_RSA_PKCS_PSS};
            default -> new long[] {CKM_SHA256, CKG_MGF1_SHA256, CKM_SHA256_RSA_PKCS_PSS};
        };
    }

    private void require(long mechanism, String what, Text token) throws OrgsignException {
        if (!has(mechanism)) {
            throw new OrgsignException(ErrorCode.MECHANISM_UNSUPPORTED, T.text("error.noMechanism", token, what,
                    Long.toHexString(mechanism)));
        }
    }
}
