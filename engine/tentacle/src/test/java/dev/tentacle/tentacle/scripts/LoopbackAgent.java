package dev.tentacle.tentacle.scripts;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A listening agent runtime hosting services on a free loopback port, trusting the server's thumbprint, and a server
 * runtime whose clients call it: the two sides of a real mutual-TLS connection in one JVM.
 */
public final class LoopbackAgent implements AutoCloseable {
    private final CertificateIdentity agentIdentity = CertificateFixtures.tentacle();
    private final CommsRuntime agent;
    private final CommsRuntime server;
    private final int port;

    private LoopbackAgent(Consumer<CommsRuntime.Builder> services) {
        CertificateIdentity serverIdentity = CertificateFixtures.server();
        CommsRuntime.Builder builder = CommsRuntime.builder(agentIdentity)
                .trust(TrustList.of(serverIdentity.thumbprints().sha256()))
                .listener(CommsListener.NONE);
        services.accept(builder);
        this.agent = builder.build();
        this.port = agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
        this.server = CommsRuntime.builder(serverIdentity).listener(CommsListener.NONE).build();
    }

    /** Starts an agent; the consumer adds the services it hosts. */
    public static LoopbackAgent hosting(Consumer<CommsRuntime.Builder> services) {
        return new LoopbackAgent(services);
    }

    /** The server's proxy to a service on the agent, without retries. */
    public <T> T client(Class<T> service) {
        return server.client(endpoint(), service, RetryPolicy.disabled());
    }

    public ServiceEndpoint endpoint() {
        return ServiceEndpoint.listening("127.0.0.1", port, agentIdentity.thumbprints().sha256());
    }

    @Override
    public void close() {
        server.close();
        agent.close();
    }
}
