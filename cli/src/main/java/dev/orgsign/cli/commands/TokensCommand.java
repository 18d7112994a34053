package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.pkcs11.Pkcs11Library;
import dev.orgsign.pkcs11.Pkcs11TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code orgsign tokens}: the tokens a PKCS#11 module sees. */
@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false)
public final class TokensCommand extends BaseCommand {
    @Option(names = "--module", paramLabel = "PATH", descriptionKey = "opt.module")
    Path module;

    @Override
    public Integer call() throws OrgsignException {
        try (Pkcs11Library library = Pkcs11Library.open(module)) {
            List<Pkcs11TokenInfo> tokens = library.tokens();
            if (json) {
                List<Object> list = new ArrayList<>();
                for (Pkcs11TokenInfo t : tokens) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("module", library.path().toString());
                    o.put("slot", t.slotId());
                    o.put("label", t.label());
                    o.put("manufacturer", t.manufacturer());
                    o.put("model", t.model());
                    o.put("serial", t.serial());
                    o.put("loginRequired", t.loginRequired());
                    o.put("pinPad", t.protectedAuthPath());
                    o.put("pin", t.pin().summary());
                    list.add(o);
                }
                printJson(list);
                return 0;
            }
            out().println(m().get("tokens.module", library.path()));
            if (tokens.isEmpty()) {
                out().println(m().get("tokens.none"));
            }
            for (Pkcs11TokenInfo t : tokens) {
                out().println(m().get("tokens.line", t.slotId(), t.label(), t.model(), t.manufacturer(), t.serial(),
                        t.pin().summary(), t.protectedAuthPath() ? m().get("tokens.pinPad") : ""));
            }
            out().flush();
            return 0;
        }
    }
}
