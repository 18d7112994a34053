package dev.orgsign.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service in a JVM of its own, for the crash test:
 * {@code ChildService DATA TRUST CRL REGISTRY JDBC_URL|- WORKERS LEASE_SECONDS [OPERATOR_KEYS]}, with limits
 * wide enough for a thousand submissions from one client.
 */
public final class ChildService {
    private ChildService() {
    }

    public static void main(String[] args) throws Exception {
        ServiceConfig config = ServiceConfig.builder().dataDir(Path.of(args[0])).trust(Path.of(args[1]))
                .crls(List.of(Path.of(args[2]))).registry(Path.of(args[3]))
                .jdbcUrl(args[4].equals("-") ? null : args[4]).workers(Integer.parseInt(args[5]))
                .lease(Duration.ofSeconds(Long.parseLong(args[6]))).instanceName("child-" + ProcessHandle.current().pid())
                .perClient(new Rate(1_000_000, Duration.ofSeconds(1))).perRecipient(new Rate(1_000_000, Duration.ofSeconds(1)))
                .operatorKeys(args.length > 7 ? Path.of(args[7]) : null)
                .build();
        VerificationServer.serve(config, System.out);
    }
}
