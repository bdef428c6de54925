package dev.tentacle.instances.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RollbackTest {
    @Test
    void anUndoThatWorksSaysWhatItDid() {
        RollbackAction action = Rollback.undo("Remove the rule", () -> "Removed it.", "ufw delete allow 10933");

        assertThat(action.succeeded()).isTrue();
        assertThat(action.detail()).isEqualTo("Removed it.");
        assertThat(action.manualCommand()).isEmpty();
    }

    @Test
    void anUndoThatFailsGivesTheCommandThatDoesItByHand() {
        RollbackAction failed = Rollback.undo("Remove the rule", () -> {
            throw new IOException("ufw is not installed");
        }, "ufw delete allow 10933");
        RollbackAction withoutMessage = Rollback.undo("Remove the rule", () -> {
            throw new IllegalStateException();
        }, "x");

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.detail()).isEqualTo("ufw is not installed");
        assertThat(failed.manualCommand()).contains("ufw delete allow 10933");
        assertThat(withoutMessage.detail()).isEqualTo("IllegalStateException");
    }

    @Test
    void eachActionIsReported() {
        List<String> lines = new ArrayList<>();
        SetupProgress progress = recording(lines, false);

        Rollback.report(List.of(Rollback.undo("Delete the instance", () -> "Deleted it.", "x"),
                Rollback.undo("Remove the rule", () -> {
                    throw new IOException("no ufw");
                }, "y")), progress);

        assertThat(lines).containsExactly("Undone: Delete the instance. Deleted it.",
                "Could not undo: Remove the rule. no ufw");
        assertThat(SetupProgress.silent().isCancelled()).isFalse();
    }

    @Test
    void aStoppedSetupSaysWhyThenUndoes() {
        List<String> lines = new ArrayList<>();
        SetupProgress progress = recording(lines, true);
        SetupOutcome.Undone undone = new SetupOutcome.Undone("cancelled", "failed");

        var cancelled = Rollback.<String>after(new CancellationException(), "Install the service", progress, () -> {
            lines.add("(undoing)");
            return List.of();
        }, undone);
        var failed = Rollback.<String>after(new IllegalStateException("Port 10933 is taken."), "Listen", progress,
                List::of, undone);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.problem()).isEqualTo("The setup was cancelled.");
        assertThat(cancelled.failedStep()).isEqualTo("Install the service");
        assertThat(failed.cancelled()).isFalse();
        assertThat(failed.problem()).isEqualTo("Port 10933 is taken.");
        assertThat(failed.whatToDo()).isEqualTo("failed");
        assertThat(lines).containsExactly("Cancelled before: Install the service. Undoing what was done.",
                "(undoing)", "Failed: Port 10933 is taken.", "Undoing what was done.");
    }

    @Test
    void noStepBeginsOnceCancelled() {
        List<String> lines = new ArrayList<>();

        recording(lines, false).begin("Create");

        assertThat(lines).containsExactly("» Create");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recording(lines, true).begin("Configure"))
                .isInstanceOf(CancellationException.class);
        assertThat(lines).containsExactly("» Create");
    }

    private static SetupProgress recording(List<String> lines, boolean cancelled) {
        return new SetupProgress() {
            @Override
            public void step(String title) {
                lines.add("» " + title);
            }

            @Override
            public void output(String line) {
                lines.add(line);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }
}
