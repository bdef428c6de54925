package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageRetry;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogPage;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One task run from the command line: queued in storage, run by a server node, followed to its end.
 *
 * <p>When a server node of this instance is alive (its heartbeat is recent), the command only queues the task and
 * follows it: that node runs it. Otherwise the command starts a node of its own, without an API, on the configured
 * polling port so that polling Tentacles can reach it, and stops it when the task has ended. It keeps checking, so a
 * server that stops while the task waits is replaced by the command's own node.
 */
final class CommandTask implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(1);
    /** How long a task asked to cancel (after --timeout) is followed before the command stops waiting. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
    private static final int LOG_PAGE = 1000;
    /** How long the command waits for the database while following, before it gives up following. */
    static final Duration STORAGE_WAIT = Duration.ofMinutes(2);

    /** What the command shows as the task goes. Called on the command's thread. */
    interface Progress {
        void line(TaskLogLine line);

        void targetFinished(TaskTarget target);
    }

    /**
     * How the task ended, as far as the command saw it.
     *
     * @param timedOut true when the command's timeout passed and it asked the task to cancel
     */
    record Outcome(Task task, List<TaskTarget> targets, boolean timedOut) {
    }

    private final ServerInstance instance;
    private final ServerConfiguration configuration;
    private final Storage storage;
    private final ServerCliContext context;
    private final PrintWriter err;
    private final Clock clock = Clock.systemUTC();
    private ServerNode ownNode;
    private Thread shutdownHook;

    CommandTask(ServerInstance instance, ServerConfiguration configuration, Storage storage, ServerCliContext context,
            PrintWriter err) {
        this.instance = instance;
        this.configuration = configuration;
        this.storage = storage;
        this.context = context;
        this.err = err;
    }

    /**
     * Queues the task and follows it until it ends.
     *
     * @param needsPollingPort true when some target polls, so a node of the command's own must get the polling port
     * @param timeout how long to wait before asking the task to cancel; null for no limit
     */
    Outcome run(NewTask newTask, boolean needsPollingPort, Duration timeout, Progress progress) {
        Optional<ServerNodeRecord> live = NodeRecords.live(storage, clock, null);
        if (live.isEmpty()) {
            startOwnNode(needsPollingPort);
        }
        Task task = storage.tasks().create(newTask);
        storage.notifications().publish(StorageChannel.TASKS);
        err.println("Queued " + task.id() + ": " + task.description() + live.map(node -> "; server node " + node.name()
                + " runs it.").orElse("."));
        err.flush();
        Following following = new Following(task, needsPollingPort, timeout, progress);
        // A database that goes away for a moment (the server that owned the embedded database stopped, and this
        // process takes it over) interrupts the following, not the task.
        StorageRetry retry = StorageRetry.builder(STORAGE_WAIT).listener(new StorageWaitReport(err)).build();
        while (true) {
            Optional<Outcome> outcome = retry.call("Following " + task.id(), following::step);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            sleep();
        }
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

        /** Shows what is new; returns the outcome once the task has ended (or the command stops waiting). */
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
            if (ownNode == null && !now.isBefore(nextLivenessCheck)) {
                nextLivenessCheck = now.plus(LIVENESS_CHECK);
                if (NodeRecords.live(storage, clock, null).isEmpty()) {
                    err.println("The server node that was to run " + task.id() + " stopped.");
                    startOwnNode(needsPollingPort);
                }
            }
            if (deadline != null && giveUpAt == null && now.isAfter(deadline)) {
                err.println("Timed out after " + timeout.toSeconds() + " s: cancelling " + task.id() + ".");
                err.flush();
                storage.tasks().requestCancel(task.id(), requester());
                storage.notifications().publish(StorageChannel.TASKS);
                giveUpAt = now.plus(CANCEL_WAIT);
            }
            if (giveUpAt != null && now.isAfter(giveUpAt)) {
                err.println(task.id() + " has not ended " + CANCEL_WAIT.toSeconds() + " s after it was asked to"
                        + " cancel; no longer waiting for it.");
                err.flush();
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

    /** Who the tasks of this command are recorded as requested by. */
    String requester() {
        return "octopus-server command line (" + context.environment().userName() + ")";
    }

    private void startOwnNode(boolean needsPollingPort) {
        CertificateIdentity identity = instance.certificates().load(configuration);
        int port = configuration.commsListenPort();
        NodeSettings settings = NodeSettings.defaults(NodeNames.forCommand(ProcessHandle.current().pid()),
                        new InetSocketAddress(port))
                // The command runs one task; scheduled health checks are the running server's business.
                .withScheduleInterval(Duration.ofDays(1));
        ServerNode node;
        try {
            node = NodeStarter.start(instance, storage, identity, settings, context, Optional.empty());
        } catch (CommsException e) {
            if (e.code() != ErrorCode.ADDRESS_IN_USE || needsPollingPort) {
                throw e;
            }
            // Only listening Tentacles: the node calls them, so any port will do.
            node = NodeStarter.start(instance, storage, identity,
                    settings.withCommsListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), context,
                    Optional.empty());
        }
        ownNode = node;
        shutdownHook = new Thread(this::close, "octopus-server-command-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        err.println("No Octopus Server is running for the instance '" + instance.name() + "', so this command runs the"
                + " task itself as server node " + node.name() + (node.commsPort() == port
                        ? " (polling Tentacles connect on port " + port + ")." : "."));
        err.flush();
    }

    private void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while following the task", e);
        }
    }

    /** Stops the command's own node, if it started one. */
    @Override
    public synchronized void close() {
        if (ownNode == null) {
            return;
        }
        ServerNode node = ownNode;
        ownNode = null;
        NodeRecords.stopAndForget(node, storage, err);
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already.
            }
        }
    }
}
