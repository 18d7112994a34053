package dev.orgsign.cli.commands;

import dev.orgsign.cli.Models;
import dev.orgsign.cli.Orgsign;
import dev.orgsign.cli.PinOptions;
import dev.orgsign.cli.TokenOptions;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    /**
     * This command's model built in code, the same as its annotations describe (the start-up path
     * of {@code orgsign certs}, see {@link dev.orgsign.cli.Models}).
     *
     * @param root the parent command
     * @return the model, bound to this object
     */
    public CommandSpec model(Orgsign root) {
        token = new TokenOptions();
        pin = new PinOptions();
        CommandSpec s = model("certs", root);
        s.addMixin("token", token.mixin());
        s.addOption(Models.option(boolean.class, () -> login, v -> login = v, "opt.login", "--login")
                .paramLabel("<login>").build());
        s.addMixin("pin", pin.mixin());
        return Models.standardHelpOptions(s);
    }

    @Override
    public Integer call() throws OrgsignException {
        try (SigningToken t = token.open(pin.allowFinalTry(), m(), null)) {
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
