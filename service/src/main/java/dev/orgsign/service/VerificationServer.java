package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.registry.FnsExtractRegistry;
import dev.orgsign.core.registry.Registry;
import dev.orgsign.registry.store.RegistryDatabase;
import dev.orgsign.registry.store.StoreRegistry;
import dev.orgsign.core.verify.RequestIdLedger;
import dev.orgsign.core.verify.OnlineRevocation;
import dev.orgsign.core.verify.SignatureVerifier;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.core.verify.TrustMaterial;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The orgsign verification service: the HTTP API of docs/design.md on Jetty, a durable JDBC store
 * (H2 under the data folder, or PostgreSQL shared by several instances), verification workers,
 * the e-mail outbox and signed PDF receipts.
 *
 * <pre>{@code
 * try (VerificationServer s = VerificationServer.start(config)) {
 *     URI endpoint = s.uri();
 *     ...
 * }
 * }</pre>
 */
public final class VerificationServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationServer.class);

    private final ServiceConfig config;
    private final Server server;
    private final Database db;
    private final ApiHandler api;
    /** Submissions decoded and waiting for the intake's group commit, at most. */
    private static final int COMMIT_QUEUE = 4096;
    /** Submissions handed over in memory to each worker, at most (more are left to be claimed). */
    private static final int HAND_OVER_PER_WORKER = Worker.BATCH;

    private final List<Worker> workers = new ArrayList<>();
    private final IntakeCommitter committer;
    /** On PostgreSQL, wakes the workers when any instance stores submissions; else null. */
    private final PgNotifications notifications;
    private final List<Thread> threads = new ArrayList<>();
    private final MailSender mail;
    private final Retention retention;
    private final ConnectionGuard guard;
    private final AuditLog audit;
    private final Receipts receipts;
    /** The register store, when the register is read from one; closed with the service. */
    private final RegistryDatabase registryDb;
    private final CountDownLatch closed = new CountDownLatch(1);
    private URI uri;
    private boolean stopped;

    private VerificationServer(ServiceConfig config, Database db, SignatureVerifier verifier, Receipts receipts,
                               Access access, AuditLog audit, Clock clock, Registry registry, RegistryDatabase registryDb,
                               TrustList trustList) {
        this.config = config;
        this.registryDb = registryDb;
        this.db = db;
        this.audit = audit;
        this.receipts = receipts;
        Doorbell bell = new Doorbell();
        SubmissionStore store = new SubmissionStore(db.dataSource(), db.embedded());
        HandOver handOver = new HandOver(HAND_OVER_PER_WORKER * config.workers(), config.instanceName());
        this.committer = IntakeCommitter.builder().store(new IntakeStore(db.dataSource(), db.postgres())).clock(clock)
                .maxPending(config.maxPending()).capacity(COMMIT_QUEUE).handOver(handOver, config.lease()).bell(bell)
                .answers(this::onJettyThread).build();
        Intake intake = new Intake(committer, config, access, audit);
        this.api = new ApiHandler(store, receipts, intake, access, audit, clock, registry, trustList);
        RequestIdLedger ledger = ledger(store);
        for (int i = 0; i < config.workers(); i++) {
            workers.add(new Worker(store, handOver, verifier, ledger, clock, config.lease(), config.instanceName(), bell, audit));
        }
        this.notifications = db.postgres() && config.workers() > 0 ? new PgNotifications(db, bell) : null;
        this.mail = config.smtpHost() == null ? null
                : new MailSender(new Outbox(db.dataSource()), config.smtpHost(), config.smtpPort(),
                config.mailFrom(), clock);
        this.retention = new Retention(store, config.limits().retain(), clock, audit, config.instanceName());
        this.guard = new ConnectionGuard(config.limits().connectionsPerClient(), config.limits().headerTimeout());
        this.server = jetty(config, api, guard);
    }

    /**
     * Starts the service: opens and migrates the store, loads the trust anchors, CRLs and
     * register, starts the workers and the mail sender, and listens.
     *
     * @param config the configuration
     * @return the running service
     * @throws OrgsignException when a path, the database or the port cannot be used
     */
    public static VerificationServer start(ServiceConfig config) throws OrgsignException {
        return start(config, Clock.systemUTC());
    }

    /** {@link #start(ServiceConfig)} on a given clock (the tests' retention). */
    static VerificationServer start(ServiceConfig config, Clock clock) throws OrgsignException {
        TrustList trustList = config.trustList() == null ? null : TrustMaterial.trustList(config.trustList(), config.trustListSigner());
        TrustMaterial trust = TrustMaterial.load(config.trust(), config.crls(), trustList);
        RegistryDatabase registryDb = config.registryDatabase() == null ? null
                : RegistryDatabase.open(config.registryDatabase().isBlank() ? null : config.registryDatabase(), config.workers() + 2);
        Registry registry = registryDb != null ? new StoreRegistry(registryDb) : FnsExtractRegistry.load(config.registry());
        Access access = new Access(ApiKeys.load(config.operatorKeys(), "operator"),
                ApiKeys.load(config.clientKeys(), "client"));
        Database.privateFolder(config.dataDir());
        AuditLog audit;
        try {
            audit = AuditLog.open(config.auditLogFile(), clock);
        } catch (java.io.IOException e) {
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("server.auditLog", config.auditLogFile(),
                    Text.quoted(e.getMessage())), e);
        }
        Database db;
        try {
            db = Database.open(config);
        } catch (OrgsignException e) {
            audit.close();
            throw e;
        }
        Receipts receipts = null;
        try {
            SubmissionStore store = new SubmissionStore(db.dataSource(), db.embedded());
            if (db.embedded()) {
                store.releaseLeases(); // the H2 file is ours alone: leases left by a crash are void
            }
            SignatureVerifier verifier = new SignatureVerifier(trust, registry, ledger(store), clock,
                    Duration.ofDays(7), config.onlineRevocation() ? OnlineRevocation.defaults() : null);
            receipts = ReceiptMaker.create(config);
            VerificationServer s = new VerificationServer(config, db, verifier, receipts, access, audit, clock, registry,
                    registryDb, trustList);
            s.begin();
            return s;
        } catch (OrgsignException e) {
            release(db, audit, receipts);
            throw e;
        } catch (SQLException e) {
            release(db, audit, receipts);
            throw new OrgsignException(ErrorCode.IO, ApiHandler.T.text("server.database", Text.quoted(Database.rootMessage(e))), e);
        } catch (Exception e) {
            release(db, audit, receipts);
            throw new OrgsignException(ErrorCode.INTERNAL, ApiHandler.T.text("server.notStarted", Text.quoted(Database.rootMessage(e))), e);
        }
    }

    private static void release(Database db, AuditLog audit, Receipts receipts) {
        db.close();
        audit.close();
        if (receipts != null) {
            receipts.close();
        }
    }

    /**
     * Starts the service and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then shuts
     * down gracefully. This is what {@code orgsign serve} runs.
     *
     * @param config the configuration
     * @param out    where to print the address once listening
     * @throws OrgsignException when the service cannot start
     */
    public static void serve(ServiceConfig config, java.io.PrintStream out) throws OrgsignException {
        serve(config, out, java.util.Locale.ENGLISH);
    }

    /**
     * As {@link #serve(ServiceConfig, java.io.PrintStream)}, the start line in the operator's language.
     *
     * @param config   the configuration
     * @param out      where to print the address once listening
     * @param language the operator's language (Russian for {@code ru}, English otherwise)
     * @throws OrgsignException when the service cannot start
     */
    public static void serve(ServiceConfig config, java.io.PrintStream out, java.util.Locale language) throws OrgsignException {
        VerificationServer s = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "orgsign-shutdown"));
        out.println(ApiHandler.T.format(language, "serve.listening", s.uri(), config.instanceName()));
        out.flush();
        s.awaitClose();
    }

    private void begin() throws Exception {
        Thread intake = new Thread(committer, "orgsign-intake");
        intake.setDaemon(true);
        threads.add(intake);
        if (notifications != null) {
            Thread t = new Thread(notifications, "orgsign-listen");
            t.setDaemon(true);
            threads.add(t);
        }
        int n = 0;
        for (Worker w : workers) {
            Thread t = new Thread(w, "orgsign-worker-" + (n++));
            t.setDaemon(true);
            threads.add(t);
        }
        if (mail != null) {
            Thread t = new Thread(mail, "orgsign-mail");
            t.setDaemon(true);
            threads.add(t);
        }
        Thread purger = new Thread(retention, "orgsign-retention");
        purger.setDaemon(true);
        threads.add(purger);
        try {
            server.start();
        } catch (java.io.IOException e) {
            server.stop();
            guard.close();
            throw new OrgsignException(ErrorCode.USAGE, ApiHandler.T.text("server.listen", config.host() + ":" + config.port(),
                    Text.quoted(Database.rootMessage(e))), e);
        }
        ServerConnector c = (ServerConnector) server.getConnectors()[0];
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        uri = URI.create((config.tlsKeystore() == null ? "http" : "https") + "://" + host + ":" + c.getLocalPort() + "/");
        threads.forEach(Thread::start);
        audit.record("start", config.instanceName(), null, null);
        LOG.info("orgsign service {} listening on {}", config.instanceName(), uri);
        if (config.selfMadeReceiptKey()) {
            LOG.warn("Receipts are sealed with the self-made DEMO key {}; give the service a key of your own with "
                    + "--receipt-key before anyone relies on them", config.dataDir().resolve(ReceiptMaker.KEY_FILE));
        }
    }

    /** Runs {@code r} on one of Jetty's threads (where the intake's answers are written). */
    private void onJettyThread(Runnable r) {
        server.getThreadPool().execute(r);
    }

    /** The retention purger, for tests that purge at once. */
    Retention retention() {
        return retention;
    }

    /**
     * The base address of the API, e.g. {@code http://127.0.0.1:41234/}.
     *
     * @return the address clients use
     */
    public URI uri() {
        return uri;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops gracefully: new requests get 503, requests in progress finish, workers finish the
     * submission in hand (what they had claimed but not started is taken up again later), the
     * store is closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        api.shuttingDown();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The HTTP server did not stop cleanly: {}", e.toString());
        }
        guard.close();
        committer.stop(); // after the HTTP server: the requests it waited for have been stored and answered
        if (notifications != null) {
            notifications.stop();
        }
        workers.forEach(Worker::stop);
        retention.stop();
        if (mail != null) {
            mail.stop();
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        db.close();
        receipts.close();
        if (registryDb != null) {
            registryDb.close();
        }
        audit.record("stop", config.instanceName(), null, null);
        audit.close();
        closed.countDown();
        LOG.info("orgsign service {} stopped", config.instanceName());
    }

    private static RequestIdLedger ledger(SubmissionStore store) {
        return (requestId, hash) -> {
            try {
                String h = HexFormat.of().formatHex(hash);
                return store.payloadHashOf(requestId).map(h::equals).orElse(true);
            } catch (SQLException e) {
                throw new IllegalStateException("The request-id ledger is unavailable", e);
            }
        };
    }

    private static Server jetty(ServiceConfig config, ApiHandler api, ConnectionGuard guard) {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("orgsign-http");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        if (config.forwardedHeaders()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector;
        if (config.tlsKeystore() == null) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            if (config.tlsPassword() != null) {
                ssl.setKeyStorePassword(config.tlsPassword());
            }
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false);
            http.addCustomizer(src);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.readTimeout().toMillis()); // the read timeout: a stalled client is dropped
        connector.addEventListener(guard); // connections per address, the request-head deadline
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(api));
        server.setStopTimeout(10_000);
        server.setErrorHandler(new JsonErrors());
        return server;
    }

    /** Jetty's own refusals (malformed HTTP, oversized headers, …) as JSON too. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() > 0 ? response.getStatus() : 500;
            Object attr = request.getAttribute(ERROR_STATUS);
            if (attr instanceof Integer i) {
                status = i;
            }
            Object detail = request.getAttribute(ERROR_MESSAGE);
            String why = detail instanceof String d && !d.isBlank() && d.length() < 120 && !d.contains("Exception")
                    ? " (" + d + ")" : "";
            ApiHandler.error(response, callback, status, "http_" + status, ApiHandler.T.format(Languages.of(request),
                    "api.refused", HttpStatus.getMessage(status) + why));
            return true;
        }
    }
}
