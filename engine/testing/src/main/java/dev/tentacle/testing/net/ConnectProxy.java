package dev.tentacle.testing.net;

import dev.tentacle.comms.ProxySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP CONNECT proxy (RFC 9110 section 9.3.6) on loopback, for testing comms through a proxy.
 *
 * <p>{@code CONNECT host:port HTTP/1.1} is answered with {@code HTTP/1.1 200 Connection established}, after which
 * bytes are tunnelled both ways until either side closes. Other methods get {@code 405}; missing or wrong Basic
 * credentials, when required, get {@code 407} with {@code Proxy-Authenticate: Basic realm="test"}; a target that is
 * not allowed, or not on loopback, gets {@code 403}; a target that refuses the connection gets {@code 502}. Every
 * answer other than 200 closes the connection.
 */
public final class ConnectProxy implements AutoCloseable {
    static final String REALM = "test";
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TARGET_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_AFTER_REFUSAL = Duration.ofSeconds(2);

    private final String username;
    private final String password;
    private final Set<String> allowedTargets;
    private final LoopbackAcceptor acceptor;
    private final List<String> requestedTargets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tunnelsOpened = new AtomicInteger();
    private final Set<Relay> tunnels = ConcurrentHashMap.newKeySet();

    private ConnectProxy(Builder builder) throws IOException {
        this.username = builder.username;
        this.password = builder.password;
        this.allowedTargets = Set.copyOf(builder.allowedTargets);
        this.acceptor = new LoopbackAcceptor("connect-proxy");
        acceptor.start(this::handle);
    }

    /** A proxy without credentials that tunnels to any loopback target. */
    public static ConnectProxy start() throws IOException {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return acceptor.port();
    }

    /** Settings for a comms client to use this proxy, with this proxy's credentials if it requires them. */
    public ProxySettings proxySettings() {
        return new ProxySettings(Loopback.ADDRESS.getHostAddress(), port(), username, password);
    }

    /** Tunnels answered with 200 since start. */
    public int tunnelsOpened() {
        return tunnelsOpened.get();
    }

    /** Tunnels open now. */
    public int activeTunnels() {
        return tunnels.size();
    }

    /** The {@code host:port} of every CONNECT request since start, as written by the client, refused ones included. */
    public List<String> requestedTargets() {
        synchronized (requestedTargets) {
            return List.copyOf(requestedTargets);
        }
    }

    /** Resets every tunnel and stops listening. */
    @Override
    public void close() {
        acceptor.close();
        List.copyOf(tunnels).forEach(Relay::abort);
    }

    private void handle(Socket client) {
        try {
            client.setSoTimeout((int) HEAD_TIMEOUT.toMillis());
            HttpHead head = HttpHead.read(client.getInputStream());
            if (!head.method().equals("CONNECT")) {
                refuse(client, "405 Method Not Allowed", "Allow: CONNECT\r\n");
                return;
            }
            requestedTargets.add(head.target());
            if (!authorized(head)) {
                refuse(client, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"" + REALM + "\"\r\n");
                return;
            }
            InetSocketAddress target = allowedTarget(head.target());
            if (target == null) {
                refuse(client, "403 Forbidden", "");
                return;
            }
            Socket targetSocket = new Socket();
            if (!acceptor.track(targetSocket)) {
                Sockets.reset(client);
                return;
            }
            try {
                targetSocket.connect(target, (int) TARGET_CONNECT_TIMEOUT.toMillis());
            } catch (IOException unreachable) {
                acceptor.untrack(targetSocket);
                Sockets.closeQuietly(targetSocket);
                refuse(client, "502 Bad Gateway", "");
                return;
            }
            client.setSoTimeout(0);
            client.getOutputStream().write(
                    "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            tunnel(client, targetSocket);
        } catch (HttpHead.MalformedException notHttp) {
            refuse(client, "400 Bad Request", "");
        } catch (SocketTimeoutException slowClient) {
            refuse(client, "408 Request Timeout", "");
        } catch (IOException broken) {
            acceptor.untrack(client);
            Sockets.reset(client);
        }
    }

    private void tunnel(Socket client, Socket targetSocket) {
        tunnelsOpened.incrementAndGet();
        Relay relay = new Relay(acceptor, client, targetSocket, new Gate(), () -> Duration.ZERO, new Relay.Events() {
            @Override
            public void forwarded(Relay.Direction direction, int bytes) {
                // The proxy only counts tunnels.
            }

            @Override
            public void ended(Relay ended) {
                tunnels.remove(ended);
            }
        });
        tunnels.add(relay);
        relay.start();
    }

    private boolean authorized(HttpHead head) {
        if (username == null) {
            return true;
        }
        String credentials = head.header("Proxy-Authorization").orElse("");
        int space = credentials.indexOf(' ');
        if (space < 0 || !credentials.substring(0, space).equalsIgnoreCase("Basic")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(credentials.substring(space + 1).strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    /** The loopback address of an allowed {@code host:port}, or null when it must be refused. */
    private InetSocketAddress allowedTarget(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon <= 0 || colon == authority.length() - 1) {
            return null;
        }
        String host = authority.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException notAPort) {
            return null;
        }
        if (port < 1 || port > 65535) {
            return null;
        }
        if (!allowedTargets.isEmpty() && !allowedTargets.contains(key(host, port))) {
            return null;
        }
        InetAddress address = Loopback.addressOf(host);
        return address == null ? null : new InetSocketAddress(address, port);
    }

    private void refuse(Socket client, String status, String extraHeaders) {
        byte[] response = HttpResponses.closing("HTTP/1.1 " + status, extraHeaders, "");
        acceptor.untrack(client);
        Sockets.respondAndClose(client, response, DRAIN_AFTER_REFUSAL);
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Options for a {@link ConnectProxy}; {@link #start()} binds it. */
    public static final class Builder {
        private String username;
        private String password;
        private final Set<String> allowedTargets = new LinkedHashSet<>();

        private Builder() {}

        /** Requires {@code Proxy-Authorization: Basic} with exactly these credentials. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Allows CONNECT to this target and, once any target is allowed, refuses all others with 403. The host is
         * compared as written, ignoring case: allowing {@code 127.0.0.1} does not allow {@code localhost}. Without
         * any allowed target, every loopback target is allowed.
         */
        public Builder allowTarget(String host, int port) {
            Loopback.requireLoopback(host, port);
            allowedTargets.add(key(host, port));
            return this;
        }

        public ConnectProxy start() throws IOException {
            return new ConnectProxy(this);
        }
    }
}
