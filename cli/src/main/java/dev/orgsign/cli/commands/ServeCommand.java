package dev.orgsign.cli.commands;

import dev.orgsign.cli.VerificationOptions;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.service.Rate;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code orgsign serve}: runs the verification service until stopped (Ctrl-C, SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
public final class ServeCommand extends BaseCommand {
    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", descriptionKey = "opt.host")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "opt.port")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "orgsign-data", descriptionKey = "opt.data")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "opt.db")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "opt.dbUser")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VAR", descriptionKey = "opt.dbPasswordEnv")
    String dbPasswordEnv;

    @Mixin
    VerificationOptions against;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", descriptionKey = "opt.smtp")
    String smtp;

    @Option(names = "--mail-from", paramLabel = "ADDR", descriptionKey = "opt.mailFrom")
    String mailFrom;

    @Option(names = "--tls-keystore", paramLabel = "FILE", descriptionKey = "opt.tlsKeystore")
    Path tlsKeystore;

    @Option(names = "--tls-password-env", paramLabel = "VAR", descriptionKey = "opt.tlsPasswordEnv")
    String tlsPasswordEnv;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", descriptionKey = "opt.workers")
    int workers;

    @Option(names = "--receipt-key", paramLabel = "FILE|pkcs11:URI", descriptionKey = "opt.receiptKey")
    String receiptKey;

    @Option(names = "--receipt-secret-env", paramLabel = "VAR", descriptionKey = "opt.receiptSecretEnv")
    String receiptSecretEnv;

    @Option(names = "--operator-keys", paramLabel = "FILE", descriptionKey = "opt.operatorKeys")
    Path operatorKeys;

    @Option(names = "--client-keys", paramLabel = "FILE", descriptionKey = "opt.clientKeys")
    Path clientKeys;

    @Option(names = "--audit-log", paramLabel = "FILE", descriptionKey = "opt.auditLog")
    Path auditLog;

    @Option(names = "--forwarded", descriptionKey = "opt.forwarded")
    boolean forwarded;

    @Option(names = "--client-limit", paramLabel = "N/DURATION", defaultValue = "30/10m", descriptionKey = "opt.clientLimit")
    String clientLimit;

    @Option(names = "--recipient-limit", paramLabel = "N/DURATION", defaultValue = "5/1h", descriptionKey = "opt.recipientLimit")
    String recipientLimit;

    @Option(names = "--max-pending", paramLabel = "N", defaultValue = "10000", descriptionKey = "opt.maxPending")
    int maxPending;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "262144", descriptionKey = "opt.maxBodyBytes")
    int maxBodyBytes;

    @Option(names = "--max-signature-bytes", paramLabel = "N", defaultValue = "65536", descriptionKey = "opt.maxSignatureBytes")
    int maxSignatureBytes;

    @Option(names = "--max-certificates", paramLabel = "N", defaultValue = "5", descriptionKey = "opt.maxCertificates")
    int maxCertificates;

    @Option(names = "--min-body-rate", paramLabel = "BYTES_PER_S", defaultValue = "1024", descriptionKey = "opt.minBodyRate")
    int minBodyRate;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s", descriptionKey = "opt.headerTimeout")
    String headerTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "30s", descriptionKey = "opt.readTimeout")
    String readTimeout;

    @Option(names = "--connections-per-client", paramLabel = "N", defaultValue = "32", descriptionKey = "opt.connectionsPerClient")
    int connectionsPerClient;

    @Option(names = "--retain", paramLabel = "DURATION", defaultValue = "90d", descriptionKey = "opt.retain")
    String retain;

    @Option(names = "--max-body-memory", paramLabel = "BYTES", defaultValue = "67108864", descriptionKey = "opt.maxBodyMemory")
    long maxBodyMemory;

    @Override
    public Integer call() throws OrgsignException {
        ServiceConfig.Builder b = ServiceConfig.builder().host(host).port(port).dataDir(data).trust(against.trust())
                .trustList(against.trustList().list(), against.trustList().signer()).crls(against.crls())
                .registry(against.registry()).registryDatabase(against.registrySource().database()).workers(workers).onlineRevocation(against.online())
                .operatorKeys(operatorKeys).clientKeys(clientKeys).auditLog(auditLog).forwardedHeaders(forwarded)
                .perClient(rate("--client-limit", clientLimit)).perRecipient(rate("--recipient-limit", recipientLimit))
                .maxPending(maxPending).maxBodyBytes(maxBodyBytes).maxSignatureBytes(maxSignatureBytes)
                .maxCertificates(maxCertificates).minBodyRate(minBodyRate).connectionsPerClient(connectionsPerClient)
                .headerTimeout(Durations.parse(headerTimeout, m())).readTimeout(Durations.parse(readTimeout, m()))
                .retain(Durations.parse(retain, m())).bodyMemory(maxBodyMemory);
        if (db != null) {
            b.jdbcUrl(db).jdbcCredentials(dbUser, secret(dbPasswordEnv));
        }
        if (smtp != null) {
            b.smtp(smtp);
        }
        if (mailFrom != null) {
            b.mailFrom(mailFrom);
        }
        if (tlsKeystore != null) {
            b.tls(tlsKeystore, secret(tlsPasswordEnv));
        }
        ServiceConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new OrgsignException(ErrorCode.USAGE, e.getMessage(), e);
        }
        if (receiptKey != null) { // opened last: a PKCS#11 login is one attempt, made only once all else is right
            ReceiptKeys.configure(b, receiptKey, receiptSecretEnv, receiptKey.startsWith("pkcs11:") ? null : secret(receiptSecretEnv));
            config = b.build();
        }
        VerificationServer.serve(config, System.out, m().locale()); // System.out writes UTF-8 or the terminal's charset
        return 0;
    }

    /** {@code N/DURATION}, e.g. {@code 30/10m}. */
    private Rate rate(String option, String text) throws OrgsignException {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                return new Rate(Integer.parseInt(text.substring(0, slash).strip()), Durations.parse(text.substring(slash + 1), m()));
            }
        } catch (IllegalArgumentException e) { // a number that is none, a rate below 1
            // falls through to the sentence below
        }
        throw new OrgsignException(ErrorCode.USAGE, m().get("serve.rateInvalid", option, text));
    }

    private String secret(String variable) throws OrgsignException {
        if (variable == null) {
            return null;
        }
        String v = System.getenv(variable);
        if (v == null) {
            throw new OrgsignException(ErrorCode.USAGE, m().get("serve.secretMissing", variable));
        }
        return v;
    }
}
