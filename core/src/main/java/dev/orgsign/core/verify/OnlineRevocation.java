package dev.orgsign.core.verify;

/**
 * How a verifier checks revocation online, when no current offline CRL of the signer's issuer
 * was given: first the OCSP responder the certificate names ({@code ocsp}), then, when OCSP gave
 * no answer, the CRL at the certificate's distribution point ({@code crls}). A null verifier
 * argument of this type means offline: only the CRLs of the trust material count.
 *
 * @param crls fetches CRLs from distribution points, or null not to fetch CRLs
 * @param ocsp asks OCSP responders, or null not to use OCSP
 */
public record OnlineRevocation(CrlFetcher crls, OcspClient ocsp) {
    /**
     * Both sources with their defaults ({@link CrlFetcher#defaults()}, {@link OcspClient#defaults()}):
     * what {@code orgsign verify --online} and the service's online revocation use.
     *
     * @return online revocation by OCSP, then CRL distribution point
     */
    public static OnlineRevocation defaults() {
        return new OnlineRevocation(CrlFetcher.defaults(), OcspClient.defaults());
    }
}
