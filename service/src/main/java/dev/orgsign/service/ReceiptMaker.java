package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.pdf.PadesSigner;
import dev.orgsign.core.token.KeyStoreSigningToken;
import dev.orgsign.core.token.TokenKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes the PDF receipt of a verified submission ({@link ReceiptPdf}) and signs it (PAdES, with
 * core's {@link PadesSigner}) with the service's key: the keystore of the configuration, or else a
 * self-signed P-256 key made at first start and kept under the data folder
 * ({@code receipt-key.p12}, its password in {@code receipt-key.password}, both readable by the
 * owner only). The receipt says which.
 */
final class ReceiptMaker implements Receipts {
    static final String KEY_FILE = "receipt-key.p12";
    static final String PASSWORD_FILE = "receipt-key.password";

    private final KeyStoreSigningToken token;
    private final TokenKey key;
    private final boolean selfSigned;
    private final PadesSigner signer = new PadesSigner();

    private ReceiptMaker(KeyStoreSigningToken token, TokenKey key, boolean selfSigned) {
        this.token = token;
        this.key = key;
        this.selfSigned = selfSigned;
    }

    static ReceiptMaker create(ServiceConfig config) throws OrgsignException {
        Path file = config.receiptKeystore();
        char[] password;
        boolean selfSigned = file == null;
        if (selfSigned) {
            file = config.dataDir().resolve(KEY_FILE);
            password = ownKeyPassword(config.dataDir(), file);
        } else {
            if (config.receiptPassword() == null) {
                throw new OrgsignException(ErrorCode.USAGE, "The receipt keystore " + file + " needs its password.");
            }
            password = config.receiptPassword().toCharArray();
        }
        KeyStoreSigningToken token = KeyStoreSigningToken.ofFile(file, "PKCS12");
        try {
            token.login(r -> password.clone());
        } finally {
            Arrays.fill(password, '\0');
        }
        TokenKey key = token.keys().stream().filter(TokenKey::hasPrivateKey).findFirst().orElseThrow(() ->
                new OrgsignException(ErrorCode.KEY_NOT_FOUND, "The receipt keystore holds no private key."));
        return new ReceiptMaker(token, key, selfSigned);
    }

    private static char[] ownKeyPassword(Path dataDir, Path keyFile) throws OrgsignException {
        Path pw = dataDir.resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(keyFile) && Files.exists(pw)) {
                return new String(Files.readAllBytes(pw), StandardCharsets.US_ASCII).trim().toCharArray();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmpPw = Files.createTempFile(dataDir, "receipt-", ".tmp");
            ownerOnly(tmpPw);
            Files.writeString(tmpPw, password, StandardCharsets.US_ASCII);
            Path tmpKey = Files.createTempFile(dataDir, "receipt-", ".p12");
            ownerOnly(tmpKey);
            SelfSigned.write(tmpKey, "receipts", password.toCharArray(),
                    "CN=orgsign verification service (self-signed receipt key),O=orgsign");
            Files.move(tmpPw, pw, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpKey, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password.toCharArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new OrgsignException(ErrorCode.IO, "The service's receipt key cannot be made under " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }

    @Override
    public synchronized byte[] make(SubmissionStore.Stored submission, byte[] payload, byte[] signature)
            throws OrgsignException {
        byte[] pdf = ReceiptPdf.render(submission, payload, signature, key.certificate(), selfSigned);
        return signer.sign(pdf, token, key, "Receipt of verification of submission " + submission.id(),
                "orgsign verification service");
    }
}
