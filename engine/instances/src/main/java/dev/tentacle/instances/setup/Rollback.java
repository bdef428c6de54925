package dev.tentacle.instances.setup;

import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Running the undo actions of a setup that failed or was cancelled, and reporting them. */
public final class Rollback {
    private Rollback() {
    }

    /** One undo: says what it did, or throws saying why it could not. */
    @FunctionalInterface
    public interface Undo {
        String run() throws Exception;
    }

    /**
     * Runs one undo action.
     *
     * @param manualCommand what does it by hand, given with the action when it fails
     */
    public static RollbackAction undo(String description, Undo undo, String manualCommand) {
        try {
            return new RollbackAction(description, true, undo.run(), Optional.empty());
        } catch (Exception e) {
            return new RollbackAction(description, false, message(e), Optional.of(manualCommand));
        }
    }

    /**
     * What a setup returns when a step failed or the user cancelled: says so, undoes what was done and reports it.
     *
     * @param stopped a {@link CancellationException} when the user cancelled, else the failure, whose message says
     *     what went wrong
     * @param step the title of the step that failed or was about to run
     * @param rollback undoes what was done, reporting each action
     * @param undone what the outcome says when everything was undone
     */
    public static <I> SetupOutcome.RolledBack<I> after(RuntimeException stopped, String step, SetupProgress progress,
            Supplier<List<RollbackAction>> rollback, SetupOutcome.Undone undone) {
        if (stopped instanceof CancellationException) {
            progress.output("Cancelled before: " + step + ". Undoing what was done.");
            return new SetupOutcome.RolledBack<>(step, "The setup was cancelled.", true, rollback.get(), undone);
        }
        String problem = message(stopped);
        progress.output("Failed: " + problem);
        progress.output("Undoing what was done.");
        return new SetupOutcome.RolledBack<>(step, problem, false, rollback.get(), undone);
    }

    /** Reports each action as "Undone: …" or "Could not undo: …" with its detail. */
    public static void report(List<RollbackAction> actions, SetupProgress progress) {
        for (RollbackAction action : actions) {
            progress.output((action.succeeded() ? "Undone: " : "Could not undo: ") + action.description() + ". "
                    + action.detail());
        }
    }

    /** The exception's own message, which in the engine says what went wrong and what to do. */
    public static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }
}
