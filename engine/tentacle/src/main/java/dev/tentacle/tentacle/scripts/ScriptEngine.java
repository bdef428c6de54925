package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.ArrayList;

/**
 * Runs scripts for {@link AgentScriptService} (v1) and {@link AgentScriptServiceV2}: one engine per agent instance,
 * over the instance's work directory. Every ticket has a workspace {@code WORK_DIRECTORY/TICKET/} holding the script,
 * its files, {@code state.json} and {@code output.log}, so a new engine over the same directory (the agent restarted)
 * still answers for it; see {@link ScriptRecovery} for what it reports about scripts that were running.
 *
 * <p>Starting a ticket the engine knows (running, finished, or completed within the retention) never runs the script
 * again. Thread-safe. {@link #close()} cancels the scripts still running, so that their recorded state is final.
 */
public final class ScriptEngine implements AutoCloseable {
    private final Path workDirectory;
    private final Path mutexDirectory;
    private final ScriptEngineOptions options;
    private final CompletedScripts completed;
    private final ConcurrentMap<ScriptTicket, ScriptRun> runs = new ConcurrentHashMap<>();
    private final ConcurrentMap<ScriptTicket, Object> ticketLocks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ScriptEngine(Path workDirectory) {
        this(workDirectory, ScriptEngineOptions.defaults());
    }

    /**
     * @throws java.io.UncheckedIOException when the work directory cannot be created or read
     */
    public ScriptEngine(Path workDirectory, ScriptEngineOptions options) {
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory").toAbsolutePath().normalize();
        this.options = Objects.requireNonNull(options, "options");
        this.mutexDirectory = options.mutexDirectory() != null ? options.mutexDirectory() : this.workDirectory.resolve(".mutexes");
        this.completed = new CompletedScripts(this.workDirectory.resolve(".completed"), options.completedRetention());
        try {
            Files.createDirectories(this.workDirectory);
            completed.prune();
            runs.putAll(ScriptRecovery.recover(this.workDirectory, completed, options));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not open the script work directory " + this.workDirectory + ": " + e.getMessage()
                    + ". Check that it exists or can be created, and that the agent's user may write to it.", e);
        }
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** Starts the script under the ticket, unless the ticket is already known; answers with the ticket's status. */
    public ScriptStatusResponse start(ScriptTicket ticket, StartScriptCommand command) {
        Requests.require(ticket, "ticket");
        Requests.require(command, "command");
        synchronized (ticketLock(ticket)) {
            ScriptStatusResponse known = knownStatus(ticket, 0);
            if (known != null) {
                return known;
            }
            if (closed) {
                throw new CommsException(ErrorCode.SHUTTING_DOWN, "The agent is stopping and starts no new scripts; try again when it is back.");
            }
            ScriptRun run = accept(ticket, command);
            runs.put(ticket, run);
            ScriptExecution.start(run, command, options, mutexDirectory);
            return run.status(0, options.maxLogLinesPerResponse());
        }
    }

    /** The ticket's state and the log page after {@code lastLogSequence}; COMPLETE with {@link ScriptExitCodes#UNKNOWN_SCRIPT} if unknown. */
    public ScriptStatusResponse status(ScriptTicket ticket, long lastLogSequence) {
        Requests.require(ticket, "ticket");
        ScriptStatusResponse known = knownStatus(ticket, lastLogSequence);
        return known != null ? known : unknown(ticket, lastLogSequence);
    }

    /** Cancels the script if it has not completed, and answers at once. */
    public ScriptStatusResponse cancel(ScriptTicket ticket, long lastLogSequence) {
        Requests.require(ticket, "ticket");
        ScriptRun run = runs.get(ticket);
        if (run != null) {
            run.cancel();
        }
        return status(ticket, lastLogSequence);
    }

