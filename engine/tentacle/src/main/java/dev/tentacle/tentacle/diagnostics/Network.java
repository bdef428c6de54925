package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.ProxySettings;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The network operations of one diagnostics run, each bounded by the run's timeout: name lookups, TCP connections
 * directly or through an HTTP CONNECT proxy. Every socket it opens is closed by {@link #closeAll()}, which is how a
 * cancelled run stops at once.
 */
final class Network {
    private final Duration timeout;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Network(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * The addresses of a host name; an IP address is returned as it is, without a lookup.
     *
     * @throws UnknownHostException when the name does not resolve
     * @throws TimeoutException when the resolver does not answer in time
     */
    List<InetAddress> resolve(String host) throws UnknownHostException, TimeoutException, InterruptedException {
        if (isIpLiteral(host)) {
            return List.of(InetAddress.ofLiteral(host));
        }
        // The JDK's resolver cannot be interrupted or given a timeout; wait for it on the side.
        CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
        Thread.ofVirtual().name("dns-" + host).start(() -> {
            try {
                lookup.complete(List.of(InetAddress.getAllByName(host)));
            } catch (Throwable e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            UnknownHostException failure = new UnknownHostException(host + ": " + e.getCause());
            failure.initCause(e.getCause());
            throw failure;
        }
    }

    static boolean isIpLiteral(String host) {
        try {
            InetAddress.ofLiteral(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A TCP connection to the address, with the run's timeout for connecting and for every read. */
    Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = track(new Socket());
        try {
            socket.connect(address, timeoutMillis());
            socket.setSoTimeout(timeoutMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A TCP connection to the proxy (its name looked up with the run's timeout). */
    Socket connectToProxy(ProxySettings proxy) throws IOException, TimeoutException, InterruptedException {
        InetAddress address = resolve(proxy.host()).getFirst();
        return connect(new InetSocketAddress(address, proxy.port()));
    }

    /**
     * A tunnel to {@code host:port} through the proxy: connected to the proxy, which answered the CONNECT request
     * with success. Bytes written to the socket now reach the target.
     *
     * @throws ProxyTunnel.RefusedException when the proxy answered with anything but success
     */
    Socket tunnel(ProxySettings proxy, String host, int port) throws IOException, TimeoutException, InterruptedException {
        Socket socket = connectToProxy(proxy);
        try {
            ProxyTunnel.open(socket, proxy, host, port);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Closes the socket with this run, at the latest. */
    <T extends Closeable> T track(T resource) throws IOException {
        open.add(resource);
        if (closed) {
            resource.close();
            throw new IOException("The diagnostics run was cancelled.");
        }
        return resource;
    }

    /** Closes every socket opened so far and every one opened later. */
    void closeAll() {
        closed = true;
        for (Closeable resource : open) {
            try {
                resource.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing is all that is wanted.
            }
        }
        open.clear();
    }
}
