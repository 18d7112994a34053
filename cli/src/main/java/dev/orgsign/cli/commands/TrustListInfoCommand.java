package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.core.verify.TrustMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code orgsign trust-list info FILE [--signer FILE]} ({@code --trust-list-signer} too): which list this is — version, date, how many
 * centres and how many accredited now, who signed it — so that an operator sees at a glance which list a
 * service runs on.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false)
public final class TrustListInfoCommand extends BaseCommand {
    @ParentCommand
    TrustListCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "opt.trustListFile")
    Path file;

    /** Also {@code --trust-list-signer}, as verify, register and serve name it and as a refusal asks for it. */
    @Option(names = {"--signer", "--trust-list-signer"}, paramLabel = "FILE", descriptionKey = "opt.trustListSigner")
    Path signer;

    @Override
    public Integer call() throws OrgsignException {
        TrustList list = TrustMaterial.trustList(file, signer);
        Instant now = Instant.now();
        int accredited = list.accreditedAt(now);
        String date = list.date() == null ? "—" : list.date().toString();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", file.toAbsolutePath().normalize().toString());
            o.put("version", list.version());
            o.put("date", list.date() == null ? null : date);
            o.put("centres", list.centres().size());
            o.put("accreditedNow", accredited);
            o.put("certificates", list.certificates().size());
            o.put("roots", list.roots().size());
            o.put("unreadableCertificates", list.unreadableCertificates());
            o.put("signedBy", list.signer());
            o.put("signatureMethod", list.signatureMethod());
            printJson(o);
            return 0;
        }
        out().println(m().get("trustList.info", file.toAbsolutePath().normalize()));
        out().println(m().get("trustList.version", list.version() == null ? "—" : list.version(), date));
        out().println(m().get("trustList.centres", list.centres().size(), accredited));
        out().println(m().get("trustList.certificates", list.certificates().size(), list.roots().size()));
        if (list.unreadableCertificates() > 0) {
            out().println(m().get("trustList.unreadable", list.unreadableCertificates()));
        }
        out().println(list.signer() == null ? m().get("trustList.unsigned") : m().get("trustList.signed", list.signer()));
        out().flush();
        return 0;
    }
}
