package dev.orgsign.cli.commands;

import dev.orgsign.cli.PinOptions;
import dev.orgsign.cli.TokenOptions;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code orgsign certs}: the keys and certificates on a token. */
@Command(name = "certs", mixinStandardHelpOptions = true, sortOptions = false)
public final class CertsCommand extends BaseCommand {
    @Mixin
    TokenOptions token;

    @Option(names = "--login", descriptionKey = "opt.login")
    boolean login;

    @Mixin
    PinOptions pin;

    @Override
    public Integer call() throws OrgsignException {
        try (SigningToken t = token.open(pin.allowFinalTry())) {
            if (login || token.isKeystore()) {
                t.login(pin.callback(terminal(), m(), !json));
            }
            List<TokenKey> keys = t.keys();
            if (json) {
                List<Object> list = new ArrayList<>();
                for (TokenKey k : keys) {
                    list.add(KeyListing.json(k));
                }
                printJson(list);
                return 0;
            }
            out().println(m().get("certs.heading", t.description()));
            if (keys.isEmpty()) {
                out().println(m().get("certs.none"));
            }
            int n = 1;
            for (TokenKey k : keys) {
                out().print(KeyListing.text(n++, k, m(), null));
            }
            out().flush();
            return 0;
        }
    }
}
