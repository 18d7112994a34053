package dev.orgsign.cli.commands;

import dev.orgsign.cli.ClientOptions;
import dev.orgsign.cli.PinOptions;
import dev.orgsign.cli.TokenListing;
import dev.orgsign.cli.TokenOptions;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.cli.RegistrySource;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.PrivateFiles;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.cades.RegistrationSigner;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.PayloadDraft;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.pdf.ApplicationPdf;
import dev.orgsign.core.pdf.PadesSigner;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.core.token.PinCallback;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.IssuerFetcher;
import dev.orgsign.core.verify.TimestampClient;
import dev.orgsign.core.verify.TrustMaterial;
import dev.orgsign.pkcs11.PinState;
import dev.orgsign.pkcs11.Pkcs11SigningToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code orgsign register}: the whole registration. On a terminal it is a wizard (type,
 * certificate from a numbered list, authority check, PIN, missing fields, summary, signing,
 * submission with progress); without one, or with {@code --json}, it asks nothing and names
 * what is missing.
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

    private Prompter ask;

    @Override
    public Integer call() throws OrgsignException {
        if (endpoint == null && !noSubmit) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.endpointOrNoSubmit"));
        }
        if (endpoint != null && noSubmit) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.endpointAndNoSubmit"));
        }
        Duration wait = waitText == null ? null : Durations.parse(waitText, m());
        ask = interactive() ? new Prompter(terminal(), out(), m()) : null;
        if (ask != null) {
            ask.out().println(m().get("wizard.welcome"));
        }
        if (type == null) {
            type = askType();
        }
        if (!registry.given()) {
            registry.useFolder(Path.of(need("--registry", m().get("ask.registry"), null)));
        }
        Signed signed;
        try (RegistrySource.Opened opened = registry.open(m())) {
            signed = signOnToken(opened.registry());
        }
        Map<String, String> files = write(signed);
        if (noSubmit) {
            if (json) {
                Map<String, Object> o = Reports.json(signed.payload.requestId().toString(),
                        dev.orgsign.core.verify.Verdict.PENDING, List.of());
                o.put("submitted", false);
                o.put("files", files);
                printJson(o);
            } else {
                out().println(m().get("register.written", out.toAbsolutePath().normalize()));
                files.values().forEach(f -> out().println("  " + f));
                out().println(m().get("register.notSubmitted"));
                out().flush();
            }
            return 0;
        }
        return Submissions.submit(this, service.client(endpoint, m()), signed.canonical, signed.signature, endpoint, wait, out,
                out, files);
    }

    /** The canonical payload and its signature. */
    record Signed(RegistrationPayload payload, byte[] canonical, byte[] signature, byte[] pdf) {
    }

    /** The authority decision the payload's head entry comes from (the register's position). */
    private AuthorityDecision decision;

    private Signed signOnToken(Registry reg) throws OrgsignException {
        SigningToken t = token.open(pin.allowFinalTry(), m(), ask == null ? null
                : found -> ask.choose(m().get("ask.token"), found.stream().map(f -> TokenListing.choice(m(), f)).toList(), -1));
        try {
            PinCallback pins = pin.callback(terminal(), m(), !json);
            if (token.isKeystore()) {
                t.login(pins); // a keystore's password opens it; its certificates are not readable before
            }
            TokenKey k = chooseKey(t.keys(), reg);
            if (k.certificate() == null) {
                throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, m().get("key.noCertificate", k.id()));
            }
            QualifiedCertificate q = QualifiedCertificate.parse(k.certificate());
            if (ogrn == null) {
                String def = type == OrganizationType.IE ? q.ogrnip() : q.ogrn();
                ogrn = need("--ogrn", m().get(type == OrganizationType.IE ? "ask.ogrnip" : "ask.ogrn"), def);
            }
            authority(q, reg);
            dev.orgsign.core.trust.TrustList list = trustList.load();
            TrustMaterial anchors = trust == null && list == null ? null : TrustMaterial.load(trust, List.of(), list);
            IssuerFetcher fetcher = online ? IssuerFetcher.defaults() : null;
            chainBeforePin(Chains.complete(k, caCertificates, fetcher, anchors), anchors);
            beforePin(Chains.accreditation(k.certificate(), list, m()));
            RegistrationPayload payload = null;
            if (ask == null) {
                payload = payload(q, reg); // everything missing is named before the PIN is used
            }
            if (!token.isKeystore()) {
                t = loginToken(t, pins);
                k = refreshed(t.keys(), k);
            }
            if (!k.hasPrivateKey()) {
                throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, m().get("key.noPrivateKey", k.id()));
            }
            if (payload == null) {
                payload = payload(q, reg);
            }
            byte[] canonical = PayloadCodec.canonicalBytes(payload);
            if (ask != null) {
                summary(payload, k);
                if (!yes && !ask.confirm(m().get(noSubmit ? "ask.confirmSignOnly" : "ask.confirm"))) {
                    throw new OrgsignException(ErrorCode.USAGE, m().get("register.cancelled"));
                }
            }
            if (ask != null) {
                ask.out().println(m().get("register.signing"));
                ask.out().flush();
            }
            TokenKey full = Chains.complete(k, caCertificates, fetcher, anchors).key();
            byte[] signature = new RegistrationSigner(Clock.systemUTC(), tsa == null ? null : TimestampClient.of(tsa))
                    .sign(canonical, t, full);
            byte[] pdf = new PadesSigner().sign(ApplicationPdf.render(payload), t, full, m().get("pdf.reason"), null);
            return new Signed(payload, canonical, signature, pdf);
        } finally {
            t.close();
        }
    }

    /**
     * Says, before the PIN, when the verification service will not be able to build the signer's
     * chain, and how to fix it: without a terminal (or with --json) that stops the registration unless
     * --yes (then it is a warning); in the wizard the person decides.
     */
    private void chainBeforePin(Chains.Completed completed, TrustMaterial anchors) throws OrgsignException {
        beforePin(Chains.problem(completed, anchors, m()));
    }

    /**
     * Says a problem found before the PIN (the chain, the issuing centre's accreditation): without a terminal (or with
     * --json) it stops the registration unless --yes (then it is a warning); in the wizard the person decides.
     */
    private void beforePin(String problem) throws OrgsignException {
        if (problem == null) {
            return;
        }
        if (yes) {
            err().println(m().get("wizard.warning", problem));
            err().flush();
        } else if (ask != null) {
            ask.out().println(m().get("wizard.warning", problem));
            ask.out().flush();
            if (!ask.confirm(m().get("ask.signAnyway"))) {
                throw new OrgsignException(ErrorCode.USAGE, m().get("register.cancelled"));
            }
        } else {
            throw new OrgsignException(ErrorCode.USAGE, problem + " " + m().get("register.chainYes"));
        }
    }

    private OrganizationType askType() throws OrgsignException {
        if (ask == null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.missing", "--type IE|LLC|GOV"));
        }
        int i = ask.choose(m().get("ask.type"), List.of(m().get("type.IE"), m().get("type.LLC"), m().get("type.GOV")), 1);
        return OrganizationType.values()[i];
    }

    private String need(String option, String question, String def) throws OrgsignException {
        if (ask == null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("register.missing", option));
        }
        return ask.text(question, def, false, null);
    }

    private TokenKey chooseKey(List<TokenKey> keys, Registry reg) throws OrgsignException {
        if (key != null || ask == null) {
            return KeyListing.choose(keys, key, m());
        }
        List<TokenKey> candidates = KeyListing.withCertificate(keys);
        if (candidates.isEmpty()) {
            throw new OrgsignException(ErrorCode.KEY_NOT_FOUND, m().get("key.none"));
        }
        // Certificates the register confirms come first (the token's own order is arbitrary), so
        // the suggested choice is always number 1 when there is one.
        List<TokenKey> entitledFirst = new ArrayList<>();
        List<TokenKey> others = new ArrayList<>();
        for (TokenKey k : candidates) {
            (looksEntitled(k, reg) ? entitledFirst : others).add(k);
        }
        int suggested = entitledFirst.isEmpty() ? -1 : 0;
        int entitledCount = entitledFirst.size();
        entitledFirst.addAll(others);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < entitledFirst.size(); i++) {
            entries.add(KeyListing.text(i + 1, entitledFirst.get(i), m(), i < entitledCount ? m().get("wizard.entitled") : null));
        }
        return entitledFirst.get(ask.choose(m().get("ask.certificate"), entries, suggested));
    }

    private boolean looksEntitled(TokenKey k, Registry reg) {
        QualifiedCertificate q = KeyListing.qualified(k);
        if (q == null) {
            return false;
        }
        String id = ogrn != null ? ogrn : type == OrganizationType.IE ? q.ogrnip() : q.ogrn();
        if (id == null) {
            return false;
        }
        try {
            return new AuthorityCheck(reg).decide(q, type, id).entitled();
        } catch (OrgsignException e) {
            return false;
        }
    }

    private void authority(QualifiedCertificate q, Registry reg) throws OrgsignException {
        AuthorityDecision d = new AuthorityCheck(reg).decide(q, type, ogrn);
        decision = d;
        if (d.entitled()) {
            if (ask != null) {
                ask.out().println(m().get("wizard.authorityOk", q.holderName()));
                ask.out().flush();
            }
            return;
        }
        String reasons = d.reasons().stream().map(r -> r.message(m().locale())).collect(Collectors.joining(" "));
        throw new OrgsignException(d.outcome() == AuthorityDecision.Outcome.UNKNOWN ? ErrorCode.AUTHORITY_UNKNOWN
                : ErrorCode.NOT_ENTITLED, m().get("register.notEntitled", q.holderName(), ogrn) + " " + reasons);
    }

    private SigningToken loginToken(SigningToken t, PinCallback pins) throws OrgsignException {
        if (t instanceof Pkcs11SigningToken p11) {
            PinState state = p11.pinState();
            if (state.finalTry() && !pin.allowFinalTry() && ask != null && !state.locked()) {
                if (!ask.confirm(m().get("ask.finalTry", p11.description()))) {
                    throw new OrgsignException(ErrorCode.PIN_FINAL_TRY, m().get("register.finalTryDeclined"));
                }
                t.close();
                t = token.open(true, m(), null); // the token chosen before
            }
            if (p11.info().protectedAuthPath() && !json) {
                err().println(m().get("pin.pad", p11.description()));
                err().flush();
            }
        }
        t.login(pins);
        return t;
    }

    private static TokenKey refreshed(List<TokenKey> keys, TokenKey chosen) {
        for (TokenKey k : keys) {
            if (k.id().equals(chosen.id()) && k.certificate() != null) {
                return k;
            }
        }
        return chosen;
    }

    private RegistrationPayload payload(QualifiedCertificate q, Registry reg) throws OrgsignException {
        if (payloadFile != null) {
            RegistrationPayload p = PayloadCodec.parse(Files2.read(payloadFile));
            if (p.organization().type() != type || !p.organization().id().equals(ogrn)) {
                throw new OrgsignException(ErrorCode.INVALID_PAYLOAD, m().get("register.payloadMismatch", payloadFile));
            }
            return p;
        }
        String mail = email != null ? email : q.email();
        String tel = phone;
        String pos = position;
        String registerPosition = decision != null && decision.head() != null ? decision.head().position() : null;
        if (ask != null) {
            mail = ask.text(m().get("ask.email"), mail, false, v -> v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null
                    : m().get("ask.badEmail"));
            tel = ask.text(m().get("ask.phone"), tel, true, v -> v.matches("\\+?[0-9]{10,15}") ? null
                    : m().get("ask.badPhone"));
            if (registerPosition == null && q.title() == null && type != OrganizationType.IE) {
                pos = ask.text(m().get("ask.position"), pos, false, null);
            }
        } else {
            if (mail == null) {
                throw new OrgsignException(ErrorCode.USAGE, m().get("register.missing", "--email ADDR"));
            }
        }
        RegistrationPayload p = PayloadDraft.from(q, decision, type, ogrn, reg, mail, tel, pos, Clock.systemUTC());
        return PayloadCodec.parse(PayloadCodec.canonicalBytes(p)); // the schema's checks before anything is signed
    }

    private void summary(RegistrationPayload p, TokenKey k) {
        var o = p.organization();
        var h = p.head();
        var w = ask.out();
        w.println();
        w.println(m().get("summary.heading"));
        w.println("  " + m().get("summary.type", m().get("type." + o.type().name())));
        w.println("  " + m().get("summary.org", o.fullName()));
        w.println("  " + m().get("summary.ids", o.id(), o.inn(), o.kpp() == null ? "-" : o.kpp()));
        w.println("  " + m().get("summary.head", h.surname() + " " + h.firstName()
                + (h.patronymic() == null ? "" : " " + h.patronymic()), h.position() == null ? "-" : h.position()));
        w.println("  " + m().get("summary.headIds", h.inn(), h.snils()));
        w.println("  " + m().get("summary.contact", p.contact().email(), p.contact().phone() == null ? "-" : p.contact().phone()));
        w.println("  " + m().get("summary.key", k.label(), k.keyAlgorithm()));
        w.println("  " + m().get("summary.out", out.toAbsolutePath().normalize()));
        w.flush();
    }

    private Map<String, String> write(Signed s) throws OrgsignException {
        try {
            PrivateFiles.folder(out);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, m().get("register.outUnwritable", out, e.getMessage()), e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        Path json = out.resolve("registration.json");
        Path sig = out.resolve("registration.json.sig");
        Files2.write(json, s.canonical);
        Files2.write(sig, s.signature);
        Path pdf = out.resolve("registration.pdf");
        Files2.write(pdf, s.pdf);
        files.put("payload", json.toAbsolutePath().normalize().toString());
        files.put("signature", sig.toAbsolutePath().normalize().toString());
        files.put("application", pdf.toAbsolutePath().normalize().toString());
        return files;
    }

}
