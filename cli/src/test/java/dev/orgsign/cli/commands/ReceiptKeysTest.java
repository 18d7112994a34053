package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7512 PKCS#11 URIs as {@code serve --receipt-key} reads them. */
class ReceiptKeysTest {
    @Test
    void pathAndQueryAttributesArePercentDecoded() throws Exception {
        Map<String, byte[]> a = ReceiptKeys.attributes(
                "pkcs11:token=Receipts%20HSM;object=%D0%BA%D0%B2%D0%B8%D1%82;id=%01%A2?module-path=/usr/lib/softhsm/libsofthsm2.so");
        assertEquals("Receipts HSM", new String(a.get("token"), StandardCharsets.UTF_8));
        assertEquals("квит", new String(a.get("object"), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {0x01, (byte) 0xA2}, a.get("id"));
        assertEquals("/usr/lib/softhsm/libsofthsm2.so", new String(a.get("module-path"), StandardCharsets.UTF_8));
    }

    @Test
    void malformedUrisAreSentences() {
        OrgsignException cut = assertThrows(OrgsignException.class, () -> ReceiptKeys.attributes("pkcs11:token=a%2"));
        assertTrue(cut.getMessage().contains("not two hex digits"), cut.getMessage());
        OrgsignException bare = assertThrows(OrgsignException.class, () -> ReceiptKeys.attributes("pkcs11:token"));
        assertTrue(bare.getMessage().contains("is not NAME=VALUE"), bare.getMessage());
        OrgsignException noModule = assertThrows(OrgsignException.class, () -> ReceiptKeys.configure(
                dev.orgsign.service.ServiceConfig.builder(), "pkcs11:token=x", "PIN", null));
        assertTrue(noModule.getMessage().contains("module-path"), noModule.getMessage());
        OrgsignException noSecret = assertThrows(OrgsignException.class, () -> ReceiptKeys.configure(
                dev.orgsign.service.ServiceConfig.builder(), "receipts.p12", null, null));
        assertTrue(noSecret.getMessage().contains("--receipt-secret-env"), noSecret.getMessage());
    }
}
