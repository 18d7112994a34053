package dev.orgsign.cli.commands;

import dev.orgsign.cli.PinOptions;
import dev.orgsign.cli.TokenOptions;
import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.IoFailures;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.cli.RegistrySource;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.authority.AuthorityCheck;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.authority.Reason;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.verify.Base64Text;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code orgsign check}: may this certificate's holder register the organization? */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false)
public final class CheckCommand extends BaseCommand {
    @Mixin
    TokenOptions token;

    @Option(names = "--key", paramLabel = "ID", descriptionKey = "opt.key")
    String key;

    @Option(names = "--cert", paramLabel = "FILE", descriptionKey = "opt.cert")
    Path cert;

    @Mixin
    PinOptions pin;

    @Option(names = "--type", required = true, paramLabel = "IE|LLC|GOV", descriptionKey = "opt.type")
    OrganizationType type;

    @Option(names = "--ogrn", required = true, paramLabel = "N", descriptionKey = "opt.ogrn")
    String ogrn;

    @Mixin
    RegistrySource registry = new RegistrySource();

    @Override
    public Integer call() throws OrgsignException {
        if ((cert == null) == (!token.given())) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("check.certOrToken"));
        }
        X509Certificate certificate = cert != null ? readCertificate(cert) : fromToken();
        QualifiedCertificate q = QualifiedCertificate.parse(certificate);
        AuthorityDecision decision;
        try (RegistrySource.Opened opened = registry.open(m())) {
            decision = new AuthorityCheck(opened.registry()).decide(q, type, ogrn);
        }
        print(decision);
        return decision.entitled() ? 0 : ErrorCode.NOT_ENTITLED.exitCode();
    }

    private X509Certificate fromToken() throws OrgsignException {
        try (SigningToken t = token.open(pin.allowFinalTry(), m(), null)) {
            if (token.isKeystore()) {
                t.login(pin.callback(terminal(), m(), !json));
            }
            TokenKey k = KeyListing.choose(t.keys(), key, m());
            if (k.certificate() == null) {
                throw new OrgsignException(ErrorCode.KEY_NOT_USABLE, m().get("key.noCertificate", k.id()));
            }
            return k.certificate();
        }
    }

    private void print(AuthorityDecision decision) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("decision", decision.outcome().name());
            List<Object> reasons = new ArrayList<>();
            for (Reason r : decision.reasons()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("code", r.code());
                x.put("message", r.message(m().locale()));
                reasons.add(x);
            }
            o.put("reasons", reasons);
            printJson(o);
            return;
        }
        out().println(m().get("check." + decision.outcome().name()));
        for (Reason r : decision.reasons()) {
            out().println("  - " + r.message(m().locale()) + " [" + r.code() + "]");
        }
        out().flush();
    }

    /** Reads a PEM, DER or base64 certificate file with a sentence for each way it can fail. */
    static X509Certificate readCertificate(Path file) throws OrgsignException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Base64Text.Decoded text = Base64Text.decode(bytes);
            InputStream in = new java.io.ByteArrayInputStream(text != null && text.label() == null ? text.bytes() : bytes);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new OrgsignException(ErrorCode.IO, Messages.text("cert.missing", file), e);
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, Messages.text("cert.unreadable", file, IoFailures.reason(e)), e);
        } catch (CertificateException | ClassCastException e) {
            throw new OrgsignException(ErrorCode.INVALID_CERTIFICATE, Messages.text("cert.notCertificate", file), e);
        }
    }
}
