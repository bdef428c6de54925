package dev.tentacle.testing.contract;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ProxySettings;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.retry.RetryPolicy;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An Octopus-Server-side runtime and a Tentacle-side runtime on loopback that trust each other, connected in
 * one {@link Mode}. The Tentacle hosts an {@link EchoServiceImpl}; {@link #echo()} is the server's proxy to it.
 * The Tentacle side can be stopped and started again on the same port to test reconnection.
 */
public final class CommsPair implements AutoCloseable {
    public static final String SUBSCRIPTION = "tentacle-under-test";

    private final Mode mode;
    private final CertificateIdentity serverIdentity;
    private final CertificateIdentity tentacleIdentity;
    private final CommsOptions options;
    private final CommsOptions tentacleOptions;
    private final CommsListener serverListener;
    private final CommsListener tentacleListener;
    private final ProxySettings proxy;
    private final TrustList tentacleTrust;
    private final TrustList serverTrust;
    private final EchoServiceImpl service = new EchoServiceImpl();
    private CommsRuntime server;
    private CommsRuntime tentacle;
    private int port;
    private int connectPort;

    private CommsPair(Builder b) {
        this.mode = b.mode;
        this.serverIdentity = b.serverIdentity;
        this.tentacleIdentity = b.tentacleIdentity;
        this.options = b.options;
        this.tentacleOptions = b.tentacleOptions == null ? b.options : b.tentacleOptions;
        this.serverListener = b.serverListener;
        this.tentacleListener = b.tentacleListener;
        this.proxy = b.proxy;
        this.tentacleTrust = b.tentacleTrust != null ? b.tentacleTrust : TrustList.of(b.serverIdentity.thumbprints().sha1());
        this.serverTrust = b.serverTrust != null ? b.serverTrust : TrustList.of(b.tentacleIdentity.thumbprints().sha256());
        this.connectPort = b.connectPort;
    }

    public static Builder builder(Mode mode, CertificateIdentity server, CertificateIdentity tentacle) {
        return new Builder(mode, server, tentacle);
    }

    /** Starts both sides. */
    public CommsPair start() {
        startListeningSide();
        startConnectingSide();
        return this;
    }

    /** Starts the side that listens (the Tentacle in listening mode, the server in polling mode) on a free port. */
    public CommsPair startListeningSide() {
        if (mode == Mode.LISTENING) {
            startTentacle(0);
        } else {
            startServer(0);
        }
        return this;
    }

    /** Starts the side that connects; in polling mode the Tentacle starts polling at once. */
    public CommsPair startConnectingSide() {
        if (mode == Mode.LISTENING) {
            startServer(0);
        } else {
            startTentacle(0);
        }
        return this;
    }

    private void startServer(int bindPort) {
        server = CommsRuntime.builder(serverIdentity).options(options).listener(serverListener)
                .trust(serverTrust).build();
        if (mode == Mode.POLLING) {
            port = server.listen(new InetSocketAddress("127.0.0.1", bindPort), "Octopus Server polling endpoint");
        }
    }

    private void startTentacle(int bindPort) {
        tentacle = CommsRuntime.builder(tentacleIdentity).options(tentacleOptions).listener(tentacleListener)
                .trust(tentacleTrust)
                .service(EchoService.class, service).build();
        if (mode == Mode.LISTENING) {
            port = tentacle.listen(new InetSocketAddress("127.0.0.1", bindPort), "Tentacle listening endpoint");
        } else {
            tentacle.poll(SUBSCRIPTION, serverEndpoint());
        }
    }

    private int effectivePort() {
        return connectPort > 0 ? connectPort : port;
    }

    private ServiceEndpoint withProxy(ServiceEndpoint endpoint) {
        return proxy == null ? endpoint : endpoint.withProxy(proxy);
    }

    /** Routes the connecting side through another port (a forwarder in front of the listening side). */
    public void connectVia(int forwarderPort) {
        this.connectPort = forwarderPort;
    }

    /** The port the listening side bound: the Tentacle's in listening mode, the server's in polling mode. */
    public int listeningPort() {
        return port;
    }

    /** Where the Tentacle polls the server (polling mode), expecting the thumbprint the Tentacle trusts. */
    public ServiceEndpoint serverEndpoint() {
        Thumbprint expected = tentacleTrust.thumbprints().iterator().next();
        return withProxy(ServiceEndpoint.listening("127.0.0.1", effectivePort(), expected));
    }

    /** Where the server sends calls for the Tentacle. */
    public ServiceEndpoint tentacleEndpoint() {
        return tentacleEndpoint(tentacleIdentity.thumbprints().sha256());
    }

    public ServiceEndpoint tentacleEndpoint(Thumbprint expected) {
        return mode == Mode.LISTENING
                ? withProxy(ServiceEndpoint.listening("127.0.0.1", effectivePort(), expected))
                : ServiceEndpoint.polling(SUBSCRIPTION, expected);
    }

    public EchoService echo() {
        return server.client(tentacleEndpoint(), EchoService.class);
    }

    public EchoService echo(RetryPolicy policy) {
        return server.client(tentacleEndpoint(), EchoService.class, policy);
    }

    public EchoServiceImpl service() {
        return service;
    }

    public CommsRuntime server() {
        return server;
    }

    public CommsRuntime tentacle() {
        return tentacle;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Stops the listening side and starts it again on the same port: the Tentacle in listening mode, the server in
     * polling mode (its queued state is lost, as in a real restart; the Tentacle's subscriber reconnects).
     */
    public void restartListeningSide() {
        if (mode == Mode.LISTENING) {
            tentacle.close();
            startTentacle(port);
        } else {
            server.close();
            startServer(port);
        }
    }

    @Override
    public void close() {
        if (tentacle != null) {
            tentacle.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public static final class Builder {
        private final Mode mode;
        private final CertificateIdentity serverIdentity;
        private final CertificateIdentity tentacleIdentity;
        private CommsOptions options = CommsOptions.defaults();
        private CommsOptions tentacleOptions;
        private TrustList tentacleTrust;
        private TrustList serverTrust;
        private CommsListener serverListener = CommsListener.NONE;
        private CommsListener tentacleListener = CommsListener.NONE;
        private ProxySettings proxy;
        private int connectPort;

        private Builder(Mode mode, CertificateIdentity server, CertificateIdentity tentacle) {
            this.mode = Objects.requireNonNull(mode);
            this.serverIdentity = Objects.requireNonNull(server);
            this.tentacleIdentity = Objects.requireNonNull(tentacle);
        }

        public Builder options(CommsOptions value) {
            this.options = value;
            return this;
        }

        /** Options for the Tentacle side only, when they must differ from the server's. */
        public Builder tentacleOptions(CommsOptions value) {
            this.tentacleOptions = value;
            return this;
        }

        /** Replaces whom the Tentacle trusts (by default, the server's SHA-1 thumbprint). */
        public Builder tentacleTrust(TrustList value) {
            this.tentacleTrust = value;
            return this;
        }

        /** Replaces whom the server trusts (by default, the Tentacle's SHA-256 thumbprint). */
        public Builder serverTrust(TrustList value) {
            this.serverTrust = value;
            return this;
        }

        public Builder serverListener(CommsListener value) {
            this.serverListener = value;
            return this;
        }

        public Builder tentacleListener(CommsListener value) {
            this.tentacleListener = value;
            return this;
        }

        /** The connecting side goes through this HTTP CONNECT proxy. */
        public Builder proxy(ProxySettings value) {
            this.proxy = value;
            return this;
        }

        /** The connecting side connects to this port instead of the listening port (a forwarder). */
        public Builder connectPort(int value) {
            this.connectPort = value;
            return this;
        }

        public CommsPair build() {
            return new CommsPair(this);
        }
    }
}
