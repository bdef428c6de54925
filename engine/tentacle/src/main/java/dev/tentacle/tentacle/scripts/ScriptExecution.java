package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a fresh script run on its own virtual thread: waits for the isolation mutex, starts the shell, copies its
 * output into the log, waits for it to exit, and records the exit code. Cancelling sets a flag that ends a mutex
 * wait (no thread is interrupted) or stops the running process tree.
 */
final class ScriptExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptExecution.class);

    private final ScriptRun run;
    private final StartScriptCommand command;
    private final ScriptEngineOptions options;
    private final Path mutexDirectory;
    private boolean cancelled;
    private Process process;

    private ScriptExecution(ScriptRun run, StartScriptCommand command, ScriptEngineOptions options, Path mutexDirectory) {
        this.run = run;
        this.command = command;
        this.options = options;
        this.mutexDirectory = mutexDirectory;
    }

    static void start(ScriptRun run, StartScriptCommand command, ScriptEngineOptions options, Path mutexDirectory) {
        ScriptExecution execution = new ScriptExecution(run, command, options, mutexDirectory);
        run.onCancel(execution::cancel);
        Thread.ofVirtual().name("script-" + run.ticket()).start(execution::execute);
    }

    private void execute() {
        int exitCode;
        try {
            exitCode = runIsolated();
        } catch (RuntimeException e) {
            LOG.warn("Script {} failed inside the agent", run.ticket(), e);
            run.debug("The agent could not run the script: " + e.getMessage());
            exitCode = ScriptExitCodes.FATAL;
        }
        run.complete(exitCode);
    }

    private int runIsolated() {
        String name = command.isolationMutexName();
        Duration timeout = command.isolationTimeout();
        IsolationMutex mutex = IsolationMutex.named(mutexDirectory, name);
        IsolationMutex.Outcome outcome = mutex.acquire(run.ticket().value(), command.isolation(), timeout, this::isCancelled,
                heldBy -> run.debug("Waiting for the script isolation mutex '" + name + "' (" + heldBy + ")"
                        + (timeout == null ? "." : ", for at most " + timeout + ".")));
        return switch (outcome) {
            case CANCELLED -> {
                run.debug("The script was cancelled while it waited for the isolation mutex '" + name + "'; it did not run.");
                yield ScriptExitCodes.CANCELED;
            }
            case TIMED_OUT -> {
                run.debug("The script did not get the isolation mutex '" + name + "' within " + timeout + ", so it did not run. "
                        + "Another script held the mutex all that time: run this one again when that one has finished, give it a "
                        + "longer isolation timeout, or use NO_ISOLATION or another mutex name if the scripts may run side by side.");
                yield ScriptExitCodes.TIMEOUT;
            }
            case ACQUIRED -> {
                try {
                    yield runProcess();
                } finally {
                    mutex.release(run.ticket().value(), command.isolation());
                }
            }
        };
    }

    private int runProcess() {
        List<String> commandLine;
        try {
            commandLine = ShellCommands.command(command.syntax(), run.workspace().scriptFile(command.syntax()), command.arguments(),
                    ShellCommands.isWindows());
        } catch (UnsupportedOperationException e) {
            run.debug(e.getMessage());
            return ScriptExitCodes.FATAL;
        }
        Process started;
        synchronized (this) {
            if (cancelled) {
                run.debug("The script was cancelled before it started; it did not run.");
                return ScriptExitCodes.CANCELED;
            }
            try {
                started = new ProcessBuilder(commandLine).directory(run.workspace().directory().toFile()).start();
            } catch (IOException e) {
                run.debug("Could not start '" + commandLine.getFirst() + "': " + e.getMessage() + ". Install " + commandLine.getFirst()
                        + " on this machine and put it on the agent's PATH, or send the script in another syntax.");
                return ScriptExitCodes.FATAL;
            }
            process = started;
        }
        closeInput(started);
        run.running(started.toHandle());
        OutputPump stdout = OutputPump.start(started.getInputStream(), ProcessOutputSource.STDOUT, run);
        OutputPump stderr = OutputPump.start(started.getErrorStream(), ProcessOutputSource.STDERR, run);
        int exitCode = waitFor(started);
        boolean drained = stdout.awaitEnd(options.outputDrainTimeout()) & stderr.awaitEnd(options.outputDrainTimeout());
        if (!drained) {
            run.debug("A process the script started in the background still holds the script's output open; what it writes from now on "
                    + "is not collected.");
        }
        if (isCancelled()) {
            run.debug("The script was cancelled and its process tree stopped (the script's process exited with " + exitCode + ").");
            return ScriptExitCodes.CANCELED;
        }
        return exitCode;
    }

    private int waitFor(Process started) {
        while (true) {
            try {
                return started.waitFor();
            } catch (InterruptedException e) {
                cancel();
            }
        }
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    private void cancel() {
        Process target;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            target = process;
        }
        if (target != null) {
            run.debug("Cancelling: stopping the script's process tree (process " + target.pid() + " and its descendants).");
            Thread.ofVirtual().name("cancel-" + run.ticket()).start(() -> ProcessTrees.kill(target.toHandle(), options.cancelGracePeriod()));
        }
    }

    private static void closeInput(Process started) {
        try {
            started.getOutputStream().close();
        } catch (IOException e) {
            // A script that reads its input sees end of input either way.
        }
    }
}
