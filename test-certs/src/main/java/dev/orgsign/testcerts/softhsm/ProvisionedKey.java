package dev.orgsign.testcerts.softhsm;

import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;

/**
 * A persona key put on a SoftHSM token.
 *
 * @param label CKA_LABEL of the private key, public key and certificate
 * @param idHex CKA_ID in lower-case hex
 */
public record ProvisionedKey(Persona persona, KeyKind kind, String label, String idHex) {
}
