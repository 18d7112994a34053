package dev.orgsign.cli.commands;

import dev.orgsign.cli.VerificationOptions;
import dev.orgsign.cli.RegistrySource;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.verify.DocumentVerification;
import dev.orgsign.core.verify.DocumentVerifier;
import dev.orgsign.core.verify.OnlineRevocation;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code orgsign verify}: with {@code --payload}, all checks of docs/design.md on a registration and its
 * signature; without it, any signature — attached, or detached with {@code --content} — checked
 * as signing tools check one (signature, timestamp, chain, validity, revocation, qualified
 * profile), its content written out with {@code --extract}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false)
public final class VerifyCommand extends BaseCommand {
    /** The largest signature or content read for a document (an attached signature carries its content). */
    static final long MAX_DOCUMENT = 64L * 1024 * 1024;

    @Option(names = "--payload", paramLabel = "FILE", descriptionKey = "opt.payloadIn")
    Path payload;

    @Option(names = "--signature", required = true, paramLabel = "FILE", descriptionKey = "opt.signature")
    Path signature;

    @Option(names = "--content", paramLabel = "FILE", descriptionKey = "opt.content")
    Path content;

    @Option(names = "--extract", paramLabel = "FILE", descriptionKey = "opt.extract")
    Path extract;

    @Mixin
    VerificationOptions against;

    @Option(names = "--ca", paramLabel = "PATH", descriptionKey = "opt.caVerify")
    List<Path> caCertificates = new ArrayList<>();

    @Override
    public Integer call() throws OrgsignException {
        if (payload != null && (content != null || extract != null)) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("verify.payloadOrDocument"));
        }
        if (payload == null) {
            return document();
        }
        if (!against.registrySource().given()) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("verify.registryMissing"));
        }
        byte[] p = Files2.read(payload);
        byte[] s = Files2.read(signature);
        VerificationReport report;
        try (RegistrySource.Opened registry = against.registrySource().open(m())) {
            report = against.verifier(registry.registry(), caCertificates).verify(p, s);
        }
        if (json) {
            printJson(Reports.json(report.requestId(), report.verdict(), report.checks(), m()));
        } else {
            Reports.text(out(), m(), report.requestId(), report.verdict(), report.checks());
        }
        return Reports.exitCode(report.verdict());
    }

    private int document() throws OrgsignException {
        byte[] s = Files2.read(signature, MAX_DOCUMENT);
        byte[] c = content == null ? null : Files2.read(content, MAX_DOCUMENT);
        DocumentVerifier verifier = new DocumentVerifier(against.trustMaterial(caCertificates), Clock.systemUTC(),
                against.online() ? OnlineRevocation.defaults() : null);
        DocumentVerification d = verifier.verify(c, s);
        VerificationReport report = d.report();
        String extracted = null;
        if (extract != null && d.contentSigned()) {
            Files2.write(extract, d.content());
            extracted = extract.toAbsolutePath().normalize().toString();
        }
        if (json) {
            Map<String, Object> o = Reports.json(null, report.verdict(), report.checks(), m());
            if (extract != null) {
                o.put("extracted", extracted);
            }
            printJson(o);
        } else {
            Reports.text(out(), m(), null, report.verdict(), report.checks());
            if (extract != null) {
                out().println(extracted != null ? m().get("verify.extracted", extracted) : m().get("verify.notExtracted"));
                out().flush();
            }
        }
        return Reports.exitCode(report.verdict());
    }
}
