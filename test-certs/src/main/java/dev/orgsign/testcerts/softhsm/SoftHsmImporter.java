package dev.orgsign.testcerts.softhsm;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.StaticLogger;
import org.xipki.pkcs11.wrapper.TokenInfo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child JVM whose environment names the SoftHSM configuration: logs in to a token by
 * label and creates, for each PKCS#12 file given, a private key, its public key and its
 * certificate sharing CKA_ID and CKA_LABEL. The user PIN comes in the environment variable
 * {@value #PIN_VARIABLE}, never on the command line. Prints {@code serial=<token serial>}.
 *
 * <pre>java … SoftHsmImporter LIBRARY TOKEN_LABEL LABEL=IDHEX=FILE.p12 …</pre>
 */
public final class SoftHsmImporter {
    static final String PIN_VARIABLE = "ORGSIGN_IMPORT_PIN";
    private static final char[] P12_PASSWORD = dev.orgsign.testcerts.TestPki.STORE_PASSWORD.toCharArray();

    private SoftHsmImporter() {
    }

    static String runChild(SoftHsm softHsm, String tokenLabel, String userPin, List<String> entries) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SoftHsmImporter.class.getName(), softHsm.libraryPath().toString(), tokenLabel));
        cmd.addAll(entries);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(softHsm.environment());
        pb.environment().put(PIN_VARIABLE, userPin);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("Importing keys into SoftHSM token '" + tokenLabel + "' failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while importing keys", e);
        }
        return out.lines().filter(l -> l.startsWith("serial=")).map(l -> l.substring(7)).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("The SoftHSM importer printed no serial:\n" + out));
    }

    public static void main(String[] args) throws Exception {
        StaticLogger.setLogger(new QuietLogger());
        String pin = System.getenv(PIN_VARIABLE);
        PKCS11Module module = PKCS11Module.getInstance(args[0]);
        module.initialize();
        try {
            Slot slot = null;
            for (Slot s : module.getSlotList(true)) {
                if (s.getToken().getTokenInfo().getLabel().trim().equals(args[1])) {
                    slot = s;
                }
            }
            if (slot == null) {
                throw new IllegalStateException("No SoftHSM token labelled " + args[1]);
            }
            Session session = slot.getToken().openSession(true);
            session.login(PKCS11Constants.CKU_USER, pin.toCharArray());
            for (int i = 2; i < args.length; i++) {
                String[] parts = args[i].split("=", 3);
                importEntry(session, parts[0], HexFormat.of().parseHex(parts[1]), Path.of(parts[2]));
            }
            session.logout();
            session.closeSession();
            TokenInfo info = slot.getToken().getTokenInfo();
            System.out.println("serial=" + info.getSerialNumber().trim());
        } finally {
            module.finalize(null);
        }
    }

    private static void importEntry(Session session, String label, byte[] id, Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, P12_PASSWORD);
        }
        String alias = java.util.Collections.list(ks.aliases()).stream().filter(a -> {
            try {
                return ks.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalArgumentException(p12 + " holds no private key"));
        PrivateKey key = (PrivateKey) ks.getKey(alias, P12_PASSWORD);
        X509Certificate cert = (X509Certificate) ks.getCertificate(alias);

        if (key instanceof ECPrivateKey ec) {
            ECPublicKey pub = (ECPublicKey) cert.getPublicKey();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
            byte[] ecParams = ASN1ObjectIdentifier.getInstance(spki.getAlgorithm().getParameters()).getEncoded();
            byte[] ecPoint = new DEROctetString(spki.getPublicKeyData().getBytes()).getEncoded();
            int size = (pub.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            session.createObject(AttributeVector.newECPrivateKey().token(true).private_(true).sensitive(true)
                    .extractable(false).sign(true).id(id).label(label).ecParams(ecParams)
                    .value(unsigned(ec.getS(), size)));
            session.createObject(AttributeVector.newECPublicKey().token(true).private_(false).verify(true)
                    .id(id).label(label).ecParams(ecParams).ecPoint(ecPoint));
        } else if (key instanceof RSAPrivateCrtKey rsa) {
            session.createObject(AttributeVector.newRSAPrivateKey().token(true).private_(true).sensitive(true)
                    .extractable(false).sign(true).id(id).label(label).modulus(rsa.getModulus())
                    .publicExponent(rsa.getPublicExponent()).privateExponent(rsa.getPrivateExponent())
                    .prime1(rsa.getPrimeP()).prime2(rsa.getPrimeQ()).exponent1(rsa.getPrimeExponentP())
                    .exponent2(rsa.getPrimeExponentQ()).coefficient(rsa.getCrtCoefficient()));
            RSAPublicKey pub = (RSAPublicKey) cert.getPublicKey();
            session.createObject(AttributeVector.newRSAPublicKey().token(true).private_(false).verify(true)
                    .id(id).label(label).modulus(pub.getModulus()).publicExponent(pub.getPublicExponent()));
        } else {
            throw new IllegalArgumentException("SoftHSM takes EC and RSA keys only, not " + key.getAlgorithm());
        }
        session.createObject(AttributeVector.newX509Certificate().token(true).private_(false).id(id).label(label)
                .subject(cert.getSubjectX500Principal().getEncoded())
                .issuer(cert.getIssuerX500Principal().getEncoded())
                .serialNumber(new ASN1Integer(cert.getSerialNumber()).getEncoded())
                .value(cert.getEncoded()));
    }

    private static byte[] unsigned(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    /** Keeps the wrapper's informational chatter off the child's output; errors still show. */
    private static final class QuietLogger implements org.xipki.pkcs11.wrapper.Logger {
        @Override public void info(String format, Object... args) { }
        @Override public void warn(String format, Object... args) { System.err.println("WARN " + format); }
        @Override public void error(String format, Object... args) { System.err.println("ERROR " + format); }
        @Override public void debug(String format, Object... args) { }
        @Override public void trace(String format, Object... args) { }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isTraceEnabled() { return false; }
    }
}