    /**
     * Cancels the script if it still runs and waits for it to stop, then returns its final status and log page after
     * {@code lastLogSequence}, remembers that answer for retries, and deletes the workspace.
     */
    public ScriptStatusResponse complete(ScriptTicket ticket, long lastLogSequence) {
        Requests.require(ticket, "ticket");
        synchronized (ticketLock(ticket)) {
            ScriptRun run = runs.get(ticket);
            if (run == null) {
                return status(ticket, lastLogSequence);
            }
            run.cancel();
            awaitStopped(run);
            ScriptStatusResponse finalStatus = run.status(lastLogSequence, options.maxLogLinesPerResponse());
            try {
                completed.record(finalStatus);
                run.workspace().delete();
            } catch (IOException e) {
                throw new CommsException(ErrorCode.SERVICE_FAILED, "Script " + ticket + " finished, but its workspace " + run.workspace().directory()
                        + " could not be cleaned up: " + e.getMessage() + ". Check the agent's permissions on its work directory.");
            }
            runs.remove(ticket);
            ticketLocks.remove(ticket);
            completed.prune();
            return finalStatus;
        }
    }

    /** Cancels the scripts still running and waits (about the cancel grace period) for them to stop. */
    @Override
    public void close() {
        closed = true;
        List<ScriptRun> closing = new ArrayList<>();
        for (ScriptRun run : runs.values()) {
            if (!run.isComplete()) {
                run.debug("The agent is stopping: the script is cancelled.");
                run.cancel();
                closing.add(run);
            }
        }
        closing.forEach(this::awaitStopped);
    }

    private ScriptStatusResponse knownStatus(ScriptTicket ticket, long lastLogSequence) {
        ScriptRun run = runs.get(ticket);
        if (run != null) {
            try {
                return run.status(lastLogSequence, options.maxLogLinesPerResponse());
            } catch (java.io.UncheckedIOException e) {
                // completeScript deleted the workspace while this answer was being read: answer from its record.
                return completed.find(ticket, lastLogSequence).orElseThrow(() -> e);
            }
        }
        return completed.find(ticket, lastLogSequence).orElse(null);
    }

    private ScriptRun accept(ScriptTicket ticket, StartScriptCommand command) {
        ScriptWorkspace workspace = null;
        try {
            workspace = ScriptWorkspace.create(workDirectory, ticket, command);
            return ScriptRun.accepted(workspace);
        } catch (FileAlreadyExistsException e) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "The workspace " + e.getFile() + " already exists for a ticket that differs "
                    + "from '" + ticket + "' only in case; this file system ignores case, so issue tickets that differ in more than case.");
        } catch (IOException | RuntimeException e) {
            deleteQuietly(workspace);
            throw new CommsException(ErrorCode.SERVICE_FAILED, "Could not prepare the workspace for script " + ticket + " in " + workDirectory
                    + ": " + e.getMessage() + ". Check free disk space and the agent's permissions on its work directory.", e);
        }
    }

    private void awaitStopped(ScriptRun run) {
        Duration patience = options.cancelGracePeriod().multipliedBy(2).plus(options.outputDrainTimeout()).plusSeconds(5);
        if (!run.awaitCompletion(patience)) {
            throw new CommsException(ErrorCode.SERVICE_FAILED, "Script " + run.ticket() + " did not stop within " + patience
                    + " of being cancelled; its processes may be stuck in the operating system. Try again, or stop them by hand.");
        }
    }

    private Object ticketLock(ScriptTicket ticket) {
        return ticketLocks.computeIfAbsent(ticket, t -> new Object());
    }

    private static ScriptStatusResponse unknown(ScriptTicket ticket, long lastLogSequence) {
        List<ProcessOutput> note = lastLogSequence > 0 ? List.of() : List.of(new ProcessOutput(ProcessOutputSource.DEBUG,
                "This agent has no script with ticket " + ticket + ": it was never started here, or it was completed and cleaned up "
                        + "more than the retention period ago.", Instant.now(), 1));
        return new ScriptStatusResponse(ticket, ProcessState.COMPLETE, ScriptExitCodes.UNKNOWN_SCRIPT, note,
                note.isEmpty() ? lastLogSequence : 1);
    }

    private static void deleteQuietly(ScriptWorkspace workspace) {
        if (workspace != null) {
            try {
                workspace.delete();
            } catch (IOException e) {
                // The start failed already; the leftover directory has no state.json and is removed at the next start.
            }
        }
    }
}
