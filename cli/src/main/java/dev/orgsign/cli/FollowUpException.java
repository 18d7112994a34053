package dev.orgsign.cli;

import dev.orgsign.core.OrgsignException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure after something was already done (the registration signed and saved, a submission
 * accepted): the library's failure, with what the person should know next — where the signed
 * files are, the exact command that submits them again or follows the submission. The error
 * report prints the failure, then these lines (or, with {@code --json}, adds {@link #details()}).
 */
public final class FollowUpException extends OrgsignException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;
    private final transient Map<String, Object> details;

    /**
     * @param cause   the library's failure, whose code and sentence this keeps
     * @param lines   what to say after the failure, in the reader's language
     * @param details the same for scripts: {@code id}, {@code files}, {@code command}
     */
    public FollowUpException(OrgsignException cause, List<String> lines, Map<String, Object> details) {
        super(cause.code(), cause.text(), cause);
        this.lines = List.copyOf(lines);
        this.details = new LinkedHashMap<>(details);
    }

    /** {@return the lines to print after the failure} */
    public List<String> lines() {
        return lines;
    }

    /** {@return the fields to add to the JSON error} */
    public Map<String, Object> details() {
        return details;
    }
}
