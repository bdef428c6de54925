package dev.tentacle.servermanager.testing;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.TrustList;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerInstanceSetup;
import dev.tentacle.server.admin.ServerServiceDefinition;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.testing.services.FakeSystemctl;
import dev.tentacle.testing.services.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * What the Server Manager's tests run against, all real and all under one temporary directory: a registry
 * ({@code OCTOPUS_INSTANCES_DIR}), a systemd service manager whose {@code systemctl} is {@link FakeSystemctl}, Octopus
 * Server instances created through the engine with embedded H2 storage on free ports, server nodes, and Tentacle
 * agents. Never touches the machine's registry or services. Close it after each test.
 */
public final class ServerManagerFixture extends TestHost implements AutoCloseable {
    /** Short reconnects and pickups, so that polling Tentacles connect quickly in tests. */
    public static final CommsOptions COMMS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
            .pickupTimeout(Duration.ofSeconds(20))
            .build();

    /** The machine policy {@link #addNoRetriesPolicy} adds. */
    public static final String NO_RETRIES = "No retries";

    private final ServerStorages storages = new ServerStorages();
    private final List<AutoCloseable> open = new ArrayList<>();

    public ServerManagerFixture(Path root) {
        super(root, ApplicationKind.SERVER, ServerServiceDefinition.LAUNCHER_VARIABLE);
    }

    /** The storages the app under test should use, so that tests and app share each instance's connection pool. */
    public ServerStorages storages() {
        return storages;
    }

    @Override
    public ServerManagerFixture variable(String name, String value) {
        super.variable(name, value);
        return this;
    }

    /** Engine calls and UI updates on the calling thread: for ViewModel tests without JavaFX. */
    public ServerManagerContext directContext() {
        Executor direct = Runnable::run;
        return new ServerManagerContext(environment(), () -> services(), COMMS, direct, UiThread.direct());
    }

    /** Engine calls on virtual threads, UI updates on the JavaFX thread: for the app under TestFX. */
    public ServerManagerContext fxContext() {
        return new ServerManagerContext(environment(), () -> services(), COMMS,
                Executors.newVirtualThreadPerTaskExecutor(), UiThread.fx());
    }

    /**
     * A registered server instance with a certificate and embedded H2 storage in its home directory, its web and comms
     * ports free loopback ports (not 8443 and 10943, which another test or program may hold).
     */
    public ServerInstance createServer(String name) {
        ServerInstance instance = new ServerInstanceSetup(registry())
                .create(name, root().resolve("homes").resolve(name), null).instance();
        ServerInstanceSetup.newCertificate(instance, false);
        int web = freePort();
        int comms = freePortOtherThan(web);
        instance.update(c -> c.withWebListen(new WebListenAddress("127.0.0.1", web)).withCommsListenPort(comms));
        return instance;
    }

    /** The instance's storage, opened (and migrated) through {@link #storages()}. */
    public Storage storage(ServerInstance instance) {
        return storages.storage(instance);
    }

    /**
     * Adds the machine policy {@value #NO_RETRIES}, under which calls to an unreachable machine fail at once rather
     * than after the default policy's 2 min 30 s of retries; returns its name.
     */
    public static String addNoRetriesPolicy(Storage storage) {
        storage.machinePolicies().add(MachinePolicySettings.defaults(NO_RETRIES).withRpcRetryEnabled(false));
        return NO_RETRIES;
    }

    /** The instance's certificate, as the server presents it. */
    public CertificateIdentity identity(ServerInstance instance) {
        return instance.certificates().load(instance.configuration());
    }

    /**
     * Starts a server node of the instance, as {@code octopus-server run} does but without the API: listening for
     * polling Tentacles on the instance's comms port, scanning for queued work every 100 ms. Stopped by
     * {@link #close()}, or by the test.
     */
    public ServerNode startNode(ServerInstance instance) {
        ServerConfiguration configuration = instance.configuration();
        NodeSettings settings = NodeSettings.defaults("test-node-" + instance.name(),
                        new InetSocketAddress("127.0.0.1", configuration.commsListenPort()))
                .withScanInterval(Duration.ofMillis(100))
                .withScheduleInterval(Duration.ofHours(1));
        return keep(ServerNode.start(storage(instance), identity(instance), settings, COMMS, Optional.empty(),
                Clock.systemUTC()));
    }

