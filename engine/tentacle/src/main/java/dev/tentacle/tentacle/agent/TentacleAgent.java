package dev.tentacle.tentacle.agent;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Tentacle: its comms runtime hosting the agent services, listening on the configured port (unless
 * configured not to listen) and polling every server it is configured to poll.
 */
public final class TentacleAgent implements AutoCloseable {
    public static final String LISTENING_DESCRIPTION = "Tentacle listening endpoint";

    private final CommsRuntime runtime;
    private final AgentServices services;
    private final int listeningPort;
    private final List<String> polling;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private TentacleAgent(CommsRuntime runtime, AgentServices services, int listeningPort, List<String> polling) {
        this.runtime = runtime;
        this.services = services;
        this.listeningPort = listeningPort;
        this.polling = List.copyOf(polling);
    }

    /**
     * Starts the agent.
     *
     * @throws dev.tentacle.comms.CommsException ADDRESS_IN_USE when the listening port is taken
     */
    public static TentacleAgent start(TentacleConfiguration configuration, CertificateIdentity identity, AgentServices services,
            CommsOptions options, CommsListener listener) {
        Objects.requireNonNull(configuration, "configuration");
        CommsRuntime.Builder builder = CommsRuntime.builder(identity).options(options).listener(listener)
                .trust(configuration.trustList());
        services.registerOn(builder);
        CommsRuntime runtime = builder.build();
        try {
            int port = -1;
            if (!configuration.noListen()) {
                port = runtime.listen(listenAddress(configuration), LISTENING_DESCRIPTION);
            }
            List<String> polled = new ArrayList<>();
            for (TrustedServer server : configuration.pollingServers()) {
                runtime.poll(server.subscriptionId(), pollingEndpoint(configuration, server));
                polled.add(server.address() + " as " + server.pollingUri());
            }
            return new TentacleAgent(runtime, services, port, polled);
        } catch (RuntimeException e) {
            runtime.close();
            services.close();
            throw e;
        }
    }

    private static InetSocketAddress listenAddress(TentacleConfiguration configuration) {
        String address = configuration.listenAddress();
        return address == null || address.isBlank() || address.equals("*")
                ? new InetSocketAddress(configuration.listenPort())
                : new InetSocketAddress(address, configuration.listenPort());
    }

    /**
     * Where a polling Tentacle connects: the server's comms address, through the polling proxy when enabled. The
     * connectivity checks use it too, so that they test the connection the agent makes.
     */
    public static ServiceEndpoint pollingEndpoint(TentacleConfiguration configuration, TrustedServer server) {
        URI address = server.address();
        int port = address.getPort() == -1 ? ServiceEndpoint.DEFAULT_POLLING_PORT : address.getPort();
        ServiceEndpoint endpoint = ServiceEndpoint.listening(address.getHost(), port, server.thumbprint());
        return configuration.pollingProxy().toProxySettings().map(endpoint::withProxy).orElse(endpoint);
    }

    /** The port the agent listens on, or -1 when it does not listen. */
    public int listeningPort() {
        return listeningPort;
    }

    /** The servers this agent polls, for display. */
    public List<String> polling() {
        return polling;
    }

    public CommsRuntime runtime() {
        return runtime;
    }

    /** Blocks until {@link #close()} is called (for example by a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Waits up to {@code timeout} for {@link #close()}.
     *
     * @return true once the agent is closed
     */
    public boolean awaitStop(java.time.Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Stops listening and polling. Safe to call more than once and from several threads (a shutdown hook and the
     * thread that ran the agent both do): only the first call closes the runtime.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                runtime.close();
                services.close();
            } finally {
                stopped.countDown();
            }
        }
    }
}
