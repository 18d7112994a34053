package dev.orgsign.service;

import dev.orgsign.core.token.SigningToken;

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
 * @param trust            the trust anchors: a certificate file or folder, or null when the list of accredited
 *                         certification centres gives them
 * @param crls             CRL files or folders
 * @param registry         the EGRUL/EGRIP extracts: a file or folder
 * @param smtpHost         the SMTP server's host, or null to only record mail in the outbox
 * @param smtpPort         the SMTP server's port
 * @param mailFrom         the sender address of notifications
 * @param tlsKeystore      a PKCS#12 keystore holding the HTTPS key and certificate, or null for plain HTTP
 * @param tlsPassword      the keystore's password, or null
 * @param receiptKeystore  a PKCS#12 keystore holding the key that signs receipts, or null
 * @param receiptPassword  that keystore's password, or null
 * @param receiptToken     an opened, logged-in token (a PKCS#11 token, a JCA keystore) holding the key that
 *                         signs receipts, or null; with neither it nor {@code receiptKeystore} the service makes
 *                         a self-signed demo key under {@code dataDir} and every receipt says so
 * @param receiptKeyId     the key on {@code receiptToken} (id or label), or null for its only signing key
 * @param workers          verification worker threads (0 for an instance that only takes submissions in)
 * @param lease            how long a worker owns a claimed submission before others may take it over
 * @param maxBodyBytes     the largest request body accepted
 * @param maxPending       above this many pending submissions new ones are refused with 429
 * @param instanceName     this instance's name in leases and logs
 * @param readTimeout      how long a connection may stay silent (while sending a request or idle) before it is closed
 * @param onlineRevocation whether revocation is checked online when no current CRL was given: the OCSP responder
 *                         the signer's certificate names, then the CRL at its distribution point
 * @param limits           per-client and per-recipient rates, request limits and retention
 * @param operatorKeys     a file of SHA-256 hashes of operator API keys (read any submission), or null for none
 * @param clientKeys       a file of SHA-256 hashes of client API keys; when given, submitting needs one of
 *                         these keys; null lets anyone submit
 * @param auditLog         the append-only audit log, or null for {@code audit.log} in {@code dataDir}
 * @param forwardedHeaders whether the client address is taken from {@code Forwarded} / {@code X-Forwarded-For}
 *                         (only behind a reverse proxy that sets them)
 * @param registryDatabase the register store's JDBC URL ({@code orgsign registry import}), "" for the embedded
 *                         default, or null to read {@code registry} into memory
 * @param trustList        the ministry's list of accredited certification centres ({@code --trust-list}), or null
 * @param trustListSigner  the certificate the list's signature is checked with, or null for a list without one
 */
public record ServiceConfig(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                            Path trust, List<Path> crls, Path registry, String smtpHost, int smtpPort, String mailFrom,
                            Path tlsKeystore, String tlsPassword, Path receiptKeystore, String receiptPassword,
                            SigningToken receiptToken, String receiptKeyId,
                            int workers, Duration lease, int maxBodyBytes, int maxPending, String instanceName,
                            Duration readTimeout, boolean onlineRevocation, ServiceLimits limits, Path operatorKeys,
                            Path clientKeys, Path auditLog, boolean forwardedHeaders, String registryDatabase,
                            Path trustList, Path trustListSigner) {
    /** Checks the values; a wrong one is an {@link IllegalArgumentException} whose message is a sentence for people. */
    public ServiceConfig {
        require(host, "The address to listen on is missing.");
        require(dataDir, "The data folder (--data) is missing.");
        if (trust == null && trustList == null) {
            throw new IllegalArgumentException("The trust anchors are missing: give --trust PATH or --trust-list FILE.");
        }
        if (registry == null && registryDatabase == null) {
            throw new IllegalArgumentException("The register is missing: give --registry PATH or --registry-db.");
        }
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
        require(limits, "The service limits are missing.");
        if (receiptKeystore != null && receiptToken != null) {
            throw new IllegalArgumentException("Give the receipt key either as a keystore file or as a token, not both.");
        }
        if (maxBodyBytes < limits.maxSignatureBytes()) {
            throw new IllegalArgumentException("The body limit (" + maxBodyBytes + " bytes) must not be below the signature "
                    + "limit (" + limits.maxSignatureBytes() + " bytes).");
        }
    }

    /** The audit log: the one given, else {@code audit.log} in the data folder. */
    public Path auditLogFile() {
        return auditLog != null ? auditLog : dataDir.resolve("audit.log");
    }

    /** Whether receipts are sealed with the self-made demo key (no operator key was given). */
    public boolean selfMadeReceiptKey() {
        return receiptKeystore == null && receiptToken == null;
    }

    private static void require(Object value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A builder with the defaults: loopback, ephemeral port, two workers, a 60-second lease, a
     * 256 KiB body limit, 10,000 pending submissions at most, {@link ServiceLimits#defaults()}.
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
        private String registryDatabase;
        private String smtpHost;
        private int smtpPort = 25;
        private String mailFrom = "orgsign@localhost";
        private Path tlsKeystore;
        private String tlsPassword;
        private Path receiptKeystore;
        private String receiptPassword;
        private SigningToken receiptToken;
        private String receiptKeyId;
        private int workers = 2;
        private Duration lease = Duration.ofSeconds(60);
        private int maxBodyBytes = 256 * 1024;
        private int maxPending = 10_000;
        private String instanceName;
        private Duration readTimeout = Duration.ofSeconds(30);
        private boolean onlineRevocation;
        private final ServiceLimits defaults = ServiceLimits.defaults();
        private Rate perClient = defaults.perClient();
        private Rate perRecipient = defaults.perRecipient();
        private int minBodyRate = defaults.minBodyRate();
        private Duration headerTimeout = defaults.headerTimeout();
        private int connectionsPerClient = defaults.connectionsPerClient();
        private int maxCertificates = defaults.maxCertificates();
        private int maxSignatureBytes = defaults.maxSignatureBytes();
        private Duration retain = defaults.retain();
        private long bodyMemory = defaults.bodyMemory();
        private Path operatorKeys;
        private Path clientKeys;
        private Path auditLog;
        private boolean forwardedHeaders;
        private Path trustList;
        private Path trustListSigner;

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

        /**
         * @param list   the ministry's list of accredited certification centres, or null
         * @param signer the certificate its signature is checked with, or null for a list without a signature
         * @return this
         */
        public Builder trustList(Path list, Path signer) { trustList = list; trustListSigner = signer; return this; }

        /** @param v the CRL files or folders @return this */
        public Builder crls(List<Path> v) { crls = v; return this; }

        /** @param v the register extracts @return this */
        public Builder registry(Path v) { registry = v; return this; }

        /** @param v the register store's JDBC URL, "" for the embedded default, null for none @return this */
        public Builder registryDatabase(String v) { registryDatabase = v; return this; }

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

        /**
         * @param token an opened token on which the login is done (a PKCS#11 token); the service closes it
         * @param keyId the key's id or label, or null for the token's only signing key
         * @return this
         */
        public Builder receiptKey(SigningToken token, String keyId) { receiptToken = token; receiptKeyId = keyId; return this; }

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

        /** @param v submissions per client address or client key (token bucket) @return this */
        public Builder perClient(Rate v) { perClient = v; return this; }

        /** @param v new submissions per contact e-mail address (token bucket) @return this */
        public Builder perRecipient(Rate v) { perRecipient = v; return this; }

        /** @param v the slowest a request body may arrive, bytes per second; 0 for no minimum @return this */
        public Builder minBodyRate(int v) { minBodyRate = v; return this; }

        /** @param v how long a client may take to send a request's headers @return this */
        public Builder headerTimeout(Duration v) { headerTimeout = v; return this; }

        /** @param v open connections allowed from one address @return this */
        public Builder connectionsPerClient(int v) { connectionsPerClient = v; return this; }

        /** @param v certificates and CRLs a signature may carry @return this */
        public Builder maxCertificates(int v) { maxCertificates = v; return this; }

        /** @param v the largest signature in bytes @return this */
        public Builder maxSignatureBytes(int v) { maxSignatureBytes = v; return this; }

        /** @param v how long submissions are kept after they arrive @return this */
        public Builder retain(Duration v) { retain = v; return this; }

        /** @param v the bytes all request bodies being read at once may hold together @return this */
        public Builder bodyMemory(long v) { bodyMemory = v; return this; }

        /** @param v a file of operator API key hashes, or null @return this */
        public Builder operatorKeys(Path v) { operatorKeys = v; return this; }

        /** @param v a file of client API key hashes (submitting then needs a key), or null @return this */
        public Builder clientKeys(Path v) { clientKeys = v; return this; }

        /** @param v the audit log file, or null for {@code audit.log} in the data folder @return this */
        public Builder auditLog(Path v) { auditLog = v; return this; }

        /** @param v whether to trust {@code Forwarded} / {@code X-Forwarded-For} (behind a proxy only) @return this */
        public Builder forwardedHeaders(boolean v) { forwardedHeaders = v; return this; }

        /** @return the configuration */
        public ServiceConfig build() {
            return new ServiceConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, trust, crls, registry, smtpHost,
                    smtpPort, mailFrom, tlsKeystore, tlsPassword, receiptKeystore, receiptPassword, receiptToken, receiptKeyId,
                    workers, lease, maxBodyBytes, maxPending,
                    instanceName == null ? "i-" + java.util.UUID.randomUUID().toString().substring(0, 8) : instanceName,
                    readTimeout, onlineRevocation, new ServiceLimits(perClient, perRecipient, minBodyRate, headerTimeout,
                    connectionsPerClient, maxCertificates, maxSignatureBytes, retain, bodyMemory), operatorKeys, clientKeys, auditLog,
                    forwardedHeaders, registryDatabase, trustList, trustListSigner);
        }
    }
}
