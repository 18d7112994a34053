package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.pkcs11.Pkcs11Discovery;
import dev.orgsign.pkcs11.Pkcs11Modules;
import dev.orgsign.pkcs11.Pkcs11TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code orgsign tokens}: the tokens of every PKCS#11 module installed (or of the modules given),
 * each with the module that holds it; a module that cannot be loaded is reported with its reason.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false)
public final class TokensCommand extends BaseCommand {
    @Option(names = "--module", paramLabel = "PATH", descriptionKey = "opt.moduleSearch")
    List<Path> modules = new ArrayList<>();

    @Option(names = "--pkcs11-v2", descriptionKey = "opt.pkcs11V2")
    boolean pkcs11V2;

    @Override
    public Integer call() throws OrgsignException {
        Pkcs11Discovery found = Pkcs11Discovery.scan(Pkcs11Modules.resolveAll(modules), pkcs11V2);
        if (modules.size() == 1 && found.modules().get(0).failure() != null) {
            throw found.modules().get(0).failure(); // the one module asked for: its own sentence and exit code
        }
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Pkcs11Discovery.Found f : found.tokens()) {
                list.add(json(f));
            }
            printJson(list);
        } else {
            text(found);
        }
        for (Pkcs11Discovery.ModuleReport r : found.modules()) {
            if (r.failure() != null && json) {
                err().println(m().get("tokens.moduleFailedFor", r.module(), m().sentence(r.failure())));
            }
        }
        err().flush();
        return 0;
    }

    private static Map<String, Object> json(Pkcs11Discovery.Found f) {
        Pkcs11TokenInfo t = f.token();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("module", f.module().toString());
        o.put("slot", t.slotId());
        o.put("label", t.label());
        o.put("manufacturer", t.manufacturer());
        o.put("model", t.model());
        o.put("serial", t.serial());
        o.put("loginRequired", t.loginRequired());
        o.put("pinPad", t.protectedAuthPath());
        o.put("pin", t.pin().summary());
        return o;
    }

    private void text(Pkcs11Discovery found) {
        for (Pkcs11Discovery.ModuleReport r : found.modules()) {
            out().println(m().get("tokens.module", r.module()));
            if (r.failure() != null) {
                out().println(m().get("tokens.moduleFailed", m().sentence(r.failure())));
                continue;
            }
            int own = 0;
            for (Pkcs11Discovery.Found f : found.tokens()) {
                if (f.module().equals(r.module())) {
                    Pkcs11TokenInfo t = f.token();
                    out().println(m().get("tokens.line", t.slotId(), t.label(), t.model(), t.manufacturer(), t.serial(),
                            m().get("pinState." + t.pin().summary()), t.protectedAuthPath() ? m().get("tokens.pinPad") : ""));
                    own++;
                }
            }
            if (r.tokens() > own) {
                out().println(m().get("tokens.seenAbove", r.tokens() - own));
            }
            if (r.tokens() == 0) {
                out().println(r.emptySlots() > 0 ? m().get("tokens.emptySlots", r.emptySlots()) : m().get("tokens.none"));
            }
        }
        if (found.tokens().isEmpty()) {
            out().println(m().get("tokens.noneAnywhere", found.modules().size()));
        }
        out().flush();
    }
}
