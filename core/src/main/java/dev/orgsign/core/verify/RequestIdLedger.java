package dev.orgsign.core.verify;

/**
 * Remembers the request ids the verifier has accepted, so that a replayed registration is
 * refused. The service keeps them in its database; the in-memory ledger serves one process.
 */
public interface RequestIdLedger {
    /**
     * Records {@code requestId} for a payload with the given hash.
     *
     * @param requestId   the payload's request id
     * @param payloadHash the SHA-256 of the canonical payload
     * @return true when the id was new, or was recorded before for the very same payload
     */
    boolean record(String requestId, byte[] payloadHash);

    /**
     * A ledger that lives as long as the process.
     *
     * @return a new, empty in-memory ledger
     */
    static RequestIdLedger inMemory() {
        java.util.concurrent.ConcurrentHashMap<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        return (id, hash) -> {
            String h = java.util.HexFormat.of().formatHex(hash);
            return seen.putIfAbsent(id, h) == null || seen.get(id).equals(h);
        };
    }
}
