package dev.orgsign.service;

/** Makes the PDF receipt of a verified submission. */
interface Receipts {
    /**
     * @param submission a verified submission
     * @return the receipt PDF, signed by the service
     */
    byte[] make(SubmissionStore.Stored submission);
}
