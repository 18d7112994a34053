package dev.orgsign.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service in a JVM of its own, for the crash test:
 * {@code ChildService DATA TRUST CRL REGISTRY JDBC_URL|- WORKERS LEASE_SECONDS}.
 */
public final class ChildService {
    private ChildService() {
    }

    public static void main(String[] args) throws Exception {
        ServiceConfig config = ServiceConfig.builder().dataDir(Path.of(args[0])).trust(Path.of(args[1]))
                .crls(List.of(Path.of(args[2]))).registry(Path.of(args[3]))
                .jdbcUrl(args[4].equals("-") ? null : args[4]).workers(Integer.parseInt(args[5]))
                .lease(Duration.ofSeconds(Long.parseLong(args[6]))).instanceName("child-" + ProcessHandle.current().pid())
                .build();
        VerificationServer.serve(config, System.out);
    }
}
