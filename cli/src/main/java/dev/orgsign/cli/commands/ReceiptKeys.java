package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.PinCallbacks;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.pkcs11.Pkcs11Tokens;
import dev.orgsign.service.ServiceConfig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code serve --receipt-key}: the key that seals receipts, either a PKCS#12 keystore file
 * (password from {@code --receipt-secret-env}) or a key on a PKCS#11 token named by an RFC 7512
 * URI, {@code pkcs11:token=LABEL;object=KEY_LABEL?module-path=/path/to/module.so} ({@code id=}
 * for CKA_ID, {@code serial=} for the token's serial), logged into once with the PIN from
 * {@code --receipt-secret-env}.
 */
final class ReceiptKeys {
    private ReceiptKeys() {
    }

    static void configure(ServiceConfig.Builder b, String key, String secretVariable, String secret) throws OrgsignException {
        if (key == null) {
            return;
        }
        if (secretVariable == null) {
            throw new OrgsignException(ErrorCode.USAGE, Messages.text("receiptKey.noSecret", key));
        }
        if (!key.startsWith("pkcs11:")) {
            b.receiptKey(Path.of(key), secret);
            return;
        }
        Map<String, byte[]> a = attributes(key);
        String module = text(a.get("module-path"));
        String token = text(a.containsKey("token") ? a.get("token") : a.get("serial"));
        if (module == null || token == null) {
            throw new OrgsignException(ErrorCode.USAGE, Messages.text("receiptKey.notNamed", key));
        }
        SigningToken t = Pkcs11Tokens.open(Path.of(module), token);
        try {
            t.login(PinCallbacks.environment(secretVariable)); // one attempt, never retried
        } catch (OrgsignException e) {
            t.close();
            throw e;
        }
        String keyId = a.containsKey("id") ? HexFormat.of().formatHex(a.get("id")) : text(a.get("object"));
        b.receiptKey(t, keyId);
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The path and query attributes of a PKCS#11 URI, percent-decoded to bytes (RFC 7512). */
    static Map<String, byte[]> attributes(String uri) throws OrgsignException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        String rest = uri.substring("pkcs11:".length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        for (String[] part : new String[][] {path.split(";"), query.split("&")}) {
            for (String attr : part) {
                if (attr.isEmpty()) {
                    continue;
                }
                int eq = attr.indexOf('=');
                if (eq <= 0) {
                    throw new OrgsignException(ErrorCode.USAGE, Messages.text("receiptKey.attribute", attr, uri));
                }
                out.put(attr.substring(0, eq), decode(attr.substring(eq + 1), uri));
            }
        }
        return out;
    }

    private static byte[] decode(String v, String uri) throws OrgsignException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%') {
                b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < v.length() ? Character.digit(v.charAt(i + 1), 16) : -1;
            int lo = i + 2 < v.length() ? Character.digit(v.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new OrgsignException(ErrorCode.USAGE, Messages.text("receiptKey.escape", uri));
            }
            b.write(hi * 16 + lo);
            i += 2;
        }
        return b.toByteArray();
    }
}
