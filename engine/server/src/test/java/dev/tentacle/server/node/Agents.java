package dev.tentacle.server.node;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.tentacle.agent.TentacleServices;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Tentacle agents for server tests: a listening one, and polling ones that poll given server nodes. Public for the
 * command-line tests, which run health checks and scripts on them.
 */
public final class Agents implements AutoCloseable {
    public static final CommsOptions OPTIONS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
            .pickupTimeout(Duration.ofSeconds(20))
            .build();

    private final CertificateIdentity agent;
    private final CertificateIdentity server;
    private final List<AutoCloseable> open = new ArrayList<>();

    public Agents(CertificateIdentity agent, CertificateIdentity server) {
        this.agent = agent;
        this.server = server;
    }

    /** Starts a listening agent trusting the server; returns its port. */
    public int listening(Path home) {
        TentacleServices services = keep(TentacleServices.forHome(home));
        CommsRuntime.Builder builder = CommsRuntime.builder(agent).options(OPTIONS)
                .trust(TrustList.of(server.thumbprints().sha1()));
        services.registerOn(builder);
        return keep(builder.build()).listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
    }

    /** Starts a polling agent with this subscription that polls the server on each of the ports. */
    public void polling(Path home, String subscriptionId, int... serverPorts) {
        TentacleServices services = keep(TentacleServices.forHome(home));
        CommsRuntime.Builder builder = CommsRuntime.builder(agent).options(OPTIONS);
        services.registerOn(builder);
        CommsRuntime runtime = keep(builder.build());
        for (int port : serverPorts) {
            runtime.poll(subscriptionId, ServiceEndpoint.listening("127.0.0.1", port, server.thumbprints().sha256()));
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
