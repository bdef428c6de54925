package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.wizard.InstallStep.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallStepsTest {
    private final InstallSteps steps = new InstallSteps();

    @Test
    void oneStepRunsAtATimeAndTheOneBeforeIsDone() {
        steps.reset(List.of("Create", "Configure", "Start"));

        steps.begin("Create");
        steps.begin("Configure");

        assertThat(steps.list()).extracting(InstallStep::state).containsExactly(State.DONE, State.RUNNING,
                State.PENDING);
        steps.allDone();
        assertThat(steps.list()).extracting(InstallStep::state).containsOnly(State.DONE);
    }

    @Test
    void aFailureUndoesTheStepsBeforeItAndSkipsTheOnesAfter() {
        steps.reset(List.of("Create", "Configure", "Start"));
        steps.begin("Create");
        steps.begin("Configure");

        steps.rolledBack("Configure", false);

        assertThat(steps.list()).extracting(InstallStep::state).containsExactly(State.UNDONE, State.FAILED,
                State.NOT_RUN);
    }

    @Test
    void aCancelledStepWasNotRun() {
        steps.reset(List.of("Create", "Configure"));
        steps.begin("Create");

        steps.rolledBack("Configure", true);

        assertThat(steps.list()).extracting(InstallStep::state).containsExactly(State.UNDONE, State.NOT_RUN);
    }

    @Test
    void resettingStartsOver() {
        steps.reset(List.of("Create"));
        steps.allDone();

        steps.reset(List.of("Create", "Start"));

        assertThat(steps.list()).extracting(InstallStep::state).containsOnly(State.PENDING);
    }
}
