package dev.tentacle.manager.wizard.install;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.Registration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a setup ended: installed, or stopped and undone. */
public sealed interface SetupOutcome {

    /**
     * Everything was set up.
     *
     * @param instance the new instance
     * @param thumbprints its certificate's thumbprints, for the server to trust
     * @param registration for polling, the machine registered on the server and the server trusted
     * @param notes what the user still has to do (start the Tentacle by hand, add a firewall rule)
     */
    record Installed(TentacleInstance instance, CertificateThumbprints thumbprints, Optional<Registration> registration,
            List<String> notes) implements SetupOutcome {
        public Installed {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(thumbprints, "thumbprints");
            Objects.requireNonNull(registration, "registration");
            notes = List.copyOf(notes);
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
     */
    record RolledBack(String failedStep, String problem, boolean cancelled, List<RollbackAction> rollback)
            implements SetupOutcome {
        public RolledBack {
            Objects.requireNonNull(failedStep, "failedStep");
            Objects.requireNonNull(problem, "problem");
            rollback = List.copyOf(rollback);
        }

        /** True when everything done was undone. */
        public boolean complete() {
            return rollback.stream().allMatch(RollbackAction::succeeded);
        }

        /** What the user should do now: try again, or finish the undo by hand with the commands given. */
        public String whatToDo() {
            if (complete()) {
                return cancelled ? "The setup was cancelled and undone: nothing of it is left on this machine or on"
                        + " the server. Try again to start over, go back to change the settings, or close the wizard."
                        : "Everything the setup had done was undone: nothing of it is left on this machine or on the"
                        + " server. Fix the problem above and try again, or go back to change the settings.";
            }
            return "Not everything could be undone. Finish it by hand:" + System.lineSeparator()
                    + rollback.stream().filter(a -> !a.succeeded()).map(a -> "  - " + a.description() + ": "
                            + a.detail() + a.manualCommand().map(c -> System.lineSeparator() + "      " + c).orElse(""))
                            .collect(Collectors.joining(System.lineSeparator()));
        }
    }

    /**
     * One undo action of a rollback.
     *
     * @param description what it undoes, such as "Remove the instance 'Web01' from the registry"
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
