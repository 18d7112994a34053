package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.PrivateFiles;
import dev.orgsign.core.pdf.PadesSigner;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.token.TokenKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;

/**
 * Makes the PDF receipt of a verified submission ({@link ReceiptPdf}) and seals it (PAdES, with
 * core's {@link PadesSigner}) with the service's key: the operator's — a PKCS#12 keystore
 * ({@code serve --receipt-key FILE}) or a token such as a PKCS#11 device
 * ({@code serve --receipt-key pkcs11:…}) — or, when the operator gives none, a self-made P-256
 * demo key kept in {@code receipt-key.p12} in the data folder. Every receipt says which.
 *
 * <p>The demo key has no password file beside it: a password the service reads by itself from
 * its own folder protects nothing that the folder's permissions (0700, the key 0600) do not
 * already protect, so the PKCS#12 file carries the fixed, public {@link #DEMO_KEY_PASSWORD} that
 * its format requires. A service that issues receipts others rely on is given a key of the operator's.
 */
final class ReceiptMaker implements Receipts {
    static final String KEY_FILE = "receipt-key.p12";
    /** Not a secret: see the class description. */
    static final String DEMO_KEY_PASSWORD = "orgsign-demo-receipt-key";
    /** Where versions before 0.1 kept the demo key's password, next to the key; read once and removed. */
    private static final String OLD_PASSWORD_FILE = "receipt-key.password";

    private final SigningToken token;
    private final TokenKey key;
    private final boolean demoKey;
    private final PadesSigner signer = new PadesSigner();

    private ReceiptMaker(SigningToken token, TokenKey key, boolean demoKey) {
        this.token = token;
        this.key = key;
        this.demoKey = demoKey;
    }

    static ReceiptMaker create(ServiceConfig config) throws OrgsignException {
        if (config.receiptToken() != null) {
            SigningToken t = config.receiptToken();
            return new ReceiptMaker(t, TokenKeys.choose(t.keys(), config.receiptKeyId(), t.description()), false);
        }
        boolean demo = config.receiptKeystore() == null;
        Path file = demo ? config.dataDir().resolve(KEY_FILE) : config.receiptKeystore();
        char[] password;
        if (demo) {
            demoKey(config.dataDir(), file);
            password = DEMO_KEY_PASSWORD.toCharArray();
        } else {
            if (config.receiptPassword() == null) {
                throw new OrgsignException(ErrorCode.USAGE, ApiHandler.T.text("receipt.keystorePassword", file));
            }
            password = config.receiptPassword().toCharArray();
        }
        KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(file, "PKCS12");
        try {
            token.login(r -> password.clone());
        } finally {
            Arrays.fill(password, '\0');
        }
        return new ReceiptMaker(token, TokenKeys.choose(token.keys(), demo ? null : config.receiptKeyId(),
                token.description()), demo);
    }

    /** Makes the demo key at first start, or moves an older one off its password file. */
    private static void demoKey(Path dataDir, Path keyFile) throws OrgsignException {
        Path oldPassword = dataDir.resolve(OLD_PASSWORD_FILE);
        try {
            PrivateFiles.folder(dataDir);
            if (Files.exists(keyFile) && Files.exists(oldPassword)) {
                char[] old = Files.readString(oldPassword, StandardCharsets.US_ASCII).trim().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyFile)) {
                    ks.load(in, old);
                }
                String alias = ks.aliases().nextElement();
                ks.setKeyEntry(alias, ks.getKey(alias, old), DEMO_KEY_PASSWORD.toCharArray(), ks.getCertificateChain(alias));
                store(ks, keyFile);
                Files.delete(oldPassword);
                return;
            }
            if (Files.exists(keyFile)) {
                PrivateFiles.restrict(keyFile);
                return;
            }
            Path tmp = Files.createTempFile(dataDir, "receipt-", ".p12", PrivateFiles.fileAttributes(dataDir));
            SelfSigned.write(tmp, "receipts", DEMO_KEY_PASSWORD.toCharArray(),
                    "CN=orgsign verification service (self-made demo receipt key),O=orgsign");
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("receipt.demoKeyFailed", dataDir,
                    Text.quoted(e.getMessage())), e);
        }
    }

    private static void store(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "receipt-", ".p12", PrivateFiles.fileAttributes(dir));
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, DEMO_KEY_PASSWORD.toCharArray());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public synchronized byte[] make(SubmissionStore.Stored submission, byte[] payload, byte[] signature)
            throws OrgsignException {
        byte[] pdf = ReceiptPdf.render(submission, payload, signature, key.certificate(), demoKey);
        return signer.sign(pdf, token, key, ApiHandler.T.format(submission.language(), "receipt.reason", submission.id()),
                ApiHandler.T.format(submission.language(), "receipt.location"));
    }

    @Override
    public void close() {
        token.close();
    }
}
