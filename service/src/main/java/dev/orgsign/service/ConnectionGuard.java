package dev.orgsign.service;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guards the connector against clients that hold connections open (slowloris): at most
 * {@code perAddress} open connections from one network address (more are closed as they open),
 * and a request's line and headers must arrive within {@code headerTimeout} of their first byte
 * (a new connection's first request within {@code headerTimeout} of the connection). Jetty reads
 * headers without a thread per connection, but its idle timeout starts again with every byte, so
 * a client sending one byte every few seconds would otherwise keep a connection for hours.
 *
 * <p>A {@link Connection.Listener} on the connector; the head deadline looks at the state of
 * Jetty's HTTP/1.1 parser ({@link HttpConnection#getParser()}), swept four times per time-out.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int perAddress;
    private final long headerTimeoutNanos;
    private final Map<InetAddress, Integer> counts = new HashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    /** The peer of each counted connection, noted at opening: a closed channel no longer tells it. */
    private final Map<Connection, InetAddress> peers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    ConnectionGuard(int perAddress, Duration headerTimeout) {
        this.perAddress = perAddress;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orgsign-connection-guard");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, headerTimeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection c) {
        if (c instanceof HttpConnection) {
            open.add(c);
        }
        InetAddress address = networkAddress(c);
        if (address == null) {
            return;
        }
        int n;
        synchronized (counts) {
            n = counts.merge(address, 1, Integer::sum);
            peers.put(c, address);
        }
        if (n > perAddress) {
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.warn("{} holds {} connections, more than the {} allowed from one address; closing the newest",
                        address.getHostAddress(), n, perAddress);
            }
            c.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection c) {
        open.remove(c);
        synchronized (counts) {
            InetAddress address = peers.remove(c);
            if (address != null) {
                counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** The peer of a connection on the network end point (not the decrypted one under TLS), or null. */
    private static InetAddress networkAddress(Connection c) {
        if (!(c.getEndPoint() instanceof SelectableChannelEndPoint ep)) {
            return null;
        }
        SocketAddress remote = ep.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            for (Connection c : open) {
                if (!(c instanceof HttpConnection hc)) {
                    continue;
                }
                HttpParser parser = hc.getParser();
                long began;
                if (parser.isStart()) {
                    // waiting for a request: the first one is due within the time-out of connecting,
                    // later ones are the idle timeout's business (a kept-alive connection waits quietly)
                    if (hc.getMessagesIn() > 0) {
                        continue;
                    }
                    began = now - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - c.getCreatedTimeStamp());
                } else if (parser.inHeaderState()) {
                    began = parser.getBeginNanoTime();
                } else {
                    continue; // the body: the minimum data rate applies
                }
                if (NanoTime.elapsed(began, now) > headerTimeoutNanos) {
                    if (dropped.getAndIncrement() % 1000 == 0) {
                        LOG.warn("A client took longer than {} ms to send a request's headers; its connection is closed",
                                TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos));
                    }
                    c.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The connection guard's sweep failed: {}", e.toString());
        }
    }

    /** Connections closed because their address had too many. */
    long refused() {
        return refused.get();
    }

    /** Connections closed because their request headers came too slowly. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
