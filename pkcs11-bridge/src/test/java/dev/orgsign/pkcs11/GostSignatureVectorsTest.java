package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.testcerts.Credential;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;
import dev.orgsign.testcerts.TestPki;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410_2012Signer;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SoftHSM has no GOST, so the GOST path is pinned down against BouncyCastle: the raw operation a
 * token performs for CKM_GOSTR3410 (sign the host's Streebog hash) is computed with BC's
 * low-level signer, laid out as PKCS#11 returns it, passed through our conversion, and must
 * verify with BC's JCA GOST signature over the original data.
 */
class GostSignatureVectorsTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final long[] RUTOKEN_LIKE = {Pkcs11Mechanisms.CKM_GOSTR3410, Pkcs11Mechanisms.CKM_GOSTR3410_512,
        Pkcs11Mechanisms.CKM_ECDSA, Pkcs11Mechanisms.CKM_RSA_PKCS};
    private static final long[] COMBINED = {Pkcs11Mechanisms.CKM_GOSTR3410_WITH_GOSTR3411_12_256,
        Pkcs11Mechanisms.CKM_GOSTR3410_WITH_GOSTR3411_12_512, Pkcs11Mechanisms.CKM_GOSTR3410, Pkcs11Mechanisms.CKM_GOSTR3410_512};

    @Test
    void rawMechanismWithHostHashGivesSignaturesBouncyCastleAccepts() throws Exception {
        for (KeyKind kind : new KeyKind[] {KeyKind.GOST_256, KeyKind.GOST_512}) {
            SignatureAlgorithm alg = kind == KeyKind.GOST_256 ? SignatureAlgorithm.GOST3411_2012_256_WITH_GOST3410_2012_256
                    : SignatureAlgorithm.GOST3411_2012_512_WITH_GOST3410_2012_512;
            Credential c = TestPki.get().credential(Persona.LLC_HEAD, kind);
            byte[] data = "Заявление о регистрации организации".getBytes(StandardCharsets.UTF_8);

            Pkcs11Mechanisms.Plan plan = new Pkcs11Mechanisms(RUTOKEN_LIKE).plan(alg, kind == KeyKind.GOST_256 ? 256 : 512, l -> "test");
            long expected = kind == KeyKind.GOST_256 ? Pkcs11Mechanisms.CKM_GOSTR3410 : Pkcs11Mechanisms.CKM_GOSTR3410_512;
            assertEquals(expected, plan.mechanism().getMechanismCode());
            byte[] tokenInput = plan.input(data);
            assertArrayEquals(SignatureEncodings.digest(alg.digestJcaName(), data), tokenInput, "the host sends the hash as is");

            byte[] tokenOutput = rawTokenSignature((ECPrivateKey) c.privateKey(), tokenInput);
            byte[] cms = plan.toCms(tokenOutput);

            Signature verify = Signature.getInstance(alg.jcaName(), BC);
            verify.initVerify(c.certificate().getPublicKey());
            verify.update(data);
            assertTrue(verify.verify(cms), kind + ": the converted value verifies as CMS GOST");

            Signature jca = Signature.getInstance(alg.jcaName(), BC);
            jca.initSign(c.privateKey());
            jca.update(data);
            byte[] bcValue = jca.sign();
            assertEquals(bcValue.length, cms.length);
            verify.initVerify(c.certificate().getPublicKey());
            verify.update(data);
            assertTrue(verify.verify(bcValue));
        }
    }

    @Test
    void combinedMechanismIsPreferredWhenTheTokenListsIt() throws Exception {
        Pkcs11Mechanisms m = new Pkcs11Mechanisms(COMBINED);
        Pkcs11Mechanisms.Plan p256 = m.plan(SignatureAlgorithm.GOST3411_2012_256_WITH_GOST3410_2012_256, 256, l -> "t");
        Pkcs11Mechanisms.Plan p512 = m.plan(SignatureAlgorithm.GOST3411_2012_512_WITH_GOST3410_2012_512, 512, l -> "t");
        assertEquals(0xD4321008L, p256.mechanism().getMechanismCode());
        assertEquals(0xD4321009L, p512.mechanism().getMechanismCode());
        byte[] data = {1, 2, 3};
        assertArrayEquals(data, p256.input(data), "the combined mechanism hashes on the token");
    }

    @Test
    void aTokenWithoutAnyGostMechanismIsToldApart() {
        OrgsignException e = assertThrows(OrgsignException.class, () -> new Pkcs11Mechanisms(new long[] {Pkcs11Mechanisms.CKM_ECDSA})
                .plan(SignatureAlgorithm.GOST3411_2012_512_WITH_GOST3410_2012_512, 512, l -> "Rutoken Lite"));
        assertEquals(ErrorCode.MECHANISM_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("Rutoken Lite cannot make GOST R 34.10-2012 (512) signatures"), e.getMessage());
    }

    @Test
    void ecdsaRawOutputBecomesDer() throws Exception {
        byte[] rs = new byte[64];
        rs[31] = 5;
        rs[32] = (byte) 0x80;
        byte[] der = SignatureEncodings.ecdsaToDer(rs);
        org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
        assertEquals(BigInteger.valueOf(5), org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(0)).getValue());
        assertTrue(org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(1)).getValue().signum() > 0,
                "s with its top bit set stays positive");
    }

    /** What a token computes for CKM_GOSTR3410(_512): sign the hash, return s‖r big-endian. */
    private static byte[] rawTokenSignature(ECPrivateKey key, byte[] hash) {
        org.bouncycastle.jce.spec.ECParameterSpec spec = key.getParameters();
        ECDomainParameters domain = new ECDomainParameters(spec.getCurve(), spec.getG(), spec.getN(), spec.getH());
        ECGOST3410_2012Signer signer = new ECGOST3410_2012Signer();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(key.getD(), domain), new SecureRandom()));
        // BC's low-level signer, like a token, takes the hash bytes as the digest produced them and reads
        // them as a little-endian number itself (ECGOST3410_2012Signer reverses them internally).
        BigInteger[] rs = signer.generateSignature(hash);
        int half = (spec.getN().bitLength() + 7) / 8;
        byte[] out = new byte[2 * half];
        put(rs[1], out, 0, half);
        put(rs[0], out, half, half);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int offset, int len) {
        byte[] b = v.toByteArray();
        int copy = Math.min(b.length, len);
        System.arraycopy(b, b.length - copy, out, offset + len - copy, copy);
    }
}
