package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One script run as the engine tracks it: its recorded state (kept in {@code state.json} at every change), its log,
 * and how to cancel whatever drives it (a fresh {@link ScriptExecution} or, after a restart, an {@link OrphanWatch}).
 * Once complete, its log is closed, so that a COMPLETE answer always comes with the whole log.
 */
final class ScriptRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRun.class);

    private final ScriptWorkspace workspace;
    private final OutputLog log;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private ScriptState state;
    private volatile Runnable canceller = () -> { };

    private ScriptRun(ScriptWorkspace workspace, OutputLog log, ScriptState state) {
        this.workspace = workspace;
        this.log = log;
        this.state = state;
        if (state.state() == ProcessState.COMPLETE) {
            log.close();
            completion.complete(null);
        }
    }

    /** A run just accepted: records STARTING. */
    static ScriptRun accepted(ScriptWorkspace workspace) throws IOException {
        ScriptState starting = ScriptState.starting(workspace.ticket(), Instant.now());
        workspace.writeState(starting);
        return new ScriptRun(workspace, OutputLog.open(workspace.outputLog()), starting);
    }

    /** A run found on disk when the engine started. */
    static ScriptRun recovered(ScriptWorkspace workspace, ScriptState state) throws IOException {
        return new ScriptRun(workspace, OutputLog.open(workspace.outputLog()), state);
    }

    ScriptTicket ticket() {
        return workspace.ticket();
    }

    ScriptWorkspace workspace() {
        return workspace;
    }

    synchronized ScriptState recordedState() {
        return state;
    }

    void output(ProcessOutputSource source, String text) {
        log.append(source, text, Instant.now());
    }

    void debug(String text) {
        output(ProcessOutputSource.DEBUG, text);
    }

    void running(ProcessHandle process) {
        synchronized (this) {
            state = state.running(process.pid(), process.info().startInstant().orElse(null));
        }
        persist();
    }

    /** Records the exit code; later calls change nothing. */
    boolean complete(int exitCode) {
        synchronized (this) {
            if (state.state() == ProcessState.COMPLETE) {
                return false;
            }
            log.close();
            state = state.complete(exitCode, Instant.now());
        }
        persist();
        completion.complete(null);
        return true;
    }

    boolean isComplete() {
        return completion.isDone();
    }

    ScriptStatusResponse status(long lastLogSequence, int maxLines) {
        ScriptState current = recordedState();
        List<ProcessOutput> page = log.readAfter(lastLogSequence, maxLines);
        long next = page.isEmpty() ? lastLogSequence : page.getLast().sequence();
        return new ScriptStatusResponse(ticket(), current.state(), current.exitCode(), page, next);
    }

    void onCancel(Runnable action) {
        this.canceller = action;
    }

    void cancel() {
        if (!isComplete()) {
            canceller.run();
        }
    }

    /** Waits for completion; true when complete within the time. */
    boolean awaitCompletion(Duration timeout) {
        try {
            completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void persist() {
        ScriptState snapshot = recordedState();
        try {
            workspace.writeState(snapshot);
        } catch (IOException e) {
            LOG.warn("Could not record the state of script {} in {}: {}. A restarted agent may report it differently; "
                    + "check free disk space in the work directory.", ticket(), workspace.stateFile(), e.getMessage());
        }
    }
}
