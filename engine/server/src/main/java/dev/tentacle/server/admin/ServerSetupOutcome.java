package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a server setup ended: installed, or stopped and undone. */
public sealed interface ServerSetupOutcome {

    /**
     * Everything was set up.
     *
     * @param instance the new instance
     * @param thumbprints its certificate's thumbprints, which Tentacles trust
     * @param apiKey the administrator's API key: its plain text exists only here, so show it once and never log it
     *     (its {@code toString} leaves it out)
     * @param notes what the user still has to do, such as starting the server by hand
     */
    record Installed(ServerInstance instance, CertificateThumbprints thumbprints, CreatedApiKey apiKey,
            List<String> notes) implements ServerSetupOutcome {
        public Installed {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(thumbprints, "thumbprints");
            Objects.requireNonNull(apiKey, "apiKey");
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
            implements ServerSetupOutcome {
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
                return cancelled ? "The setup was cancelled and undone: no instance, configuration, certificate or"
                        + " service of it is left. Try again to start over, go back to change the settings, or close"
                        + " the wizard."
                        : "What the setup had done was undone: no instance, configuration, certificate or service of it"
                        + " is left. Fix the problem above and try again, or go back to change the settings.";
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
