package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.authority.Reason;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.token.TokenKeys;
import dev.orgsign.core.verify.IssuerChain;
import dev.orgsign.core.verify.IssuerFetcher;
import dev.orgsign.core.verify.TimestampClient;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The common path of one registration, step by step: log in to the token, pick the key, name
 * the organization and the register, {@link #check()} the signer's authority, {@link #sign()}.
 * Made by {@link Orgsign#registration(SigningToken)}; not thread-safe (one registration, one
 * thread). It adds no rules of its own: it calls {@link TokenKeys}, {@link AuthorityCheck},
 * {@link PayloadDraft}, {@link PayloadCodec} and {@link RegistrationSigner}.
 *
 * <p>Signing is impossible without a passed authority check: {@link #sign()} runs the check
 * itself and refuses, with a {@link NotEntitledException}, anything but ENTITLED.
 */
public final class Registration {
    private final SigningToken token;
    private String keySelector;
    private OrganizationType type;
    private String organizationId;
    private Registry registry;
    private String email;
    private String phone;
    private String position;
    private SignatureAlgorithm algorithm;
    private Clock clock = Clock.systemUTC();
    private Locale locale = Locale.ENGLISH;
    private List<X509Certificate> caCertificates = List.of();
    private TimestampClient tsa;
    private IssuerFetcher issuers;
    private IssuerChain.Completion completion;
    private TokenKey chosen;

    Registration(SigningToken token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Logs in to the token now, with one attempt (the PIN rules of the token apply).
     *
     * @param pins where the PIN (or keystore password) comes from
     * @return this registration
     * @throws OrgsignException PIN_INCORRECT, PIN_LOCKED, PIN_MISSING and the other token errors
     */
    public Registration login(PinCallback pins) throws OrgsignException {
        token.login(pins);
        return this;
    }

    /**
     * Names the signing key by id (CKA_ID in hex, keystore alias) or label. Without it, the token
     * must hold exactly one signing key.
     *
     * @param idOrLabel the key's id or label
     * @return this registration
     */
    public Registration key(String idOrLabel) {
        this.keySelector = idOrLabel;
        this.chosen = null;
        return this;
    }

    /**
     * Names the organization to register.
     *
     * @param type          IE, LLC or GOV
     * @param ogrnOrOgrnip  the OGRN (LLC, GOV) or OGRNIP (IE); its check digit is validated
     * @return this registration
     */
    public Registration organization(OrganizationType type, String ogrnOrOgrnip) {
        this.type = Objects.requireNonNull(type, "type");
        this.organizationId = Objects.requireNonNull(ogrnOrOgrnip, "ogrnOrOgrnip").strip();
        return this;
    }

    /**
     * The register extracts to check against.
     *
     * @param registry a loaded register
     * @return this registration
     */
    public Registration registry(Registry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Loads the register extracts from an EGRUL / EGRIP XML file or a folder of them.
     *
     * @param fileOrFolder the extracts
     * @return this registration
     * @throws OrgsignException IO or INVALID_REGISTRY when the extracts cannot be read
     */
    public Registration registry(Path fileOrFolder) throws OrgsignException {
        return registry(FnsExtractRegistry.load(fileOrFolder));
    }

    /**
     * Where the verdict is sent.
     *
     * @param email the contact e-mail address (required for signing)
     * @param phone the contact phone number, or {@code null}
     * @return this registration
     */
    public Registration contact(String email, String phone) {
        this.email = email;
        this.phone = phone;
        return this;
    }

    /**
     * The head's position, used when the certificate carries no title.
     *
     * @param position for example "Генеральный директор"
     * @return this registration
     */
    public Registration position(String position) {
        this.position = position;
        return this;
    }

    /**
     * The signature algorithm; by default the key's ({@link TokenKey#defaultSignatureAlgorithm()}).
     *
     * @param algorithm an algorithm for the key's family
     * @return this registration
     */
    public Registration algorithm(SignatureAlgorithm algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    /**
     * The clock for the payload's creation time and the signing time (tests pin it).
     *
     * @param clock the clock
     * @return this registration
     */
    public Registration clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * CA certificates to carry in the signature beside the key's own chain. Many tokens hold only
     * the holder's certificate; a verifier that trusts only the root then needs the issuing CA's
     * certificate in the signature. Certificates already in the chain are not repeated.
     *
     * @param certificates the issuing CA's certificate (and further intermediates)
     * @return this registration
     */
    public Registration caCertificates(List<X509Certificate> certificates) {
        this.caCertificates = List.copyOf(certificates);
        this.chosen = null;
        return this;
    }

    /**
     * Fetches the issuing CA's certificate from the URL the signer's certificate names for it (AIA
     * caIssuers) when neither the token nor {@link #caCertificates} holds it, so that the signature
     * carries it.
     *
     * @param fetcher the fetcher ({@link IssuerFetcher#defaults()}), or null not to fetch
     * @return this registration
     */
    public Registration fetchIssuers(IssuerFetcher fetcher) {
        this.issuers = fetcher;
        this.chosen = null;
        return this;
    }

    /**
     * The signer's chain as the signature will carry it (the key's own, completed with
     * {@link #caCertificates} and, with {@link #fetchIssuers}, fetched ones) and what is missing:
     * when {@link IssuerChain.Completion#missing()} is the signer's certificate itself, the
     * verification service cannot build the chain and will reject the registration; its
     * {@link IssuerChain.Completion#problem()} says how to supply the issuer's certificate. Call it
     * before {@link #login} to warn before the PIN.
     *
     * @return the completion
     * @throws OrgsignException KEY_NOT_FOUND or KEY_AMBIGUOUS, as {@link #signingKey()}
     */
    public IssuerChain.Completion chain() throws OrgsignException {
        signingKey();
        return completion;
    }

    /**
     * Makes the signature CAdES-T: after signing, the time-stamping authority's RFC 3161 timestamp over the
     * signature value is added, which proves when the signature existed (the verifier then judges validity
     * and freshness by it rather than by the signer's own signing time).
     *
     * @param tsa the time-stamping authority ({@link TimestampClient#of}), or null for CAdES-BES
     * @return this registration
     */
    public Registration timestamp(TimestampClient tsa) {
        this.tsa = tsa;
        return this;
    }

    /**
     * The language of the authority reasons put into a {@link NotEntitledException}'s message
     * (Russian for "ru", English otherwise; English by default).
     *
     * @param locale the user's locale
     * @return this registration
     */
    public Registration locale(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        return this;
    }

    /**
     * The signing key, chosen among the token's keys now (see {@link #key(String)}).
     *
     * @return the key
     * @throws OrgsignException KEY_NOT_FOUND or KEY_AMBIGUOUS, with the keys present listed
     */
    public TokenKey signingKey() throws OrgsignException {
        if (chosen == null) {
            TokenKey key = TokenKeys.choose(token.keys(), keySelector, token.description());
            if (key.certificate() == null) {
                throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, "The key '" + key.label()
                        + "' has no certificate, so it cannot make a qualified signature.");
            }
            List<X509Certificate> known = new ArrayList<>(key.chain());
            known.addAll(caCertificates);
            completion = IssuerChain.complete(key.certificate(), known, List.of(), issuers);
            chosen = key.withChain(completion.chain()); // keeps what the token says of its private key
        }
        return chosen;
    }

    /**
     * Checks that the signer may register the organization, against the register.
     *
     * @return the decision, which is ENTITLED
     * @throws NotEntitledException when the decision is NOT_ENTITLED or UNKNOWN (fail closed);
     *                              its message gives the reasons
     * @throws OrgsignException     USAGE when the organization or the register was not given;
     *                              INVALID_IDENTIFIER for a mistyped OGRN; key and certificate errors
     */
    public AuthorityDecision check() throws OrgsignException {
        if (type == null || organizationId == null) {
            throw new OrgsignException(ErrorCode.USAGE, "Name the organization to register (type and OGRN or OGRNIP).");
        }
        if (registry == null) {
            throw new OrgsignException(ErrorCode.USAGE, "Give the register extracts to check the signer's authority against.");
        }
        AuthorityDecision decision = new AuthorityCheck(registry, clock).decide(signer(), type, organizationId);
        if (!decision.entitled()) {
            String reasons = decision.reasons().stream().map(r -> r.message(locale)).collect(Collectors.joining(" "));
            String codes = decision.reasons().stream().map(Reason::code).collect(Collectors.joining(", "));
            throw new NotEntitledException(decision, (decision.outcome() == AuthorityDecision.Outcome.UNKNOWN
                    ? "Whether the signer may register " : "The signer may not register ")
                    + (type == OrganizationType.IE ? "OGRNIP " : "OGRN ") + organizationId + ": " + reasons
                    + " [" + codes + "]");
        }
        return decision;
    }

    /**
     * Checks the signer's authority ({@link #check()}), fills the registration from the
     * certificate and the register, and signs its canonical bytes on the token.
     *
     * @return the signed registration
     * @throws NotEntitledException when the signer is not entitled; nothing is signed then
     * @throws OrgsignException     USAGE when the contact e-mail is missing; INVALID_PAYLOAD when the
     *                              registration would be invalid; token errors from signing; the TSA's
     *                              (SERVICE_*) when a timestamp was asked for and not had
     */
    public SignedRegistration sign() throws OrgsignException {
        AuthorityDecision decision = check();
        if (email == null || email.isBlank()) {
            throw new OrgsignException(ErrorCode.USAGE, "Give a contact e-mail address: the verdict is sent there.");
        }
        TokenKey key = signingKey();
        RegistrationPayload draft = PayloadDraft.from(signer(), decision, type, organizationId, registry, email, phone, position, clock);
        byte[] canonical = PayloadCodec.canonicalBytes(draft);
        RegistrationPayload payload = PayloadCodec.parse(canonical); // the schema's own checks, before the token signs
        RegistrationSigner signer = new RegistrationSigner(clock, tsa);
        byte[] cms = algorithm == null ? signer.sign(canonical, token, key) : signer.sign(canonical, token, key, algorithm);
        return new SignedRegistration(payload, canonical, cms, key, decision);
    }

    private QualifiedCertificate signer() throws OrgsignException {
        return QualifiedCertificate.parse(signingKey().certificate());
    }
}
