package dev.tentacle.instances.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        SetupProgress progress = new SetupProgress() {
            @Override
            public void step(String title) {
            }

            @Override
            public void output(String line) {
                lines.add(line);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        Rollback.report(List.of(Rollback.undo("Delete the instance", () -> "Deleted it.", "x"),
                Rollback.undo("Remove the rule", () -> {
                    throw new IOException("no ufw");
                }, "y")), progress);

        assertThat(lines).containsExactly("Undone: Delete the instance. Deleted it.",
                "Could not undo: Remove the rule. no ufw");
        assertThat(SetupProgress.silent().isCancelled()).isFalse();
    }
}
