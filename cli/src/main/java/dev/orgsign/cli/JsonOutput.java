package dev.orgsign.cli;

/** A command that can answer in JSON ({@code --json}); errors then come as JSON too. */
public interface JsonOutput {
    /** Whether {@code --json} was given. */
    boolean json();
}
