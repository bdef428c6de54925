package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Progress;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.InstallStep;
import dev.tentacle.desktop.wizard.InstallSteps;
import dev.tentacle.manager.wizard.install.SetupInstaller;
import dev.tentacle.manager.wizard.install.SetupOutcome;
import dev.tentacle.manager.wizard.install.SetupPlan;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The install page: runs the {@link SetupInstaller} in the background, shows each step's state and the output, and
 * lets the user cancel between steps. A failed or cancelled installation has been rolled back when it ends; the page
 * then says what went wrong and what to do, and the user may try again.
 */
public final class InstallViewModel {
    /** Where the installation is. */
    public enum State {
        READY, RUNNING, SUCCEEDED, ROLLED_BACK
    }

    private final SetupInstaller installer;
    private final Executor background;
    private final UiThread ui;
    private final InstallSteps steps = new InstallSteps();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyObjectWrapper<SetupOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper whatToDo = new ReadOnlyStringWrapper(this, "whatToDo", "");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final BooleanBinding running = Bindings.equal(State.RUNNING, state);
    private BackgroundJob<SetupOutcome> job;
    private AtomicBoolean cancelled = new AtomicBoolean();

    public InstallViewModel(SetupInstaller installer, Executor background, UiThread ui) {
        this.installer = Objects.requireNonNull(installer, "installer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Starts installing; does nothing while an installation runs or after one succeeded. */
    public void install(SetupPlan plan) {
        if (state.get() == State.RUNNING || state.get() == State.SUCCEEDED) {
            return;
        }
        steps.reset(SetupInstaller.steps(plan));
        output.clear();
        outcome.set(null);
        problem.set("");
        whatToDo.set("");
        cancelRequested.set(false);
        headline.set("Installing the Tentacle '" + plan.instanceName() + "'…");
        state.set(State.RUNNING);
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        job = BackgroundJob.start(background, ui, progress -> installer.install(plan, reporting(progress, cancel)),
                this::finished, failure -> finished(new SetupOutcome.RolledBack("the installation",
                        "The installation stopped unexpectedly: " + failure + ". This is a bug; please report it with"
                                + " the output above.", false, java.util.List.of())));
    }

    /** A progress that also moves the page's step list, and sees the page's cancel. */
    private Progress reporting(Progress delegate, AtomicBoolean cancel) {
        return new Progress() {
            @Override
            public void step(String description) {
                delegate.step(description);
                ui.run(() -> {
                    steps.begin(description);
                    output.add("» " + description);
                });
            }

            @Override
            public void output(String line) {
                delegate.output(line);
                ui.run(() -> output.add(line));
            }

            @Override
            public boolean isCancelled() {
                return cancel.get() || delegate.isCancelled();
            }
        };
    }

    private void finished(SetupOutcome result) {
        outcome.set(result);
        switch (result) {
            case SetupOutcome.Installed installed -> {
                steps.allDone();
                state.set(State.SUCCEEDED);
                headline.set("The Tentacle '" + installed.instance().name() + "' is set up.");
                whatToDo.set(String.join(System.lineSeparator(), installed.notes())
                        + (installed.notes().isEmpty() ? "" : System.lineSeparator())
                        + "Press Finish to see this Tentacle's thumbprint and compare it with what the Octopus Server"
                        + " shows.");
            }
            case SetupOutcome.RolledBack rolledBack -> {
                steps.rolledBack(rolledBack.failedStep(), rolledBack.cancelled());
                state.set(State.ROLLED_BACK);
                headline.set(rolledBack.cancelled() ? "The setup was cancelled."
                        : "The setup failed at: " + rolledBack.failedStep() + ".");
                problem.set(rolledBack.problem());
                whatToDo.set(rolledBack.whatToDo());
            }
        }
    }

    /** Asks the installation to stop before its next step; what was done is then undone. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            cancelled.set(true);
            if (job != null) {
                job.cancel();
            }
            cancelRequested.set(true);
            headline.set("Cancelling: the current step finishes, then what was done is undone…");
        }
    }

    /** The instance's name, once installed. */
    public Optional<String> installedInstance() {
        return outcome.get() instanceof SetupOutcome.Installed installed ? Optional.of(installed.instance().name())
                : Optional.empty();
    }

    public ObservableList<InstallStep> steps() {
        return steps.list();
    }

    /** Each step's title and output lines, in order. */
    public ObservableList<String> output() {
        return output;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public ReadOnlyObjectProperty<SetupOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** One sentence: installing, installed, or where it failed. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What went wrong, in the engine's words; empty unless rolled back. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What to do next. */
    public ReadOnlyStringProperty whatToDoProperty() {
        return whatToDo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }
}
