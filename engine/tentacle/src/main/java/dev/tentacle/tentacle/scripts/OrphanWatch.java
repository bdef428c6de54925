package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptExitCodes;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches a script process that outlived an agent restart. The restarted agent is not its parent, so it cannot read
 * its output or its exit code: it reports RUNNING while the process runs, can cancel it (stopping its tree), and
 * records {@link ScriptExitCodes#UNKNOWN_RESULT} (or {@link ScriptExitCodes#CANCELED}) when it has gone.
 */
final class OrphanWatch {
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private OrphanWatch() {
    }

    static void start(ScriptRun run, ProcessHandle process, ScriptEngineOptions options) {
        AtomicBoolean cancelled = new AtomicBoolean();
        run.onCancel(() -> {
            if (cancelled.compareAndSet(false, true)) {
                run.debug("Cancelling: stopping the script's process tree (process " + process.pid() + " and its descendants).");
                Thread.ofVirtual().name("cancel-" + run.ticket()).start(() -> ProcessTrees.kill(process, options.cancelGracePeriod()));
            }
        });
        Thread.ofVirtual().name("orphan-" + run.ticket()).start(() -> {
            while (ProcessTrees.isRunning(process)) {
                try {
                    Thread.sleep(POLL_INTERVAL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (cancelled.get()) {
                run.debug("The script was cancelled and its process tree stopped.");
                run.complete(ScriptExitCodes.CANCELED);
            } else {
                run.debug("The script's process " + process.pid() + " has ended. Its exit code is unknown because the agent restarted while "
                        + "the script ran; check the script's own output or side effects to see whether it succeeded.");
                run.complete(ScriptExitCodes.UNKNOWN_RESULT);
            }
        });
    }
}
