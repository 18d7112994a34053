package dev.orgsign.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Picocli command models built in code for the start-up path ({@code orgsign}, {@code orgsign
 * certs}): picocli otherwise reads them from the annotations, and the JDK builds a proxy class per
 * annotation type on first use, which no class-data-sharing archive or AOT cache can hold (about
 * a fifth of the start-up time of {@code orgsign certs}, cli/README.md). The annotations stay on
 * the classes and remain the reference: {@code ModelsTest} checks that both models are the same
 * (options, labels, types, help texts in both languages).
 */
public final class Models {
    private Models() {
    }

    /**
     * An option bound to a field through a getter and a setter.
     *
     * @param type           the option's type ({@code boolean.class} for a flag); the field's
     *                       current value is the initial value, as picocli reads it from a field
     * @param get            reads the field
     * @param set            writes the field
     * @param descriptionKey the help text's key in the resource bundle
     * @param names          the option's names
     * @param <V>            the field's type
     * @return a builder, for a parameter label or a default value
     */
    public static <V> OptionSpec.Builder option(Class<V> type, Supplier<V> get, Consumer<V> set, String descriptionKey,
            String... names) {
        Binding<V> b = new Binding<>(get, set);
        return OptionSpec.builder(names).type(type).descriptionKey(descriptionKey).getter(b).setter(b)
                .initialValue(get.get()).hasInitialValue(true);
    }

    /**
     * The standard {@code -h, --help} and {@code -V, --version} options, as picocli's
     * {@code mixinStandardHelpOptions = true} adds them (same names, keys, texts and mixin name),
     * after the command's own options.
     *
     * @param spec the command
     * @return {@code spec}
     */
    public static CommandSpec standardHelpOptions(CommandSpec spec) {
        CommandSpec mixin = CommandSpec.create();
        boolean[] flags = new boolean[2];
        mixin.addOption(option(boolean.class, () -> flags[0], v -> flags[0] = v, "mixinStandardHelpOptions.help",
                "-h", "--help").paramLabel("<helpRequested>").usageHelp(true)
                .description("Show this help message and exit.").build());
        mixin.addOption(option(boolean.class, () -> flags[1], v -> flags[1] = v, "mixinStandardHelpOptions.version",
                "-V", "--version").paramLabel("<versionRequested>").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec.addMixin("mixinStandardHelpOptions", mixin);
    }

    /** A field as picocli's getter and setter. */
    private static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> get;
        private final Consumer<V> set;

        Binding(Supplier<V> get, Consumer<V> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = (T) get.get();
            set.accept((V) value);
            return old;
        }
    }
}
