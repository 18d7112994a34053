package dev.orgsign.core;

import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.authority.Reason;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Contacts;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.pdf.ApplicationPdf;
import dev.orgsign.core.pdf.PadesSigner;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.SignatureAlgorithm;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.token.TokenKeys;
import dev.orgsign.core.trust.Accreditation;
import dev.orgsign.core.verify.IssuerChain;
import dev.orgsign.core.verify.IssuerFetcher;
import dev.orgsign.core.verify.TimestampClient;
import dev.orgsign.core.verify.TrustMaterial;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One registration, step by step, for library users and for the {@code orgsign register} wizard
 * alike: pick the key, name the organization and the register, check the signer's authority
 * (before any PIN), log in, complete the contact, draft the payload, confirm, sign it (CAdES) and,
 * when asked, the application PDF (PAdES). What the caller does not give, a
 * {@link RegistrationDialog} may ask for; without one nothing is asked and whatever is missing is
 * named before the PIN is used. Made by {@link Orgsign#registration(SigningToken)}; not
 * thread-safe (one registration, one thread). It adds no rules of its own: it calls
 * {@link TokenKeys}, {@link AuthorityCheck}, {@link PayloadDraft}, {@link PayloadCodec},
 * {@link RegistrationSigner}, {@link ApplicationPdf} and {@link PadesSigner}.
 *
 * <p>Signing is impossible without a passed authority check: {@link #sign()} runs the check
 * itself and refuses, with a {@link NotEntitledException}, anything but ENTITLED.
 */
public final class Registration {
    private static final Texts T = Texts.of(Registration.class);

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
    private PinCallback pins;
    private RegistrationDialog dialog = RegistrationDialog.NONE;
    private boolean application;
    private RegistrationPayload prepared;
    private TimestampClient tsa;
    private IssuerFetcher issuers;
    private TrustMaterial chainTrust;
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
     * Where the PIN comes from when {@link #sign()} logs in: after the authority check, so that a
     * signer the register does not confirm is never asked for a PIN (a keystore, whose certificates
     * cannot be read before, is opened first). One attempt, as always.
     *
     * @param pins where the PIN (or keystore password) comes from
     * @return this registration
     */
    public Registration pins(PinCallback pins) {
        this.pins = pins;
        return this;
    }

    /**
     * Who answers what the caller did not give: a person at a terminal, say.
     *
     * @param dialog the dialog; {@link RegistrationDialog#NONE} (the default) asks nothing
     * @return this registration
     */
    public Registration dialog(RegistrationDialog dialog) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        return this;
    }

    /**
     * Whether {@link #sign()} also renders the application PDF in the registration's
     * {@link #locale} with the signer's stamp and signs it with the same key (PAdES), which costs a
     * second signature on the token.
     *
     * @param render true for {@link SignedRegistration#application()}
     * @return this registration
     */
    public Registration application(boolean render) {
        this.application = render;
        return this;
    }

    /**
     * Signs a payload prepared elsewhere instead of drafting one from the certificate and the
     * register; it must name the organization of {@link #organization}. The authority check is the same.
     *
     * @param payload the registration to sign
     * @return this registration
     */
    public Registration prepared(RegistrationPayload payload) {
        this.prepared = payload;
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
     * @param ogrnOrOgrnip  the OGRN (LLC, GOV) or OGRNIP (IE); its check digit is validated; null to
     *                      have the {@link RegistrationDialog} ask (suggesting the certificate's)
     * @return this registration
     */
    public Registration organization(OrganizationType type, String ogrnOrOgrnip) {
        this.type = Objects.requireNonNull(type, "type");
        this.organizationId = ogrnOrOgrnip == null ? null : ogrnOrOgrnip.strip();
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
     * @param email the contact e-mail address; null for the signer's certificate's (one of the two
     *              is required for signing)
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
     * certificate in the signature. The chain is followed issuer by issuer, so a folder of unrelated
     * CA certificates adds only those on the signer's path; none is repeated.
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
     * The trust anchors the verification service uses: the chain is then completed up to them and
     * checked before the PIN as the service will check it ({@link #chainProblem()}); with a list of
     * accredited certification centres ({@link TrustMaterial#trustList()}), its CA certificates
     * complete the chain and the issuing centre's accreditation today is checked too
     * ({@link #accreditationProblem()}).
     *
     * @param trust the service's anchors, or null to check only that the issuer's certificate is at hand
     * @return this registration
     */
    public Registration chainTrust(TrustMaterial trust) {
        this.chainTrust = trust;
        this.chosen = null;
        return this;
    }

    /**
     * The signer's chain as the signature will carry it (the key's own, completed with
     * {@link #caCertificates} and, with {@link #fetchIssuers}, fetched ones) and what is missing:
     * when {@link IssuerChain.Completion#missing()} is the signer's certificate itself, the
     * verification service cannot build the chain and will reject the registration
     * ({@link #chainProblem()} says it in the reader's language). {@link #sign()} asks it before the PIN.
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
     * The reader's language: of the application PDF ({@link #application}) and of its signature's
     * reason; failures carry both languages anyway (Russian for "ru", English otherwise; English by
     * default).
     *
     * @param locale the user's locale
     * @return this registration
     */
    public Registration locale(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        return this;
    }

    /**
     * The signing key, chosen among the token's keys now (see {@link #key(String)}): without a key
     * named and with several on the token, the {@link RegistrationDialog} chooses, the keys the
     * register confirms first. A keystore whose certificates cannot be read before it is opened is
     * opened first with the {@link #pins} given.
     *
     * @return the key, its chain completed with {@link #caCertificates}
     * @throws OrgsignException KEY_NOT_FOUND or KEY_AMBIGUOUS, with the keys present listed
     */
    public TokenKey signingKey() throws OrgsignException {
        if (chosen == null) {
            TokenKey key = new KeySelection(token, pins, dialog).choose(keySelector,
                    k -> looksEntitled(k), locale -> token.description(locale));
            List<X509Certificate> known = new ArrayList<>(key.chain());
            known.addAll(caCertificates);
            if (chainTrust != null && chainTrust.trustList() != null) { // the list's CA certificates complete what the token lacks
                chainTrust.trustList().certificates().stream().map(l -> l.certificate())
                        .filter(java.util.Objects::nonNull).forEach(known::add);
            }
            completion = IssuerChain.complete(key.certificate(), known,
                    chainTrust == null ? List.of() : chainTrust.anchors(), issuers);
            chosen = key.withChain(completion.chain()); // keeps what the token says of its private key
        }
        return chosen;
    }

    /**
     * Why the verification service would not build the signer's chain, said before any PIN: with
     * {@link #chainTrust} the service's own chain check, run here; without it, whether the
     * certificate of the signer's issuer is at hand at all (on the token, among the
     * {@link #caCertificates}, or fetched with {@link #fetchIssuers}), and where it is published.
     *
     * @return the sentence, or null when the chain will be built
     * @throws OrgsignException KEY_NOT_FOUND or KEY_AMBIGUOUS, as {@link #signingKey()}
     */
    public Text chainProblem() throws OrgsignException {
        TokenKey key = signingKey();
        if (chainTrust != null) {
            Text why = IssuerChain.verify(key.chain(), chainTrust, clock.instant());
            return why == null ? null : T.text("chain.rejected", why);
        }
        IssuerChain.Completion c = completion;
        if (c.complete() || c.missing() != key.certificate()) {
            return null; // the holder's issuer is there; above it, the service's trust anchors take over
        }
        Text hint = c.fetchProblem() != null ? T.text("chain.fetchFailed", c.fetchProblem())
                : c.urls().isEmpty() ? T.text("chain.noUrl") : T.text("chain.url", c.urls().get(0));
        return T.text("chain.missing", c.missingIssuer(), hint);
    }

    /**
     * Why the verification service would find the signer's certificate not qualified today by the
     * list of accredited certification centres that {@link #chainTrust} carries (its issuing centre
     * not in the list, or not accredited now), said before any PIN.
     *
     * @return the sentence, or null when there is no list or the centre is accredited
     * @throws OrgsignException KEY_NOT_FOUND or KEY_AMBIGUOUS, as {@link #signingKey()}
     */
    public Text accreditationProblem() throws OrgsignException {
        if (chainTrust == null || chainTrust.trustList() == null) {
            return null;
        }
        Accreditation a = chainTrust.trustList().accreditation(signingKey().certificate(), clock.instant());
        return a.accredited() ? null : Text.of(a.reason().english(), a.reason().russian());
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
            throw new OrgsignException(ErrorCode.USAGE, T.text("registration.noOrganization"));
        }
        if (registry == null) {
            throw new OrgsignException(ErrorCode.USAGE, T.text("registration.noRegistry"));
        }
        QualifiedCertificate signer = signer();
        AuthorityDecision decision = new AuthorityCheck(registry, clock).decide(signer, type, organizationId);
        if (!decision.entitled()) {
            Text reasons = Text.join(" ", decision.reasons().stream().map(r -> Text.of(r.english(), r.russian())).toList());
            String codes = decision.reasons().stream().map(Reason::code).collect(Collectors.joining(", "));
            throw new NotEntitledException(decision, T.text(decision.outcome() == AuthorityDecision.Outcome.UNKNOWN
                    ? "registration.unknown" : "registration.notEntitled", signer.holderName().strip(), organizationId,
                    reasons, codes));
        }
        return decision;
    }

    /**
     * The whole registration: the key, the organization (asked when missing), the authority check
     * ({@link #check()}), the login with the {@link #pins} given, the contact (asked when missing),
     * the payload drafted from the certificate and the register (or the {@link #prepared} one),
     * the dialog's confirmation, the signature of its canonical bytes and, when asked, the signed
     * application PDF.
     *
     * @return the signed registration
     * @throws NotEntitledException when the signer is not entitled; nothing is signed then
     * @throws OrgsignException     USAGE when the organization or the contact e-mail is missing, or
     *                              when the service could not build the signer's chain and the dialog
     *                              does not go on; INVALID_INPUT for an e-mail or phone that is not one;
     *                              INVALID_PAYLOAD when the registration would be invalid; CANCELLED
     *                              when the dialog declines; PIN and token errors; the TSA's (SERVICE_*)
     *                              when a timestamp was asked for and not had
     */
    public SignedRegistration sign() throws OrgsignException {
        TokenKey key = signingKey();
        QualifiedCertificate signer = signer();
        if (type == null) {
            throw new OrgsignException(ErrorCode.USAGE, T.text("registration.noOrganization"));
        }
        if (organizationId == null) {
            String asked = dialog.organizationId(type, type == OrganizationType.IE ? signer.ogrnip() : signer.ogrn());
            organizationId = asked == null ? null : asked.strip();
        }
        AuthorityDecision decision = check();
        dialog.entitled(signer, decision);
        for (Text problem : new Text[] {chainProblem(), accreditationProblem()}) {
            if (problem != null && !dialog.signDespite(problem)) {
                throw new OrgsignException(ErrorCode.USAGE, problem); // before the PIN: nothing is signed
            }
        }
        if (!dialog.interactive()) {
            payload(signer, decision); // whatever is missing is named before the PIN is used
        }
        if (pins != null) {
            dialog.loggingIn(token);
            token.login(pins);
            key = new KeySelection(token, pins, dialog).afterLogin(key);
            chosen = key;
        }
        if (dialog.interactive()) {
            complete(signer, decision);
        }
        RegistrationPayload payload = payload(signer, decision);
        byte[] canonical = PayloadCodec.canonicalBytes(payload);
        if (!dialog.confirm(payload, key)) {
            throw new OrgsignException(ErrorCode.CANCELLED, T.text("registration.cancelled"));
        }
        dialog.signing();
        RegistrationSigner cades = new RegistrationSigner(clock, tsa);
        byte[] cms = algorithm == null ? cades.sign(canonical, token, key) : cades.sign(canonical, token, key, algorithm);
        byte[] pdf = null;
        if (application) {
            byte[] unsigned = ApplicationPdf.render(payload, key.certificate(), locale);
            pdf = algorithm == null ? new PadesSigner(clock).sign(unsigned, token, key, T.format(locale, "application.reason"), null)
                    : new PadesSigner(clock).sign(unsigned, token, key, algorithm, T.format(locale, "application.reason"), null);
        }
        return new SignedRegistration(payload, canonical, cms, key, decision, pdf);
    }

    /** Asks the dialog for the contact and the position the caller did not give; each is checked as given. */
    private void complete(QualifiedCertificate signer, AuthorityDecision decision) throws OrgsignException {
        if (prepared != null) {
            return;
        }
        if (email == null) {
            email = dialog.email(signer.email());
        }
        if (phone == null) {
            phone = dialog.phone();
        }
        boolean registered = decision.head() != null && decision.head().position() != null;
        if (position == null && !registered && signer.title() == null && type != OrganizationType.IE) {
            position = dialog.position();
        }
    }

    /** The payload to sign, its schema's checks passed: the prepared one, or drafted now. */
    private RegistrationPayload payload(QualifiedCertificate signer, AuthorityDecision decision) throws OrgsignException {
        if (prepared != null) {
            if (prepared.organization().type() != type || !prepared.organization().id().equals(organizationId)) {
                throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, T.text("registration.preparedOther",
                        prepared.organization().id(), organizationId));
            }
            return PayloadCodec.parse(PayloadCodec.canonicalBytes(prepared));
        }
        String given = email != null && !email.isBlank() ? email : signer.email();
        if (given == null || given.isBlank()) {
            throw new OrgsignException(ErrorCode.USAGE, T.text("registration.noEmail"));
        }
        String mail = Contacts.email(given);
        String tel = phone == null || phone.isBlank() ? null : Contacts.phone(phone);
        RegistrationPayload draft = PayloadDraft.from(signer, decision, type, organizationId, registry, mail, tel, position,
                clock);
        return PayloadCodec.parse(PayloadCodec.canonicalBytes(draft)); // the schema's own checks, before the token signs
    }

    /** Whether the register confirms a key's holder, for the choice of keys (never throws). */
    private boolean looksEntitled(TokenKey key) {
        if (registry == null || type == null || key.certificate() == null) {
            return false;
        }
        try {
            QualifiedCertificate q = QualifiedCertificate.parse(key.certificate());
            String id = organizationId != null ? organizationId : type == OrganizationType.IE ? q.ogrnip() : q.ogrn();
            return id != null && new AuthorityCheck(registry, clock).decide(q, type, id).entitled();
        } catch (OrgsignException e) {
            return false;
        }
    }

    private QualifiedCertificate signer() throws OrgsignException {
        return QualifiedCertificate.parse(signingKey().certificate());
    }
}