    /**
     * A running listening Tentacle agent with a certificate of its own, trusting the instance's certificate.
     *
     * @see #addListening(ServerInstance, TestTentacle)
     */
    public TestTentacle listeningTentacle(ServerInstance trusted, String name) {
        return listeningTentacle(trusted, name, CertificateGenerator.generate(name));
    }

    /** A running listening Tentacle agent with the given certificate, trusting the instance's certificate. */
    public TestTentacle listeningTentacle(ServerInstance trusted, String name, CertificateIdentity identity) {
        Path home = directory("tentacles/" + name);
        TentacleServices agentServices = keep(TentacleServices.forHome(home));
        CommsRuntime.Builder builder = CommsRuntime.builder(identity).options(COMMS)
                .trust(TrustList.of(identity(trusted).thumbprints().sha1()));
        agentServices.registerOn(builder);
        CommsRuntime runtime = keep(builder.build());
        int port = runtime.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
        return new TestTentacle(name, identity, home, port, runtime);
    }

    /** Registers the listening Tentacle as a machine of the instance, trusted by its thumbprint. */
    public Machine addListening(ServerInstance instance, TestTentacle tentacle) {
        return storage(instance).machines().add(NewMachine.listening(tentacle.name(), tentacle.uri(),
                tentacle.identity().thumbprints().sha256()));
    }

    /**
     * A polling Tentacle registered as a machine of the instance, its agent polling the instance's comms port (start a
     * node with {@link #startNode} for it to connect to).
     */
    public TestTentacle pollingTentacle(ServerInstance instance, String name) {
        CertificateIdentity identity = CertificateGenerator.generate(name);
        Path home = directory("tentacles/" + name);
        TentacleServices agentServices = keep(TentacleServices.forHome(home));
        CommsRuntime.Builder builder = CommsRuntime.builder(identity).options(COMMS);
        agentServices.registerOn(builder);
        CommsRuntime runtime = keep(builder.build());
        storage(instance).machines().add(NewMachine.polling(name, name, identity.thumbprints().sha256()));
        runtime.poll(name, ServiceEndpoint.listening("127.0.0.1", instance.configuration().commsListenPort(),
                identity(instance).thumbprints().sha256()));
        return new TestTentacle(name, identity, home, 0, runtime);
    }

    /** A free TCP port on this machine, for settings that must name one. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port that is not {@code taken}: the system may hand out again the port it just took back. */
    private static int freePortOtherThan(int taken) {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private Path directory(String relative) {
        try {
            return Files.createDirectories(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    /** Stops agents and nodes (last started first), then closes the storages. */
    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // Already stopped by the test; carry on closing the rest.
            }
        }
        open.clear();
        storages.close();
    }

    /** Installs the instance's service through the fake systemctl, running the fixture's launcher; reported running. */
    public void installService(ServerInstance instance) {
        services().install(dev.tentacle.instances.service.ServiceDefinition.builder(
                        ServiceName.octopusServer(instance.name()), launcher())
                .arguments(dev.tentacle.instances.service.ServiceDefinition.runArguments(instance.name()))
                .workingDirectory(instance.configuration().homeDirectory())
                .build());
    }

    /**
     * A Tentacle agent started by the fixture.
     *
     * @param port its listening port; 0 for a polling Tentacle
     */
    public record TestTentacle(String name, CertificateIdentity identity, Path home, int port, CommsRuntime runtime) {
        /** The address a listening Tentacle is registered with: {@code https://127.0.0.1:PORT/}. */
        public URI uri() {
            return URI.create("https://127.0.0.1:" + port + "/");
        }

        /** Stops the agent: it no longer answers (listening) or polls (polling). */
        public void stop() {
            runtime.close();
        }
    }
}
