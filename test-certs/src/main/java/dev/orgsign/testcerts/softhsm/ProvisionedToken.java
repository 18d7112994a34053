package dev.orgsign.testcerts.softhsm;

import dev.orgsign.testcerts.KeyKind;
import dev.orgsign.testcerts.Persona;

import java.util.List;

/** A SoftHSM token made by {@link SoftHsm#provision}. */
public record ProvisionedToken(SoftHsm softHsm, String label, String serial, String userPin, List<ProvisionedKey> keys) {
    public ProvisionedToken {
        keys = List.copyOf(keys);
    }

    /** The key of a persona and kind on this token. */
    public ProvisionedKey key(Persona persona, KeyKind kind) {
        return keys.stream().filter(k -> k.persona() == persona && k.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + persona.slug() + " " + kind.slug() + " key on " + label));
    }
}
