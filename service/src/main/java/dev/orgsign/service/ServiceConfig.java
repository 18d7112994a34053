package dev.orgsign.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the verification service needs to start. Build it with {@link #builder()}.
 *
 * @param host             the address to listen on ({@code 127.0.0.1} by default, {@code 0.0.0.0} for all)
 * @param port             the TCP port; 0 picks a free one ({@link VerificationServer#uri()} tells which)
 * @param dataDir          where the embedded H2 database, the receipt key and other state live
 * @param jdbcUrl          a PostgreSQL (or other) JDBC URL; null means an H2 file under {@code dataDir}
 * @param jdbcUser         the database user, or null when the URL carries it
 * @param jdbcPassword     the database password, or null
 * @param trust            the trust anchors: a certificate file or folder
 * @param crls             CRL files or folders
 * @param registry         the EGRUL/EGRIP extracts: a file or folder
 * @param smtpHost         the SMTP server's host, or null to only record mail in the outbox
 * @param smtpPort         the SMTP server's port
 * @param mailFrom         the sender address of notifications
 * @param tlsKeystore      a PKCS#12 keystore holding the HTTPS key and certificate, or null for plain HTTP
 * @param tlsPassword      the keystore's password, or null
 * @param receiptKeystore  a PKCS#12 keystore holding the key that signs receipts, or null to use a
 *                         self-signed key generated at first start under {@code dataDir}
 * @param receiptPassword  that keystore's password, or null
 * @param workers          verification worker threads (0 for an instance that only takes submissions in)
 * @param lease            how long a worker owns a claimed submission before others may take it over
 * @param maxBodyBytes     the largest request body accepted
 * @param maxPending       above this many pending submissions new ones are refused with 429
 * @param instanceName     this instance's name in leases and logs
 * @param readTimeout      how long a connection may stay silent (while sending a request or idle) before it is closed
 * @param onlineRevocation whether revocation is checked online when no current CRL was given: the OCSP responder
 *                         the signer's certificate names, then the CRL at its distribution point
 */
public record ServiceConfig(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                            Path trust, List<Path> crls, Path registry, String smtpHost, int smtpPort, String mailFrom,
                            Path tlsKeystore, String tlsPassword, Path receiptKeystore, String receiptPassword,
                            int workers, Duration lease, int maxBodyBytes, int maxPending, String instanceName,
                            Duration readTimeout, boolean onlineRevocation) {
    /** Checks the values; a wrong one is an {@link IllegalArgumentException} whose message is a sentence for people. */
    public ServiceConfig {
        require(host, "The address to listen on is missing.");
        require(dataDir, "The data folder (--data) is missing.");
        require(trust, "The trust anchors (--trust) are missing.");
        require(registry, "The register extracts (--registry) are missing.");
        crls = List.copyOf(crls);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port " + port + " is not between 0 and 65535.");
        }
        if (workers < 0 || workers > 256) {
            throw new IllegalArgumentException("The number of workers " + workers + " is not between 0 and 256.");
        }
        if (maxBodyBytes < 1024 || maxPending < 1) {
            throw new IllegalArgumentException("The body limit must be at least 1024 bytes and the pending bound at least 1.");
        }
        if (smtpHost != null && (smtpPort < 1 || smtpPort > 65535)) {
            throw new IllegalArgumentException("The SMTP port " + smtpPort + " is not between 1 and 65535.");
        }
        if (readTimeout == null || readTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("The read timeout must be at least 100 ms.");
        }
        if (lease == null || lease.toMillis() < 1000) {
            throw new IllegalArgumentException("The claim lease must be at least one second.");
        }
    }

    private static void require(Object value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A builder with the defaults: loopback, ephemeral port, two workers, a 60-second lease, a
     * 1 MiB body limit, 10,000 pending submissions at most.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the store is the embedded H2 file under the data folder. */
    public boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    /** Builds a {@link ServiceConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path dataDir;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private Path trust;
        private List<Path> crls = List.of();
        private Path registry;
        private String smtpHost;
        private int smtpPort = 25;
        private String mailFrom = "orgsign@localhost";
        private Path tlsKeystore;
        private String tlsPassword;
        private Path receiptKeystore;
        private String receiptPassword;
        private int workers = 2;
        private Duration lease = Duration.ofSeconds(60);
        private int maxBodyBytes = 1 << 20;
        private int maxPending = 10_000;
        private String instanceName;
        private Duration readTimeout = Duration.ofSeconds(30);
        private boolean onlineRevocation;

        private Builder() {
        }

        /** @param v the address to listen on @return this */
        public Builder host(String v) { host = v; return this; }

        /** @param v the port, 0 for a free one @return this */
        public Builder port(int v) { port = v; return this; }

        /** @param v the data folder @return this */
        public Builder dataDir(Path v) { dataDir = v; return this; }

        /** @param v a JDBC URL, null for H2 under the data folder @return this */
        public Builder jdbcUrl(String v) { jdbcUrl = v; return this; }

        /** @param user the database user @param password its password @return this */
        public Builder jdbcCredentials(String user, String password) { jdbcUser = user; jdbcPassword = password; return this; }

        /** @param v the trust anchors @return this */
        public Builder trust(Path v) { trust = v; return this; }

        /** @param v the CRL files or folders @return this */
        public Builder crls(List<Path> v) { crls = v; return this; }

        /** @param v the register extracts @return this */
        public Builder registry(Path v) { registry = v; return this; }

        /**
         * @param hostPort {@code host:port} of the SMTP server, or null for none
         * @return this
         */
        public Builder smtp(String hostPort) {
            if (hostPort == null) {
                smtpHost = null;
                return this;
            }
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                smtpHost = hostPort;
                smtpPort = 25;
            } else {
                smtpHost = hostPort.substring(0, colon);
                try {
                    smtpPort = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("The SMTP address " + hostPort + " is not HOST:PORT (e.g. localhost:25).");
                }
            }
            return this;
        }

        /** @param v the notification sender address @return this */
        public Builder mailFrom(String v) { mailFrom = v; return this; }

        /** @param keystore a PKCS#12 file for HTTPS @param password its password @return this */
        public Builder tls(Path keystore, String password) { tlsKeystore = keystore; tlsPassword = password; return this; }

        /** @param keystore a PKCS#12 file with the receipt key @param password its password @return this */
        public Builder receiptKey(Path keystore, String password) { receiptKeystore = keystore; receiptPassword = password; return this; }

        /** @param v verification worker threads @return this */
        public Builder workers(int v) { workers = v; return this; }

        /** @param v the claim lease @return this */
        public Builder lease(Duration v) { lease = v; return this; }

        /** @param v the largest request body @return this */
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }

        /** @param v the pending-queue bound @return this */
        public Builder maxPending(int v) { maxPending = v; return this; }

        /** @param v this instance's name @return this */
        public Builder instanceName(String v) { instanceName = v; return this; }

        /** @param v how long a silent connection is kept @return this */
        public Builder readTimeout(Duration v) { readTimeout = v; return this; }

        /**
         * @param v whether revocation is checked online (OCSP, then the CRL distribution point) when no
         *          current CRL was given; off by default
         * @return this
         */
        public Builder onlineRevocation(boolean v) { onlineRevocation = v; return this; }

        /** @return the configuration */
        public ServiceConfig build() {
            return new ServiceConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, trust, crls, registry, smtpHost,
                    smtpPort, mailFrom, tlsKeystore, tlsPassword, receiptKeystore, receiptPassword, workers, lease,
                    maxBodyBytes, maxPending, instanceName == null ? "i-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                    : instanceName, readTimeout, onlineRevocation);
        }
    }
}
