package dev.orgsign.cli.commands;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Submission to the verification service and following it to its verdict. */
final class Submission {
    private Submission() {
    }

    static int submitAndReport(RegisterCommand c, byte[] payload, byte[] signature, URI endpoint, Duration wait,
                               Map<String, String> files) throws OrgsignException {
        throw new OrgsignException(ErrorCode.SERVICE_UNREACHABLE, "Submission is not built yet.");
    }
}
