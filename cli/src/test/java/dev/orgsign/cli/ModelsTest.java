package dev.orgsign.cli;

import dev.orgsign.cli.commands.CertsCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The models built in code for the start-up path ({@link Models}) against the annotations they
 * stand for: the same options in the same order with the same names, labels, types, arity,
 * defaults, scopes and help keys, the same mixins, and the same help texts in both languages.
 */
class ModelsTest {
    /** The root with `certs`, from the annotations (as picocli reads them) or built in code. */
    private static CommandLine root(boolean annotations) {
        Orgsign root = new Orgsign(Terminal.none(), Messages.of(Locale.getDefault()));
        CommandLine cl = new CommandLine(annotations ? root : root.model());
        CertsCommand certs = new CertsCommand();
        cl.addSubcommand("certs", annotations ? certs : new CommandLine(certs.model(root)));
        return cl;
    }

    private static List<String> describe(CommandSpec spec) {
        List<String> d = new ArrayList<>();
        d.add("name=" + spec.name() + " mixins=" + spec.mixins().keySet() + " standardHelp="
                + spec.mixinStandardHelpOptions() + " sort=" + spec.usageMessage().sortOptions() + " autoWidth="
                + spec.usageMessage().autoWidth()
                + " bundle=" + spec.resourceBundleBaseName() + " version=" + Arrays.toString(spec.version()));
        for (OptionSpec o : spec.options()) {
            d.add(Arrays.toString(o.names()) + " label=" + o.paramLabel() + " type=" + o.type().getName() + " aux="
                    + Arrays.toString(o.auxiliaryTypes()) + " arity=" + o.arity() + " key=" + o.descriptionKey()
                    + " desc=" + Arrays.toString(o.description()) + " default=" + o.defaultValue() + " scope="
                    + o.scopeType() + " inherited=" + o.inherited() + " usageHelp=" + o.usageHelp() + " versionHelp="
                    + o.versionHelp() + " required=" + o.required() + " hidden=" + o.hidden() + " negatable="
                    + o.negatable() + " initial=" + o.initialValue());
        }
        return d;
    }

    @Test
    void rootAndCertsInCodeAreTheirAnnotations() {
        Locale previous = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("ru")}) {
                Locale.setDefault(l);
                CommandLine a = root(true);
                CommandLine c = root(false);
                assertEquals(describe(a.getCommandSpec()), describe(c.getCommandSpec()), l.toString());
                assertEquals(describe(a.getSubcommands().get("certs").getCommandSpec()),
                        describe(c.getSubcommands().get("certs").getCommandSpec()), l.toString());
                assertEquals(a.getUsageMessage(), c.getUsageMessage(), l.toString());
                assertEquals(a.getSubcommands().get("certs").getUsageMessage(),
                        c.getSubcommands().get("certs").getUsageMessage(), l.toString());
                assertTrue(c.getSubcommands().get("certs").getUsageMessage().contains("--allow-final-try"));
            }
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void optionsInCodeReachTheFields() {
        Orgsign root = new Orgsign(Terminal.none(), Messages.of(Locale.ENGLISH));
        CommandLine cl = new CommandLine(root.model());
        CertsCommand certs = new CertsCommand();
        cl.addSubcommand("certs", new CommandLine(certs.model(root)));
        cl.parseArgs("certs", "--module", "/x/lib.so", "--module", "/y/spy.so", "--pkcs11-v2", "--token", "T", "--json", "--pin-env", "PIN_VAR", "--login",
                "-v", "--lang", "en");
        CommandSpec spec = cl.getSubcommands().get("certs").getCommandSpec();
        assertEquals(List.of(java.nio.file.Path.of("/x/lib.so"), java.nio.file.Path.of("/y/spy.so")),
                spec.findOption("--module").getValue());
        assertEquals(Boolean.TRUE, spec.findOption("--pkcs11-v2").getValue());
        assertEquals("T", spec.findOption("--token").getValue());
        assertEquals("PKCS12", spec.findOption("--storetype").getValue());
        assertEquals("PIN_VAR", spec.findOption("--pin-env").getValue());
        assertEquals(Boolean.TRUE, spec.findOption("--login").getValue());
        assertEquals(Boolean.FALSE, spec.findOption("--allow-final-try").getValue());
        assertTrue(certs.json());
        assertTrue(root.verbose);
        assertEquals("en", root.lang);
        assertSame(spec, cl.getSubcommands().get("certs").getCommandSpec());
        assertSame(cl.getCommandSpec(), root.spec);
    }
}
