package dev.tentacle.instances.setup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a setup ended: installed, or stopped and undone.
 *
 * @param <I> what a setup that succeeded made, such as the Tentacle's or the Octopus Server's new instance
 */
public sealed interface SetupOutcome<I> permits SetupOutcome.Installed, SetupOutcome.RolledBack {

    /** What was installed; empty when the setup was rolled back. */
    default Optional<I> installed() {
        return this instanceof Installed<I> installed ? Optional.of(installed.installation()) : Optional.empty();
    }

    /**
     * Everything was set up.
     *
     * @param installation what the setup made
     */
    record Installed<I>(I installation) implements SetupOutcome<I> {
        public Installed {
            Objects.requireNonNull(installation, "installation");
        }
    }

    /**
     * A step failed, or the user cancelled, and what was done was undone.
     *
     * @param failedStep the step that failed or was about to run when the user cancelled
     * @param problem what went wrong, in the engine's words (they say what to check); for a cancellation, that it was
     *     cancelled
     * @param cancelled true when the user cancelled
     * @param rollback each undo action, in the order it ran
     * @param undone what {@link #whatToDo()} says when everything was undone, in the setup's own words
     */
    record RolledBack<I>(String failedStep, String problem, boolean cancelled, List<RollbackAction> rollback,
            Undone undone) implements SetupOutcome<I> {
        public RolledBack {
            Objects.requireNonNull(failedStep, "failedStep");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(undone, "undone");
            rollback = List.copyOf(rollback);
        }

        /** True when everything done was undone. */
        public boolean complete() {
            return rollback.stream().allMatch(RollbackAction::succeeded);
        }

        /** What the user should do now: try again, or finish the undo by hand with the commands given. */
        public String whatToDo() {
            if (complete()) {
                return cancelled ? undone.whenCancelled() : undone.whenFailed();
            }
            return "Not everything could be undone. Finish it by hand:" + System.lineSeparator()
                    + rollback.stream().filter(a -> !a.succeeded()).map(a -> "  - " + a.description() + ": "
                            + a.detail() + a.manualCommand().map(c -> System.lineSeparator() + "      " + c).orElse(""))
                            .collect(Collectors.joining(System.lineSeparator()));
        }
    }

    /**
     * What a setup says when all it had done was undone.
     *
     * @param whenCancelled after the user cancelled
     * @param whenFailed after a step failed
     */
    record Undone(String whenCancelled, String whenFailed) {
        public Undone {
            Objects.requireNonNull(whenCancelled, "whenCancelled");
            Objects.requireNonNull(whenFailed, "whenFailed");
        }
    }

    /**
     * One undo action of a rollback.
     *
     * @param description what it undoes, such as "Delete the instance 'Main' from the registry"
     * @param succeeded whether it worked
     * @param detail what it did, or why it failed
     * @param manualCommand when it failed, the command that does it by hand
     */
    record RollbackAction(String description, boolean succeeded, String detail, Optional<String> manualCommand) {
        public RollbackAction {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(manualCommand, "manualCommand");
        }
    }
}
