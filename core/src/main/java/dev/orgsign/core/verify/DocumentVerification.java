package dev.orgsign.core.verify;

import java.security.cert.X509Certificate;

/**
 * What {@link DocumentVerifier} found of a signed document.
 *
 * @param report      the checks and the verdict (VERIFIED only when every check passed)
 * @param content     the content the signature covers (the one it carried, or the one given), or null when the
 *                    signature could not be read
 * @param certificate the signer's certificate, or null when the signature could not be read
 */
public record DocumentVerification(VerificationReport report, byte[] content, X509Certificate certificate) {
    /**
     * Whether the content is what the signer's key signed: the signature value verified over it. The
     * content may be shown then even when other checks (the chain, revocation) did not pass.
     *
     * @return true when {@code signature.value} passed
     */
    public boolean contentSigned() {
        return content != null && report.check("signature.value").map(c -> c.result() == CheckResult.PASSED).orElse(false);
    }
}
