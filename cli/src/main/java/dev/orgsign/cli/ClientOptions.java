package dev.orgsign.cli;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.client.VerificationClient;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * How {@code submit}, {@code register} and {@code status} speak to the verification service: an
 * API key, when the service's operator gave one, taken from an environment variable
 * ({@code --api-key-env}) — a client key where the service takes submissions from known clients
 * only, an operator key to read any submission. A key is a secret and never goes on the command line.
 */
public final class ClientOptions {
    @Option(names = "--api-key-env", paramLabel = "VAR", descriptionKey = "opt.apiKeyEnv")
    String apiKeyEnv;

    /** {@return the variable named by --api-key-env, or null: follow-up commands name it again} */
    public String apiKeyEnv() {
        return apiKeyEnv;
    }

    /**
     * A client for the service.
     *
     * @param endpoint the service's base address
     * @param m        the messages, for the sentence when the variable is missing
     * @return the client, carrying the API key when one was named
     * @throws OrgsignException USAGE when the named variable is not set
     */
    public VerificationClient client(URI endpoint, Messages m) throws OrgsignException {
        VerificationClient c = new VerificationClient(endpoint).withLanguage(m.locale());
        if (apiKeyEnv == null) {
            return c;
        }
        String key = System.getenv(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new OrgsignException(ErrorCode.USAGE, m.get("serve.secretMissing", apiKeyEnv));
        }
        try {
            return c.withApiKey(key.strip());
        } catch (IllegalArgumentException e) {
            throw new OrgsignException(ErrorCode.USAGE, m.get("client.apiKeyMalformed", apiKeyEnv));
        }
    }
}
