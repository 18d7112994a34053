package dev.orgsign.core.verify;

/**
 * What a verifier does online ({@code --online}). Revocation, when no current offline CRL of the
 * signer's issuer was given: first the OCSP responder the certificate names ({@code ocsp}), then,
 * when OCSP gave no answer, the CRL at the certificate's distribution point ({@code crls}). Missing
 * CA certificates: when a chain cannot be built from the certificates at hand, the issuer's
 * certificate is fetched from the URL the certificate names (AIA caIssuers, {@code issuers}). A
 * null verifier argument of this type means offline: only the trust material counts.
 *
 * @param crls    fetches CRLs from distribution points, or null not to fetch CRLs
 * @param ocsp    asks OCSP responders, or null not to use OCSP
 * @param issuers fetches missing CA certificates, or null not to
 */
public record OnlineRevocation(CrlFetcher crls, OcspClient ocsp, IssuerFetcher issuers) {
    /**
     * Revocation sources only; no CA certificates are fetched.
     *
     * @param crls fetches CRLs from distribution points, or null not to fetch CRLs
     * @param ocsp asks OCSP responders, or null not to use OCSP
     */
    public OnlineRevocation(CrlFetcher crls, OcspClient ocsp) {
        this(crls, ocsp, null);
    }

    /**
     * Every source with its defaults ({@link CrlFetcher#defaults()}, {@link OcspClient#defaults()},
     * {@link IssuerFetcher#defaults()}): what {@code orgsign verify --online} and the service's online
     * revocation use.
     *
     * @return online revocation by OCSP, then CRL distribution point, and missing CA certificates by AIA
     */
    public static OnlineRevocation defaults() {
        return new OnlineRevocation(CrlFetcher.defaults(), OcspClient.defaults(), IssuerFetcher.defaults());
    }
}
