package dev.tentacle.tentacle.resilience;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.contract.Mode;
import dev.tentacle.testing.net.PortForwarder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A real agent (the Tentacle services over a home directory) and a server-side runtime on loopback, with a
 * {@link PortForwarder} between them that the test can delay, pause and kill, in either mode.
 */
final class AgentUnderTest implements AutoCloseable {
    static final String SUBSCRIPTION = "resilience";

    private final CommsRuntime server;
    private final CommsRuntime agent;
    private final TentacleServices services;
    private final PortForwarder network;
    private final ServiceEndpoint agentEndpoint;

    AgentUnderTest(Mode mode, Path home, CommsOptions options) throws IOException {
        CertificateIdentity serverId = CertificateFixtures.server();
        CertificateIdentity agentId = CertificateFixtures.tentacle();
        services = TentacleServices.forHome(home);
        CommsRuntime.Builder agentBuilder = CommsRuntime.builder(agentId).options(options).listener(CommsListener.NONE)
                .trust(TrustList.of(serverId.thumbprints().sha1()));
        services.registerOn(agentBuilder);
        agent = agentBuilder.build();
        server = CommsRuntime.builder(serverId).options(options).listener(CommsListener.NONE)
                .trust(TrustList.of(agentId.thumbprints().sha256())).build();
        if (mode == Mode.LISTENING) {
            int port = agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
            network = PortForwarder.start(port);
            agentEndpoint = ServiceEndpoint.listening("127.0.0.1", network.port(), agentId.thumbprints().sha256());
        } else {
            int port = server.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");
            network = PortForwarder.start(port);
            agent.poll(SUBSCRIPTION, ServiceEndpoint.listening("127.0.0.1", network.port(), serverId.thumbprints().sha256()));
            agentEndpoint = ServiceEndpoint.polling(SUBSCRIPTION, agentId.thumbprints().sha1());
        }
    }

    CommsRuntime server() {
        return server;
    }

    PortForwarder network() {
        return network;
    }

    ServiceEndpoint agentEndpoint() {
        return agentEndpoint;
    }

    @Override
    public void close() {
        network.close();
        server.close();
        agent.close();
        services.close();
    }
}
