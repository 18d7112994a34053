package dev.orgsign.cli.commands;

import dev.orgsign.cli.ClientOptions;
import dev.orgsign.cli.PinOptions;
import dev.orgsign.cli.RegistrySource;
import dev.orgsign.cli.TokenListing;
import dev.orgsign.cli.TokenOptions;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.Orgsign;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Registration;
import dev.orgsign.core.SignedRegistration;
import dev.orgsign.core.identifier.Contacts;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.core.verify.IssuerFetcher;
import dev.orgsign.core.verify.TimestampClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code orgsign register}: the options mapped onto core's {@link Registration}, which runs the
 * whole flow (key, authority before the PIN, login, payload, confirmation, signature, signed
 * application PDF); on a terminal the {@link Wizard} answers its questions. Then the files are
 * written and the registration submitted ({@link Submissions}). Without a terminal, or with
 * {@code --json}, nothing is asked and what is missing is named.
 */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false)
public final class RegisterCommand extends BaseCommand {
    @Option(names = "--type", paramLabel = "IE|LLC|GOV", descriptionKey = "opt.type")
    OrganizationType type;

    @Option(names = "--ogrn", paramLabel = "N", descriptionKey = "opt.ogrn")
    String ogrn;

    @Mixin
    TokenOptions token;

    @Option(names = "--key", paramLabel = "ID", descriptionKey = "opt.key")
    String key;

    @Mixin
    PinOptions pin;

    @Mixin
    RegistrySource registry = new RegistrySource();

    @Option(names = "--ca", paramLabel = "PATH", descriptionKey = "opt.ca")
    List<Path> caCertificates = new ArrayList<>();

    @Option(names = "--online", descriptionKey = "opt.onlineIssuers")
    boolean online;

    @Option(names = "--trust", paramLabel = "PATH", descriptionKey = "opt.trustRegister")
    Path trust;

    @Mixin
    dev.orgsign.cli.TrustListOptions trustList = new dev.orgsign.cli.TrustListOptions();

    @Option(names = "--tsa", paramLabel = "URL", descriptionKey = "opt.tsa")
    URI tsa;

    @Option(names = "--payload", paramLabel = "FILE", descriptionKey = "opt.payloadPrepared")
    Path payloadFile;

    @Option(names = "--email", paramLabel = "ADDR", descriptionKey = "opt.email")
    String email;

    @Option(names = "--phone", paramLabel = "N", descriptionKey = "opt.phone")
    String phone;

    @Option(names = "--position", paramLabel = "TEXT", descriptionKey = "opt.position")
    String position;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", descriptionKey = "opt.out")
    Path out;

