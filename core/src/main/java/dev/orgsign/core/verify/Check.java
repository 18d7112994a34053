package dev.orgsign.core.verify;

/**
 * One check of a verification report.
 *
 * @param code    the stable code of docs/design.md ({@code signature.value}, {@code authority}, …)
 * @param message a sentence for people: what was found
 */
public record Check(String code, CheckResult result, String message) {
    /**
     * The check codes of docs/design.md, in the order they are reported; {@code signature.timestamp} only for a
     * signature that carries an RFC 3161 signature timestamp (CAdES-T).
     */
    public static final java.util.List<String> CODES = java.util.List.of("payload.schema", "signature.cms",
            "signature.value", "signature.timestamp", "certificate.chain", "certificate.validity", "certificate.revocation",
            "certificate.qualified", "signer.identity", "authority", "organization.match", "freshness");
}
