package dev.tentacle.server.node;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.LoggingCommsListener;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServer;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.machines.HealthChecker;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskKind;
import dev.tentacle.server.tasks.HealthCheckTargetRunner;
import dev.tentacle.server.tasks.ScriptTargetRunner;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Octopus Server node: listens for polling Tentacles, serves the API (when asked to), runs queued tasks,
 * schedules health checks, and keeps its heartbeat in storage. Several nodes may share one PostgreSQL database; each
 * machine's part of a task then runs on the node that can reach the machine.
 *
 * <p>The node does not own the storage it is given: closing the node leaves it open.
 */
public final class ServerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerNode.class);

    private final NodeSettings settings;
    private final Storage storage;
    private final CommsRuntime runtime;
    private final int commsPort;
    private final TaskWorker worker;
    private final MachineTrust trust;
    private final ScheduledExecutorService timers;
    private final ApiServer api;
    private final Clock clock;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    private ServerNode(NodeSettings settings, Storage storage, CommsRuntime runtime, int commsPort, TaskWorker worker,
            MachineTrust trust, ScheduledExecutorService timers, ApiServer api, Clock clock) {
        this.settings = settings;
        this.storage = storage;
        this.runtime = runtime;
        this.commsPort = commsPort;
        this.worker = worker;
        this.trust = trust;
        this.timers = timers;
        this.api = api;
        this.clock = clock;
    }

    /**
     * Starts a node.
     *
     * @param apiSettings where to serve the API; empty for a node that serves none (a command-line run of one task)
     * @throws IllegalStateException when the comms or API port cannot be bound (the message names it)
     * @throws StorageException when the storage cannot be read
     */
    public static ServerNode start(Storage storage, CertificateIdentity identity, NodeSettings settings,
            CommsOptions commsOptions, Optional<ApiServerSettings> apiSettings, Clock clock) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(settings, "settings");
        List<AutoCloseable> started = new ArrayList<>();
        try {
            WakeOnSubscriber wakeOnSubscriber = new WakeOnSubscriber();
            CommsRuntime runtime = CommsRuntime.builder(identity).options(commsOptions).listener(wakeOnSubscriber).build();
            started.add(runtime);
            MachineTrust trust = new MachineTrust(runtime, storage);
            trust.refresh();
            int commsPort = runtime.listen(settings.commsListen(), "Octopus Server polling endpoint");
            HealthChecker checker = new HealthChecker(runtime, clock);
            TaskWorker worker = new TaskWorker(settings, runtime, storage, Map.of(
                    TaskKind.HEALTH_CHECK, new HealthCheckTargetRunner(checker, storage, clock),
                    TaskKind.SCRIPT, new ScriptTargetRunner(runtime, storage)), clock);
            started.add(worker);
            wakeOnSubscriber.worker = worker;
            ApiServer api = null;
            if (apiSettings.isPresent()) {
                ApiServerSettings requested = apiSettings.get();
                api = ApiServer.start(storage, new ApiServerSettings(requested.identity(), requested.bindHost(),
                        requested.port(), commsPort));
                started.add(api);
            }
            abandonOwnUnfinishedWork(storage, settings.name());
            storage.nodes().started(settings.name(), commsPort, api == null ? null : api.localUri().toString());
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("octopus-node-timers").factory());
            ServerNode node = new ServerNode(settings, storage, runtime, commsPort, worker, trust, timers, api, clock);
            node.startBackgroundWork();
            LOG.info("Server node {} started: polling Tentacles connect on port {}{}; TLS {}", settings.name(), commsPort,
                    api == null ? "" : ", API at " + api.localUri(), runtime.tlsImplementation());
            return node;
        } catch (RuntimeException | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            throw e;
        }
    }

    private void startBackgroundWork() {
        subscriptions.add(storage.notifications().subscribe(StorageChannel.TASKS, worker::wake));
        subscriptions.add(storage.notifications().subscribe(StorageChannel.MACHINES, this::refreshTrust));
        worker.start();
        HealthCheckScheduler scheduler = new HealthCheckScheduler(storage, settings.name());
        long schedule = settings.scheduleInterval().toMillis();
        timers.scheduleWithFixedDelay(() -> scheduler.queueDue().ifPresent(task -> worker.wake()), schedule, schedule,
                TimeUnit.MILLISECONDS);
        long heartbeat = settings.heartbeatInterval().toMillis();
        timers.scheduleWithFixedDelay(this::heartbeatNow, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long scan = settings.scanInterval().toMillis();
        timers.scheduleWithFixedDelay(this::refreshTrust, scan, Math.max(scan, 2000), TimeUnit.MILLISECONDS);
    }

    /** The node's name. */
    public String name() {
        return settings.name();
    }

    /** The port polling Tentacles connect to; the one chosen when the settings asked for 0. */
    public int commsPort() {
        return commsPort;
    }

    /** The API, when this node serves one. */
    public Optional<ApiServer> api() {
        return Optional.ofNullable(api);
    }

    /** This node's certificate thumbprints, the ones Tentacles must trust. */
    public CertificateThumbprints thumbprints() {
        return runtime.thumbprints();
    }

    /** Polling connections a subscription has to this node now. */
    public int connectedSubscribers(String subscriptionId) {
        return runtime.connectedSubscribers(subscriptionId);
    }

    /** Machine parts of tasks running on this node now. */
    public int runningTargets() {
        return worker.runningCount();
    }

    /** Looks for queued work now, rather than at the next scan. */
    public void wake() {
        worker.wake();
    }

    /** Reloads the registered machines' thumbprints now, rather than at the next refresh. */
    public void refreshTrust() {
        try {
            if (trust.refresh()) {
                LOG.info("Trusted machines changed: now trusting {} thumbprint(s)", runtime.trust().thumbprints().size());
            }
        } catch (StorageException e) {
            LOG.warn("Cannot reload the trusted machines: {}. Keeping the current list", e.getMessage());
        }
    }

    /** Records the heartbeat and fails the work of silent nodes now; the timer does it every heartbeat interval. */
    void heartbeatNow() {
        try {
            storage.nodes().heartbeat(settings.name());
            for (var silent : storage.nodes().silentSince(clock.instant().minus(settings.silentNodeTimeout()),
                    settings.name())) {
                List<TaskId> tasks = storage.tasks().abandonClaimsOf(silent.name(), "Server node " + silent.name()
                        + " stopped (last seen " + silent.lastSeen() + ") while this ran; run the task again.");
                tasks.forEach(storage.tasks()::finishIfComplete);
                if (!tasks.isEmpty()) {
                    LOG.warn("Server node {} was last seen at {}; failed its unfinished work in {} task(s)", silent.name(),
                            silent.lastSeen(), tasks.size());
                }
            }
        } catch (StorageException e) {
            LOG.warn("Cannot record this node's heartbeat: {}", e.getMessage());
        }
    }

    private static void abandonOwnUnfinishedWork(Storage storage, String node) {
        List<TaskId> tasks = storage.tasks().abandonClaimsOf(node, "Server node " + node
                + " restarted while this ran; run the task again.");
        tasks.forEach(storage.tasks()::finishIfComplete);
        if (!tasks.isEmpty()) {
            LOG.warn("This node stopped while it ran parts of {} task(s); they are marked failed", tasks.size());
        }
    }

    /** Stops the schedule, the API and the worker (running parts are failed and recorded), then the comms. */
    @Override
    public void close() {
        subscriptions.forEach(ServerNode::closeQuietly);
        timers.shutdownNow();
        if (api != null) {
            closeQuietly(api);
        }
        worker.close();
        runtime.close();
        LOG.info("Server node {} stopped", settings.name());
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Could not close {} cleanly: {}", resource, e.toString());
        }
    }

    /** Logs connection events, and wakes the worker when a polling Tentacle connects, so its waiting work starts. */
    private static final class WakeOnSubscriber implements CommsListener {
        private final LoggingCommsListener log = new LoggingCommsListener();
        private volatile TaskWorker worker;

        @Override
        public void connectionAccepted(SocketAddress remote, CertificateThumbprints peer, String identity) {
            log.connectionAccepted(remote, peer, identity);
        }

        @Override
        public void connectionRejected(SocketAddress remote, CommsException reason) {
            log.connectionRejected(remote, reason);
        }

        @Override
        public void welcomePageServed(SocketAddress remote) {
            log.welcomePageServed(remote);
        }

        @Override
        public void subscriberConnected(String subscriptionId, SocketAddress remote) {
            log.subscriberConnected(subscriptionId, remote);
            TaskWorker current = worker;
            if (current != null) {
                current.wake();
            }
        }

        @Override
        public void subscriberDisconnected(String subscriptionId, SocketAddress remote) {
            log.subscriberDisconnected(subscriptionId, remote);
        }
    }

    @Override
    public String toString() {
        return "ServerNode[" + settings.name() + ", comms port " + commsPort + (api == null ? "" : ", API " + api.localUri()) + "]";
    }
}
