package dev.tentacle.server.cli;

import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.server.storage.tasks.TaskState;

/**
 * The exit codes of commands that run a task ({@code health-check}, {@code run-script}), beyond the command line's
 * usual 1 (a problem you can fix, found before the task was queued) and 2 (unexpected).
 */
final class TaskExitCodes {
    /** Every machine succeeded: healthy, or the script exited with 0. */
    static final int SUCCEEDED = 0;
    /** The task ran and failed on at least one machine: unhealthy or unavailable, a non-zero exit code, no answer. */
    static final int FAILED = 4;
    /** The task was cancelled, by someone else or because --timeout passed, or did not end after it was cancelled. */
    static final int CANCELLED_OR_TIMED_OUT = 5;

    private TaskExitCodes() {
    }

    static int of(TaskExecution.Outcome outcome) {
        if (outcome.timedOut() || outcome.task().state() == TaskState.CANCELLED || !outcome.task().state().isFinished()) {
            return CANCELLED_OR_TIMED_OUT;
        }
        return outcome.task().state() == TaskState.SUCCEEDED ? SUCCEEDED : FAILED;
    }
}
