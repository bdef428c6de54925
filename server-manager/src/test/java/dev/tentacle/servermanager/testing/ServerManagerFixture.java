package dev.tentacle.servermanager.testing;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.TrustList;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdServiceManager;
import dev.tentacle.instances.service.SystemdUnitNames;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerInstanceSetup;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.testing.services.FakeSystemctl;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * What the Server Manager's tests run against, all real and all under one temporary directory: a registry
 * ({@code OCTOPUS_INSTANCES_DIR}), a systemd service manager whose {@code systemctl} is {@link FakeSystemctl}, Octopus
 * Server instances created through the engine with embedded H2 storage on free ports, server nodes, and Tentacle
 * agents. Never touches the machine's registry or services. Close it after each test.
 */
public final class ServerManagerFixture implements AutoCloseable {
    /** Short reconnects and pickups, so that polling Tentacles connect quickly in tests. */
    public static final CommsOptions COMMS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
            .pickupTimeout(Duration.ofSeconds(20))
            .build();

    private final Path root;
    private final FakeSystemctl systemctl;
    private final SystemdServiceManager services;
    private final Path runtimeDirectory;
    private final Path launcher;
    private final Map<String, String> variables = new HashMap<>();
    private final ServerStorages storages = new ServerStorages();
    private final List<AutoCloseable> open = new ArrayList<>();

    public ServerManagerFixture(Path root) {
        this.root = root;
        try {
            this.systemctl = FakeSystemctl.in(Files.createDirectories(root.resolve("systemctl")));
            this.runtimeDirectory = Files.createDirectories(root.resolve("run/systemd/system"));
            this.launcher = Files.writeString(Files.createDirectories(root.resolve("bin")).resolve("octopus-server"),
                    "#!/bin/sh\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.services = new SystemdServiceManager(SystemdServiceManager.Settings.defaults()
                .withUnitDirectory(root.resolve("units"))
                .withSystemctl("systemctl")
                .withRuntimeDirectory(runtimeDirectory), systemctl.runner());
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory().toString());
        variables.put("OCTOPUS_SERVER_LAUNCHER", launcher.toString());
    }

    public Path root() {
        return root;
    }

    public Path registryDirectory() {
        return root.resolve("registry");
    }

    /** The file services are installed to run (a placeholder script: the fake systemctl never runs it). */
    public Path launcher() {
        return launcher;
    }

    public FakeSystemctl systemctl() {
        return systemctl;
    }

    public SystemdServiceManager services() {
        return services;
    }

    /** The storages the app under test should use, so that tests and app share each instance's connection pool. */
    public ServerStorages storages() {
        return storages;
    }

    public ServerManagerFixture variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public HostEnvironment environment() {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", root.resolve("user-home"));
    }

    public InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.resolve(environment()), ApplicationKind.SERVER);
    }

    /** Engine calls and UI updates on the calling thread: for ViewModel tests without JavaFX. */
    public ServerManagerContext directContext() {
        Executor direct = Runnable::run;
        return new ServerManagerContext(environment(), () -> services, COMMS, direct, UiThread.direct());
    }

    /** Engine calls on virtual threads, UI updates on the JavaFX thread: for the app under TestFX. */
    public ServerManagerContext fxContext() {
        return new ServerManagerContext(environment(), () -> services, COMMS,
                Executors.newVirtualThreadPerTaskExecutor(), UiThread.fx());
    }

    /**
     * A registered server instance with a certificate and embedded H2 storage in its home directory, its web and comms
     * ports free loopback ports (not 8443 and 10943, which another test or program may hold).
     */
    public ServerInstance createServer(String name) {
        ServerInstance instance = new ServerInstanceSetup(registry())
                .create(name, root.resolve("homes").resolve(name), null).instance();
        ServerInstanceSetup.newCertificate(instance, false);
        int web = freePort();
        int comms = freePort();
        instance.update(c -> c.withWebListen(new WebListenAddress("127.0.0.1", web)).withCommsListenPort(comms));
        return instance;
    }

    /** The instance's storage, opened (and migrated) through {@link #storages()}. */
    public Storage storage(ServerInstance instance) {
        return storages.storage(instance);
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

    /** The systemd unit name of the instance's service, as the fake systemctl sees it. */
    public String unitName(String instance) {
        return SystemdUnitNames.unitName(ServiceName.octopusServer(instance));
    }

    /** systemd stops "running": the service manager becomes unavailable. */
    public void stopSystemd() {
        try {
            Files.delete(runtimeDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free TCP port on this machine, for settings that must name one. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory(String relative) {
        try {
            return Files.createDirectories(root.resolve(relative));
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
        services.install(dev.tentacle.instances.service.ServiceDefinition.builder(
                        ServiceName.octopusServer(instance.name()), launcher)
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
