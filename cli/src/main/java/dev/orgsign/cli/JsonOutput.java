package dev.orgsign.cli;

/** A command that can answer in JSON ({@code --json}); errors then come as JSON too. */
public interface JsonOutput {
    /**
     * Whether {@code --json} was given.
     *
     * @return true for JSON output
     */
    boolean json();
}
