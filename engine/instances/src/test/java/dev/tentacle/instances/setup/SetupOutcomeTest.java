package dev.tentacle.instances.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetupOutcomeTest {
    static final SetupOutcome.Undone UNDONE = new SetupOutcome.Undone("Cancelled and undone.", "Failed and undone.");

    @Test
    void anInstalledOutcomeHoldsWhatWasMade() {
        SetupOutcome<String> outcome = new SetupOutcome.Installed<>("Web01");

        assertThat(outcome.installed()).contains("Web01");
        assertThatThrownBy(() -> new SetupOutcome.Installed<>(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCompleteRollbackSaysItInTheSetupsOwnWords() {
        RollbackAction done = new RollbackAction("Delete the instance", true, "Deleted it.", Optional.empty());
        var failed = new SetupOutcome.RolledBack<String>("Create", "boom", false, List.of(done), UNDONE);
        var cancelled = new SetupOutcome.RolledBack<String>("Create", "cancelled", true, List.of(), UNDONE);

        assertThat(failed.installed()).isEmpty();
        assertThat(failed.complete()).isTrue();
        assertThat(failed.whatToDo()).isEqualTo("Failed and undone.");
        assertThat(cancelled.whatToDo()).isEqualTo("Cancelled and undone.");
    }

    @Test
    void anIncompleteRollbackListsWhatToFinishByHand() {
        var rolledBack = new SetupOutcome.RolledBack<String>("Install the service", "no systemd", false, List.of(
                new RollbackAction("Uninstall the service", false, "systemctl failed", Optional.of("tentacle service"
                        + " --instance Web01 --stop --uninstall")),
                new RollbackAction("Delete the instance", true, "Deleted it.", Optional.empty())), UNDONE);

        assertThat(rolledBack.complete()).isFalse();
        assertThat(rolledBack.whatToDo()).startsWith("Not everything could be undone. Finish it by hand:")
                .contains("  - Uninstall the service: systemctl failed" + System.lineSeparator()
                        + "      tentacle service --instance Web01 --stop --uninstall")
                .doesNotContain("Delete the instance");
    }
}
