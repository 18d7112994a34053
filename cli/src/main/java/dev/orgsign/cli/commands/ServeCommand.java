package dev.orgsign.cli.commands;

import dev.orgsign.cli.VerificationOptions;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.service.ServiceConfig;
import dev.orgsign.service.VerificationServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    @Override
    public Integer call() throws OrgsignException {
        ServiceConfig.Builder b = ServiceConfig.builder().host(host).port(port).dataDir(data).trust(against.trust()).crls(against.crls())
                .registry(against.registry()).workers(workers).onlineRevocation(against.online());
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
        VerificationServer.serve(config, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        return 0;
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
