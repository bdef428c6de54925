package dev.tentacle.server.admin;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageRetry;
import dev.tentacle.server.storage.StorageUnavailableException;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogPage;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs tasks of one server instance for a program that is not the server itself (the command line's
 * {@code health-check} and {@code run-script}, the Server Manager): each task is queued in storage, run by a server
 * node, and followed to its end.
 *
 * <p>When a server node of this instance is alive (its heartbeat is recent), the task is only queued and followed: that
 * node runs it. Otherwise this starts a node of its own, without an API, on the configured polling port so that
 * polling Tentacles can reach it, and stops it on {@link #close()}. It keeps checking while it follows, so a server
 * that stops while the task waits is replaced by a node of its own.
 *
 * <p>Tell the person watching what happens through the notices consumer: which node runs the task, that the database
 * is away and back, a timeout. Following blocks the calling thread; interrupt it to stop following (the task goes on)
 * or call {@link #cancel} to cancel the task.
 */
public final class TaskExecution implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(1);
    /** How long a task asked to cancel (after a timeout) is followed before this stops waiting. */
    public static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
    private static final int LOG_PAGE = 1000;
    /** How long following waits for the database before it gives up. */
    public static final Duration STORAGE_WAIT = Duration.ofMinutes(2);

    /** What the task shows as it goes. Called on the following thread. */
    public interface Progress {
        void line(TaskLogLine line);

        void targetFinished(TaskTarget target);
    }

    /**
     * How the task ended, as far as this saw it.
     *
     * @param timedOut true when the timeout passed and the task was asked to cancel
     */
    public record Outcome(Task task, List<TaskTarget> targets, boolean timedOut) {
    }

    private final ServerInstance instance;
    private final ServerConfiguration configuration;
    private final Storage storage;
    private final CommsOptions comms;
    private final String nodeName;
    private final String requester;
    private final Consumer<String> notices;
    private final Clock clock = Clock.systemUTC();
    private ServerNode ownNode;
    private Thread shutdownHook;

    /**
     * @param storage the instance's open storage; the caller closes it, after this
     * @param comms the options of a node this starts
     * @param nodeName the name of a node this starts, such as {@link NodeNames#forCommand}
     * @param requester who the tasks are recorded as requested by
     * @param notices told what the person watching should know, one message at a time
     */
    public TaskExecution(ServerInstance instance, Storage storage, CommsOptions comms, String nodeName,
            String requester, Consumer<String> notices) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.configuration = instance.configuration();
        this.storage = Objects.requireNonNull(storage, "storage");
        this.comms = Objects.requireNonNull(comms, "comms");
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** True when a task on these machines needs the polling port: some of them poll. */
    public static boolean needsPollingPort(Collection<Machine> machines) {
        return machines.stream().anyMatch(m -> m.communicationStyle() == CommunicationStyle.POLLING);
    }

    /** Who the tasks are recorded as requested by. */
    public String requester() {
        return requester;
    }

    /** True while this runs a server node of its own. */
    public synchronized boolean runsOwnNode() {
        return ownNode != null;
    }

    /** Queues the task and follows it until it ends (or until {@link #CANCEL_WAIT} after a timeout). */
    public Outcome run(NewTask newTask, boolean needsPollingPort, Duration timeout, Progress progress) {
        return follow(queue(newTask, needsPollingPort), needsPollingPort, timeout, progress);
    }

    /**
     * Queues the task, first starting a node of its own when no server node of the instance is alive.
     *
     * @param needsPollingPort true when some target polls, so a node of this one's own must get the polling port
     * @throws CommsException ADDRESS_IN_USE when a node of its own is needed and the polling port is taken
     */
    public Task queue(NewTask newTask, boolean needsPollingPort) {
        Optional<ServerNodeRecord> live = NodeRecords.live(storage, clock, null);
        if (live.isEmpty()) {
            startOwnNode(needsPollingPort);
        }
        Task task = storage.tasks().create(newTask);
        storage.notifications().publish(StorageChannel.TASKS);
        notices.accept("Queued " + task.id() + ": " + task.description() + live.map(node -> "; server node "
                + node.name() + " runs it.").orElse("."));
        return task;
    }

    /**
     * Follows a queued task until it ends, telling the progress each new log line and each machine that finished.
     *
     * @param timeout how long to wait before asking the task to cancel; null for no limit
     * @throws IllegalStateException when the thread is interrupted (the task goes on)
     * @throws StorageUnavailableException when the database stays away for {@link #STORAGE_WAIT}
     */
    public Outcome follow(Task task, boolean needsPollingPort, Duration timeout, Progress progress) {
        Following following = new Following(task, needsPollingPort, timeout, progress);
        // A database that goes away for a moment (the server that owned the embedded database stopped, and this
        // process takes it over) interrupts the following, not the task.
        StorageRetry retry = StorageRetry.builder(STORAGE_WAIT).listener(new DatabaseWaitNotices(notices)).build();
        while (true) {
            Optional<Outcome> outcome = retry.call("Following " + task.id(), following::step);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            sleep();
        }
    }

    /** Asks the task to cancel: waiting machines are cancelled at once, running scripts are stopped on the agents. */
    public void cancel(TaskId task) {
        storage.tasks().requestCancel(task, requester);
        storage.notifications().publish(StorageChannel.TASKS);
    }

    /** The state of following one task; each step carries on from where the last one got, so a step may be retried. */
    private final class Following {
        private final Task task;
        private final boolean needsPollingPort;
        private final Duration timeout;
        private final Progress progress;
        private final Instant deadline;
        private final Set<MachineId> reported = new HashSet<>();
        private long after;
        private Instant nextLivenessCheck;
        private Instant giveUpAt;

        Following(Task task, boolean needsPollingPort, Duration timeout, Progress progress) {
            this.task = task;
            this.needsPollingPort = needsPollingPort;
            this.timeout = timeout;
            this.progress = progress;
            this.deadline = timeout == null ? null : clock.instant().plus(timeout);
            this.nextLivenessCheck = clock.instant().plus(LIVENESS_CHECK);
        }

        /** Shows what is new; returns the outcome once the task has ended (or this stops waiting). */
        Optional<Outcome> step() {
            readLog();
            List<TaskTarget> targets = storage.tasks().targets(task.id());
            reportFinished(targets);
            Task current = storage.tasks().get(task.id()).orElseThrow();
            if (current.state().isFinished()) {
                readLog();
                targets = storage.tasks().targets(task.id());
                reportFinished(targets);
                return Optional.of(new Outcome(current, targets, giveUpAt != null));
            }
            Instant now = clock.instant();
            if (!runsOwnNode() && !now.isBefore(nextLivenessCheck)) {
                nextLivenessCheck = now.plus(LIVENESS_CHECK);
                if (NodeRecords.live(storage, clock, null).isEmpty()) {
                    notices.accept("The server node that was to run " + task.id() + " stopped.");
                    startOwnNode(needsPollingPort);
                }
            }
            if (deadline != null && giveUpAt == null && now.isAfter(deadline)) {
                notices.accept("Timed out after " + timeout.toSeconds() + " s: cancelling " + task.id() + ".");
                cancel(task.id());
                giveUpAt = now.plus(CANCEL_WAIT);
            }
            if (giveUpAt != null && now.isAfter(giveUpAt)) {
                notices.accept(task.id() + " has not ended " + CANCEL_WAIT.toSeconds() + " s after it was asked to"
                        + " cancel; no longer waiting for it.");
                return Optional.of(new Outcome(current, targets, true));
            }
            return Optional.empty();
        }

        private void readLog() {
            TaskLogPage page;
            do {
                page = storage.taskLogs().read(task.id(), after, LOG_PAGE);
                page.lines().forEach(progress::line);
                after = page.nextAfterSequence();
            } while (page.more());
        }

        private void reportFinished(List<TaskTarget> targets) {
            for (TaskTarget target : targets) {
                if (target.state().isFinished() && reported.add(target.machineId())) {
                    progress.targetFinished(target);
                }
            }
        }
    }

    private synchronized void startOwnNode(boolean needsPollingPort) {
        if (ownNode != null) {
            return;
        }
        CertificateIdentity identity = instance.certificates().load(configuration);
        int port = configuration.commsListenPort();
        NodeSettings settings = NodeSettings.defaults(nodeName, new InetSocketAddress(port))
                // This runs the tasks it queues; scheduled health checks are the running server's business.
                .withScheduleInterval(Duration.ofDays(1));
        ServerNode node;
        try {
            node = NodeStarter.start(instance, storage, identity, settings, comms, Optional.empty());
        } catch (CommsException e) {
            if (e.code() != ErrorCode.ADDRESS_IN_USE || needsPollingPort) {
                throw e;
            }
            // Only listening Tentacles: the node calls them, so any port will do.
            node = NodeStarter.start(instance, storage, identity,
                    settings.withCommsListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), comms,
                    Optional.empty());
        }
        ownNode = node;
        shutdownHook = new Thread(this::close, "octopus-server-task-execution-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        notices.accept("No Octopus Server is running for the instance '" + instance.name() + "', so the"
                + " task runs here, on a server node of its own: " + node.name() + (node.commsPort() == port
                        ? " (polling Tentacles connect on port " + port + ")." : "."));
    }

    private void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while following the task", e);
        }
    }

    /** Stops the node of its own, if it started one. */
    @Override
    public synchronized void close() {
        if (ownNode == null) {
            return;
        }
        ServerNode node = ownNode;
        ownNode = null;
        NodeRecords.stopAndForget(node, storage, notices);
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already.
            }
        }
    }
}
