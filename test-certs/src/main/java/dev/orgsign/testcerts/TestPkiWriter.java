package dev.orgsign.testcerts;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

/**
 * Puts a {@link TestPki} and the register extracts on disk so that the CLI, the demo, the
 * service and people can use them:
 *
 * <pre>
 * trust/root-ca.pem                      the trust anchor
 * ca/fns-ca.pem, ca/untrusted-root.pem   the intermediate and the untrusted root
 * crl/fns-ca.crl                         the FNS CA's CRL (DER)
 * personas/&lt;slug&gt;/&lt;kind&gt;.pem          certificate; .chain.pem the chain; .key.pem the PKCS#8 key;
 *                                        .p12 key and chain, password {@link TestPki#STORE_PASSWORD}
 * registry/utf-8/*.xml, registry/windows-1251/*.xml   EGRUL/EGRIP extracts in both encodings
 * </pre>
 */
public final class TestPkiWriter {
    private TestPkiWriter() {
    }

    /** Writes everything under {@code dir}. */
    public static void write(TestPki pki, Path dir) throws IOException {
        writePem(dir.resolve("trust/root-ca.pem"), List.of(pki.rootCa()));
        writePem(dir.resolve("ca/fns-ca.pem"), List.of(pki.fnsCa()));
        writePem(dir.resolve("ca/untrusted-root.pem"), List.of(pki.untrustedRoot()));
        try {
            write(dir.resolve("crl/fns-ca.crl"), pki.crl().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encode the CRL", e);
        }
        for (Persona persona : Persona.values()) {
            Path personaDir = dir.resolve("personas").resolve(persona.slug());
            for (KeyKind kind : persona.keyKinds()) {
                Credential c = pki.credential(persona, kind);
                writePem(personaDir.resolve(kind.slug() + ".pem"), List.of(c.certificate()));
                writePem(personaDir.resolve(kind.slug() + ".chain.pem"), c.chain());
                writePem(personaDir.resolve(kind.slug() + ".key.pem"), List.of(c.privateKey()));
                write(personaDir.resolve(kind.slug() + ".p12"), pkcs12(persona, c));
            }
        }
        RegisterFixtures.write(dir.resolve("registry/utf-8"), StandardCharsets.UTF_8);
        RegisterFixtures.write(dir.resolve("registry/windows-1251"), Charset.forName("windows-1251"));
    }

    /**
     * A PKCS#12 file holding the credential under the persona's slug. It is written by the JDK's
     * keystore (PBES2 with AES-256, PBKDF2 10,000 iterations: OpenSSL 3 reads it as is), which
     * stores any PKCS#8 key, GOST ones included; BouncyCastle's PKCS12 keystore reads them all back.
     * (BouncyCastle's own writer spends about a second per file on key derivation.)
     */
    public static byte[] pkcs12(Persona persona, Credential c) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(persona.slug(), c.privateKey(), TestPki.STORE_PASSWORD.toCharArray(),
                    c.chain().toArray(new Certificate[0]));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ks.store(out, TestPki.STORE_PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot write a PKCS#12 file for " + persona.slug(), e);
        }
    }

    /** Writes certificates, keys or CRLs as PEM (for openssl and tests). */
    static void writePem(Path file, List<?> objects) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(s)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        }
        write(file, s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** {@code java dev.orgsign.testcerts.TestPkiWriter DIR}: writes a fresh test PKI into DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TestPkiWriter DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        write(TestPki.get(), dir);
        System.out.println("Test PKI, personas and register extracts written to " + dir.toAbsolutePath());
    }
}
