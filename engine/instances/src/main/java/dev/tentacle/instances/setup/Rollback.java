package dev.tentacle.instances.setup;

import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import java.util.List;
import java.util.Optional;

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
