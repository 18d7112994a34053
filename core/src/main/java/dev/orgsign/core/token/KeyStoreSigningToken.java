package dev.orgsign.core.token;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;
import dev.orgsign.core.crypto.Providers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SigningToken} over any JCA {@link KeyStore}: a PKCS#12 file, or a provider's own
 * store such as CryptoPro JCP's when its jars are on the class path. The keystore password
 * plays the part of the PIN: it is asked for once, at {@link #login}, and wiped afterwards.
 *
 * <p>Signatures are made with BouncyCastle when it accepts the key; keys that only their own
 * provider can use (CryptoPro JCP's, SunPKCS11's, a vendor's) are signed with the keystore's
 * provider, or else with whichever installed provider accepts the key (JCA delayed provider
 * selection). A key no provider can use is refused with {@code KEY_NOT_USABLE}.
 */
public final class KeyStoreSigningToken implements SigningToken {
    private static final Texts T = Texts.of(OrgsignException.class);
    private final Path file;
    private final String type;
    private final Text description;
    private volatile List<Entry> entries;
    private volatile Provider storeProvider;

    private record Entry(TokenKey key, PrivateKey privateKey) {
    }

    private KeyStoreSigningToken(Path file, String type, Text description) {
        this.file = file;
        this.type = type;
        this.description = description;
    }

    /**
     * A token over a keystore file, opened at {@link #login}.
     *
     * @param file the keystore file
     * @param type the keystore type ({@code PKCS12}, or a provider's type such as JCP's);
     *             PKCS12 is read with BouncyCastle so that GOST keys load too
     * @return the token, not yet opened
     * @throws OrgsignException IO when the file does not exist
     */
    public static KeyStoreSigningToken ofFile(Path file, String type) throws OrgsignException {
        if (!Files.isRegularFile(file)) {
            throw new OrgsignException(ErrorCode.IO, T.text("keystore.missing", file));
        }
        String t = type == null || type.isBlank() ? "PKCS12" : type;
        return new KeyStoreSigningToken(file, t, T.text("keystore.description", t, file.getFileName()));
    }

    /**
     * A token over a keystore that is already loaded (for example one a JCA provider opened
     * from a hardware container). {@code keyPassword} is used to read each private key and is
     * not kept.
     *
     * @param store       the loaded keystore
     * @param keyPassword the password of its private keys
     * @param description how messages name it
     * @return the token, already open
     * @throws OrgsignException PIN_INCORRECT when a key cannot be read with the password
     */
    public static KeyStoreSigningToken ofLoaded(KeyStore store, char[] keyPassword, String description)
            throws OrgsignException {
        KeyStoreSigningToken token = new KeyStoreSigningToken(null, store.getType(), locale -> description);
        token.storeProvider = store.getProvider();
        token.entries = readEntries(store, keyPassword);
        return token;
    }

    @Override
    public String description() {
        return description.in(Locale.ENGLISH);
    }

    @Override
    public String description(Locale locale) {
        return description.in(locale);
    }

    @Override
    public void login(PinCallback pins) throws OrgsignException {
        if (entries != null) {
            return;
        }
        char[] password = pins.pin(PinRequest.of(this, false, false));
        try {
            KeyStore store = "PKCS12".equalsIgnoreCase(type)
                    ? KeyStore.getInstance("PKCS12", Providers.bouncyCastle())
                    : KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            storeProvider = store.getProvider(); // before entries: sign() reads both
            entries = readEntries(store, password);
        } catch (NoSuchFileException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("keystore.missing", file), e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("mac")) {
                throw new OrgsignException(ErrorCode.PIN_INCORRECT, T.text("keystore.wrongPassword", description), e);
            }
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("keystore.unreadable", file, type), e);
        } catch (GeneralSecurityException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("keystore.type", type, file), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static List<Entry> readEntries(KeyStore store, char[] password) throws OrgsignException {
        try {
            List<Entry> result = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                Certificate single = store.getCertificate(alias);
                List<X509Certificate> x509 = new ArrayList<>();
                if (chain != null) {
                    for (Certificate c : chain) {
                        x509.add((X509Certificate) c);
                    }
                } else if (single instanceof X509Certificate c) {
                    x509.add(c);
                }
                PrivateKey privateKey = null;
                if (store.isKeyEntry(alias)) {
                    Key k = store.getKey(alias, password);
                    if (k instanceof PrivateKey pk) {
                        privateKey = pk;
                    }
                }
                if (x509.isEmpty() && privateKey == null) {
                    continue;
                }
                if (privateKey == null && x509.get(0).getBasicConstraints() >= 0) {
                    continue; // a CA certificate stored beside the key entries, for the chain
                }
                X509Certificate cert = x509.isEmpty() ? null : x509.get(0);
                java.security.PublicKey pub = cert == null ? null : cert.getPublicKey();
                KeyAlgorithm algorithm = KeyAlgorithms.of(pub != null ? pub : privateKey);
                int size = KeyAlgorithms.sizeBits(pub != null ? pub : privateKey);
                result.add(new Entry(new TokenKey(alias, alias, cert, x509, algorithm, size, privateKey != null), privateKey));
            }
            return List.copyOf(result);
        } catch (UnrecoverableKeyException e) {
            throw new OrgsignException(ErrorCode.PIN_INCORRECT, T.text("keystore.wrongKeyPassword"), e);
        } catch (GeneralSecurityException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("keystore.entriesUnreadable", Text.quoted(e.getMessage())), e);
        }
    }

    @Override
    public List<TokenKey> keys() throws OrgsignException {
        List<Entry> e = entries;
        if (e == null) {
            throw new OrgsignException(ErrorCode.NOT_LOGGED_IN, T.text("keystore.notOpen", description));
        }
        return e.stream().map(Entry::key).toList();
    }

    @Override
    public byte[] sign(TokenKey key, SignatureAlgorithm algorithm, byte[] data) throws OrgsignException {
        List<Entry> e = entries;
        if (e == null) {
            throw new OrgsignException(ErrorCode.NOT_LOGGED_IN, T.text("keystore.notOpen", description));
        }
        PrivateKey privateKey = e.stream().filter(x -> x.key().id().equals(key.id()) && x.privateKey() != null)
                .map(Entry::privateKey).findFirst().orElse(null);
        if (privateKey == null) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, T.text("keystore.noPrivateKey", description, key.id()));
        }
        if (algorithm.keyAlgorithm() != key.keyAlgorithm()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, T.text("keys.wrongAlgorithm", key.id(), key.keyAlgorithm(),
                    algorithm));
        }
        return ProviderBoundSigning.sign(key.id(), privateKey, algorithm, storeProvider, data);
    }

    @Override
    public void close() {
        entries = null;
        storeProvider = null;
    }

    /** Key family and size of JCA keys, including BouncyCastle's GOST keys. */
    static final class KeyAlgorithms {
        private KeyAlgorithms() {
        }

        static KeyAlgorithm of(Key key) {
            String name = key.getAlgorithm().toUpperCase(Locale.ROOT);
            if (name.contains("GOST")) {
                return sizeBits(key) > 256 ? KeyAlgorithm.GOST3410_2012_512 : KeyAlgorithm.GOST3410_2012_256;
            }
            if (name.startsWith("RSA")) {
                return KeyAlgorithm.RSA;
            }
            return KeyAlgorithm.EC;
        }

        static int sizeBits(Key key) {
            if (key instanceof RSAKey rsa) {
                return rsa.getModulus().bitLength();
            }
            if (key instanceof ECKey ec) {
                return ec.getParams().getCurve().getField().getFieldSize();
            }
            if (key instanceof org.bouncycastle.jce.interfaces.ECKey bc && bc.getParameters() != null) {
                return bc.getParameters().getCurve().getFieldSize();
            }
            return 0;
        }
    }
}