    @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "opt.endpoint")
    URI endpoint;

    @Option(names = "--wait", paramLabel = "DURATION", descriptionKey = "opt.wait")
    String waitText;

    @Option(names = "--no-submit", descriptionKey = "opt.noSubmit")
    boolean noSubmit;

    @Option(names = "--yes", descriptionKey = "opt.yes")
    boolean yes;

    @Mixin
    ClientOptions service;

    @Override
    public Integer call() throws OrgsignException {
        if (endpoint == null && !noSubmit) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.endpointOrNoSubmit"));
        }
        if (endpoint != null && noSubmit) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.endpointAndNoSubmit"));
        }
        Duration wait = waitText == null ? null : Durations.parse(waitText, m());
        checkGiven();
        Prompter ask = interactive() ? new Prompter(terminal(), out(), m()) : null;
        if (ask != null) {
            ask.out().println(m().get("wizard.welcome"));
        }
        if (type == null) {
            type = askType(ask);
        }
        if (!registry.given()) {
            registry.useFolder(Path.of(need(ask, "--registry", m().get("ask.registry"))));
        }
        SignedRegistration signed;
        try (RegistrySource.Opened opened = registry.open(m());
             SigningToken t = token.open(pin.allowFinalTry() || ask != null, m(), ask == null ? null
                     : found -> ask.choose(m().get("ask.token"), found.stream().map(f -> TokenListing.choice(m(), f)).toList(), -1))) {
            Registration r = Orgsign.registration(t).key(key).organization(type, ogrn).registry(opened.registry())
                    .contact(email, phone).position(position).caCertificates(ca())
                    .fetchIssuers(online ? IssuerFetcher.defaults() : null)
                    .chainTrust(chainTrust())
                    .timestamp(tsa == null ? null : TimestampClient.of(tsa))
                    .pins(pin.callback(terminal(), m(), !json))
                    .dialog(new Wizard(ask, m(), json ? null : err(), noSubmit, yes, pin.allowFinalTry(), out))
                    .application(true).locale(m().locale());
            if (payloadFile != null) {
                r.prepared(PayloadCodec.parse(Files2.read(payloadFile)));
            }
            signed = r.sign();
        }
        Map<String, String> files = write(signed);
        if (noSubmit) {
            notSubmitted(signed, files);
            return 0;
        }
        return Submissions.submit(this, service.client(endpoint, m()), service.apiKeyEnv(), signed.canonicalPayload(),
                signed.signature(), new Submissions.Sent(out.resolve(SignedRegistration.PAYLOAD_FILE),
                        out.resolve(SignedRegistration.SIGNATURE_FILE)), endpoint, wait, out, out, files);
    }

    /** The service's trust as given (--trust, --trust-list): its chain check and the centre's accreditation before the PIN. */
    private TrustMaterial chainTrust() throws OrgsignException {
        dev.orgsign.core.trust.TrustList list = trustList.load();
        return trust == null && list == null ? null : TrustMaterial.load(trust, List.of(), list);
    }

    /** What the command line gave is checked at once, before any token is touched, and never asked again. */
    private void checkGiven() throws OrgsignException {
        if (ogrn != null && type != null) {
            ogrn = type == OrganizationType.IE ? Identifiers.ogrnip("--ogrn", ogrn) : Identifiers.ogrn("--ogrn", ogrn);
        }
        if (email != null) {
            email = Contacts.email(email);
        }
        if (phone != null) {
            phone = Contacts.phone(phone);
        }
    }

    private OrganizationType askType(Prompter ask) throws OrgsignException {
        if (ask == null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.missing", "--type IE|LLC|GOV"));
        }
        int i = ask.choose(m().get("ask.type"), List.of(m().get("type.IE"), m().get("type.LLC"), m().get("type.GOV")), 1);
        return OrganizationType.values()[i];
    }

    private String need(Prompter ask, String option, String question) throws OrgsignException {
        if (ask == null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.missing", option));
        }
        return ask.text(question, null, false, v -> Files.exists(Path.of(v)) ? null : m().get("ask.noSuchPath", v));
    }

    /** The CA certificates of {@code --ca}, files or folders. */
    private List<X509Certificate> ca() throws OrgsignException {
        List<X509Certificate> pool = new ArrayList<>();
        for (Path p : caCertificates) {
            pool.addAll(TrustMaterial.load(p, List.of()).anchors());
        }
        return pool;
    }

    private Map<String, String> write(SignedRegistration s) throws OrgsignException {
        s.writeTo(out);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("payload", file(SignedRegistration.PAYLOAD_FILE));
        files.put("signature", file(SignedRegistration.SIGNATURE_FILE));
        files.put("application", file(SignedRegistration.APPLICATION_FILE));
        return files;
    }

    private String file(String name) {
        return out.resolve(name).toAbsolutePath().normalize().toString();
    }

    /** {@code --no-submit}: signed, not submitted; where the files are and how to submit them later. */
    private void notSubmitted(SignedRegistration signed, Map<String, String> files) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("requestId", signed.payload().requestId().toString());
            o.put("status", "SIGNED");
            o.put("submitted", false);
            o.put("message", m().get("register.notSubmitted"));
            o.put("files", files);
            printJson(o);
            return;
        }
        out().println(m().get("register.written", out.toAbsolutePath().normalize()));
        files.forEach((k, v) -> out().println("  " + m().get("file." + k) + ": " + v));
        out().println(m().get("register.notSubmitted"));
        out().println(m().get("register.submitLater", files.get("payload"), files.get("signature")));
        out().flush();
    }
}
