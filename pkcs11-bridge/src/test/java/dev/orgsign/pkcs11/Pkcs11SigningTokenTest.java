package dev.orgsign.pkcs11;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.KeyAlgorithm;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.TestPki;
import dev.orgsign.testcerts.softhsm.ProvisionedKey;
import dev.orgsign.testcerts.softhsm.ProvisionedToken;
import dev.orgsign.testcerts.softhsm.SoftHsm;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing on a real SoftHSM token holding every EC/RSA persona. */
class Pkcs11SigningTokenTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static ProvisionedToken provisioned;

    @BeforeAll
    static void provision() throws Exception {
        provisioned = SoftHsmFixture.token("bridge");
    }

    private static Pkcs11SigningToken open() throws OrgsignException {
        try (Pkcs11Library lib = Pkcs11Library.open(provisioned.softHsm().libraryPath())) {
            return lib.openToken(provisioned.label(), Pkcs11Options.defaults());
        }
    }

    @Test
    void listsEveryPersonaKeyWithItsCertificateAndSignsWithEachAlgorithm() throws Exception {
        try (Pkcs11SigningToken token = open()) {
            AtomicInteger asked = new AtomicInteger();
            token.login(request -> {
                asked.incrementAndGet();
                assertFalse(request.finalTry());
                return SoftHsm.USER_PIN.toCharArray();
            });
            assertEquals(1, asked.get());
            List<TokenKey> keys = token.keys();
            assertEquals(provisioned.keys().size(), keys.size());
            byte[] data = "orgsign: canonical registration bytes".getBytes(StandardCharsets.UTF_8);
            for (ProvisionedKey pk : provisioned.keys()) {
                TokenKey key = keys.stream().filter(k -> k.id().equals(pk.idHex())).findFirst().orElseThrow();
                assertTrue(key.hasPrivateKey());
                assertEquals(pk.label(), key.label());
                assertEquals(TestPki.get().credential(pk.persona(), pk.kind()).certificate(), key.certificate());
                List<SignatureAlgorithm> algorithms = pk.kind() == KeyKind.EC_P256
                        ? List.of(SignatureAlgorithm.SHA256_WITH_ECDSA, SignatureAlgorithm.SHA384_WITH_ECDSA)
                        : List.of(SignatureAlgorithm.SHA256_WITH_RSA, SignatureAlgorithm.SHA512_WITH_RSA,
                                SignatureAlgorithm.SHA256_WITH_RSA_PSS, SignatureAlgorithm.SHA384_WITH_RSA_PSS);
                assertEquals(pk.kind() == KeyKind.EC_P256 ? KeyAlgorithm.EC : KeyAlgorithm.RSA, key.keyAlgorithm());
                assertEquals(pk.kind() == KeyKind.EC_P256 ? 256 : 2048, key.keySizeBits());
                for (SignatureAlgorithm alg : algorithms) {
                    byte[] sig = token.sign(key, alg, data);
                    assertTrue(verify(key, alg, data, sig), pk.label() + " " + alg);
                    data[0] ^= 1;
                    assertFalse(verify(key, alg, data, sig), "a changed byte fails " + alg);
                    data[0] ^= 1;
                }
            }
        }
    }

    @Test
    void eightThreadsSignTwoHundredTimesEachOnOneToken() throws Exception {
        try (Pkcs11SigningToken token = open()) {
            token.login(request -> SoftHsm.USER_PIN.toCharArray());
            TokenKey ec = token.keys().stream().filter(k -> k.label().equals("llc-head-ec-p256")).findFirst().orElseThrow();
            TokenKey rsa = token.keys().stream().filter(k -> k.label().equals("llc-head-rsa2048")).findFirst().orElseThrow();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 200; i++) {
                            TokenKey key = (i + thread) % 4 == 0 ? rsa : ec;
                            SignatureAlgorithm alg = key == rsa ? SignatureAlgorithm.SHA256_WITH_RSA : SignatureAlgorithm.SHA256_WITH_ECDSA;
                            byte[] data = ("thread " + thread + " signature " + i).getBytes(StandardCharsets.UTF_8);
                            if (verify(key, alg, data, token.sign(key, alg, data))) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get();
                }
                assertEquals(1600, total);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void signingBeforeLoginIsRefusedWithASentence() throws Exception {
        try (Pkcs11SigningToken token = open()) {
            TokenKey key = new TokenKey(provisioned.keys().get(0).idHex(), "x", null, List.of(), KeyAlgorithm.EC, 256, true);
            OrgsignException e = assertThrows(OrgsignException.class,
                    () -> token.sign(key, SignatureAlgorithm.SHA256_WITH_ECDSA, new byte[1]));
            assertEquals(ErrorCode.NOT_LOGGED_IN, e.code());
            assertTrue(e.getMessage().contains("needs the PIN"));
        }
    }

    @Test
    void gostOnATokenWithoutGostMechanismsGetsAClearError() throws Exception {
        try (Pkcs11SigningToken token = open()) {
            token.login(request -> SoftHsm.USER_PIN.toCharArray());
            TokenKey ec = token.keys().get(0);
            TokenKey gost = new TokenKey(ec.id(), ec.label(), ec.certificate(), ec.chain(), KeyAlgorithm.GOST3410_2012_256, 256, true);
            OrgsignException e = assertThrows(OrgsignException.class, () -> token.sign(gost,
                    SignatureAlgorithm.GOST3411_2012_256_WITH_GOST3410_2012_256, new byte[1]));
            assertEquals(ErrorCode.MECHANISM_UNSUPPORTED, e.code());
            assertTrue(e.getMessage().contains("GOST R 34.10-2012 (256)"), e.getMessage());
        }
    }

    static boolean verify(TokenKey key, SignatureAlgorithm alg, byte[] data, byte[] sig) throws Exception {
        Signature s = Signature.getInstance(alg.jcaName(), BC);
        if (alg.isPss()) {
            int len = java.security.MessageDigest.getInstance(alg.digestJcaName()).getDigestLength();
            s.setParameter(new PSSParameterSpec(alg.digestJcaName(), "MGF1", new MGF1ParameterSpec(alg.digestJcaName()), len, 1));
        }
        s.initVerify(key.certificate().getPublicKey());
        s.update(data);
        return s.verify(sig);
    }
}
