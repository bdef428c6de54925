package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.WizardInstallViewModel.State;
import dev.tentacle.instances.setup.SetupOutcome;
import dev.tentacle.instances.setup.SetupProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class WizardInstallViewModelTest {
    static final SetupOutcome.Undone UNDONE = new SetupOutcome.Undone("Cancelled, all undone.", "Failed, all undone.");

    /** Installs "plans" that are instance names, by a function the test gives. */
    static final class Model extends WizardInstallViewModel<String, String> {
        final List<SetupOutcome<String>> outcomes = new ArrayList<>();

        Model(BiFunction<String, SetupProgress, SetupOutcome<String>> install) {
            super(Installer.of(plan -> List.of("Create " + plan, "Start " + plan), install), UNDONE, Runnable::run,
                    UiThread.direct());
        }

        @Override
        protected String installingHeadline(String plan) {
            return "Installing " + plan + "…";
        }

        @Override
        protected String instanceName(String installation) {
            return installation;
        }

        @Override
        protected void installed(String installation) {
            showResult(installation + " is set up.", notesThen(List.of("Start it by hand."), "Press Finish."));
        }

        @Override
        protected void outcome(SetupOutcome<String> outcome) {
            outcomes.add(outcome);
        }
    }

    @Test
    void aSuccessShowsEachStepDoneAndWhatTheAppSays() {
        Model model = new Model((plan, progress) -> {
            progress.step("Create " + plan);
            progress.output("Created it.");
            progress.step("Start " + plan);
            return new SetupOutcome.Installed<>(plan);
        });

        model.install("Web01");

        assertThat(model.state()).isEqualTo(State.SUCCEEDED);
        assertThat(model.steps()).extracting(InstallStep::state).containsOnly(InstallStep.State.DONE);
        assertThat(model.output()).containsExactly("» Create Web01", "Created it.", "» Start Web01");
        assertThat(model.headlineProperty().get()).isEqualTo("Web01 is set up.");
        assertThat(model.whatToDoProperty().get()).isEqualTo("Start it by hand." + System.lineSeparator()
                + "Press Finish.");
        assertThat(model.installedInstance()).contains("Web01");
        assertThat(model.outcomes).containsExactly(null, new SetupOutcome.Installed<>("Web01"));
    }

    @Test
    void aRollbackSaysWhereItFailedAndAllowsAnotherTry() {
        Model model = new Model((plan, progress) -> {
            progress.step("Create " + plan);
            return new SetupOutcome.RolledBack<>("Create " + plan, "The disk is full.", false, List.of(), UNDONE);
        });

        model.install("Web01");

        assertThat(model.state()).isEqualTo(State.ROLLED_BACK);
        assertThat(model.headlineProperty().get()).isEqualTo("The setup failed at: Create Web01.");
        assertThat(model.problemProperty().get()).isEqualTo("The disk is full.");
        assertThat(model.whatToDoProperty().get()).isEqualTo("Failed, all undone.");
        assertThat(model.installedInstance()).isEmpty();
        model.install("Web02");
        assertThat(model.outcomes).hasSize(4);
    }

    @Test
    void anUnexpectedFailureIsReportedAsABug() {
        Model model = new Model((plan, progress) -> {
            throw new IllegalStateException("a bug");
        });

        model.install("Web01");

        assertThat(model.state()).isEqualTo(State.ROLLED_BACK);
        assertThat(model.problemProperty().get()).contains("This is a bug");
    }

    @Test
    void cancellingStopsBeforeTheNextStep() {
        List<Boolean> seen = new ArrayList<>();
        Model[] holder = new Model[1];
        Model model = new Model((plan, progress) -> {
            progress.step("Create " + plan);
            holder[0].cancel();
            seen.add(progress.isCancelled());
            assertThat(holder[0].cancelRequestedProperty().get()).isTrue();
            assertThat(holder[0].headlineProperty().get()).startsWith("Cancelling");
            return new SetupOutcome.RolledBack<>("Start " + plan, "The setup was cancelled.", true, List.of(),
                    UNDONE);
        });
        holder[0] = model;

        model.install("Web01");

        assertThat(seen).containsExactly(true);
        assertThat(model.headlineProperty().get()).isEqualTo("The setup was cancelled.");
        assertThat(model.whatToDoProperty().get()).isEqualTo("Cancelled, all undone.");
    }
}
