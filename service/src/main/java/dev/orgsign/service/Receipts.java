package dev.orgsign.service;

import dev.orgsign.core.OrgsignException;

/** Makes the signed PDF receipt of a verified submission. */
interface Receipts extends AutoCloseable {
    /**
     * @param submission a verified submission
     * @param payload    its payload
     * @param signature  its signature
     * @return the receipt PDF, signed by the service
     * @throws OrgsignException when the receipt cannot be made or signed
     */
    byte[] make(SubmissionStore.Stored submission, byte[] payload, byte[] signature) throws OrgsignException;

    /** Releases the key's token; never throws. */
    @Override
    void close();
}
