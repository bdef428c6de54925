package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Progress;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.InstallStep;
import dev.tentacle.desktop.wizard.InstallSteps;
import dev.tentacle.server.admin.ServerApiKeys;
import dev.tentacle.server.admin.ServerSetup;
import dev.tentacle.server.admin.ServerSetupOutcome;
import dev.tentacle.server.admin.ServerSetupPlan;
import dev.tentacle.server.admin.SetupProgress;
import java.util.List;
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
 * The install page: runs the {@link ServerSetup} in the background, shows each step's state and the output, and lets
 * the user cancel between steps. A failed or cancelled installation has been rolled back when it ends; the page then
 * says what went wrong and what to do, and the user may try again. After a success it shows the administrator's API
 * key, the only time it exists in plain text: {@link #forgetApiKey()} drops it when the wizard closes, and it never
 * goes into the output.
 */
public final class InstallViewModel {
    /** Where the installation is. */
    public enum State {
        READY, RUNNING, SUCCEEDED, ROLLED_BACK
    }

    private final ServerSetup setup;
    private final Executor background;
    private final UiThread ui;
    private final InstallSteps steps = new InstallSteps();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper whatToDo = new ReadOnlyStringWrapper(this, "whatToDo", "");
    private final ReadOnlyStringWrapper apiKey = new ReadOnlyStringWrapper(this, "apiKey", "");
    private final ReadOnlyStringWrapper thumbprint = new ReadOnlyStringWrapper(this, "thumbprint", "");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final BooleanBinding running = Bindings.equal(State.RUNNING, state);
    private String installedInstance;
    private AtomicBoolean cancelled = new AtomicBoolean();

    public InstallViewModel(ServerSetup setup, Executor background, UiThread ui) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Starts installing; does nothing while an installation runs or after one succeeded. */
    public void install(ServerSetupPlan plan) {
        if (state.get() == State.RUNNING || state.get() == State.SUCCEEDED) {
            return;
        }
        steps.reset(ServerSetup.steps(plan));
        output.clear();
        problem.set("");
        whatToDo.set("");
        cancelRequested.set(false);
        headline.set("Setting up the Octopus Server '" + plan.instanceName() + "'…");
        state.set(State.RUNNING);
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        BackgroundJob.start(background, ui, progress -> setup.install(plan, reporting(progress, cancel)),
                this::finished, failure -> finished(new ServerSetupOutcome.RolledBack("the installation",
                        "The installation stopped unexpectedly: " + failure + ". This is a bug; please report it with"
                                + " the output above.", false, List.of())));
    }

    /** The engine's progress, shown in the step list and the output, with the page's cancel. */
    private SetupProgress reporting(Progress job, AtomicBoolean cancel) {
        return new SetupProgress() {
            @Override
            public void step(String title) {
                ui.run(() -> {
                    steps.begin(title);
                    output.add("» " + title);
                });
            }

            @Override
            public void output(String line) {
                ui.run(() -> output.add(line));
            }

            @Override
            public boolean isCancelled() {
                return cancel.get() || job.isCancelled();
            }
        };
    }

    private void finished(ServerSetupOutcome result) {
        switch (result) {
            case ServerSetupOutcome.Installed installed -> {
                steps.allDone();
                installedInstance = installed.instance().name();
                apiKey.set(installed.apiKey().plainKey());
                thumbprint.set(installed.thumbprints().sha1() + " (SHA-256: " + installed.thumbprints().sha256() + ")");
                state.set(State.SUCCEEDED);
                headline.set("The Octopus Server '" + installed.instance().name() + "' is set up.");
                whatToDo.set((installed.notes().isEmpty() ? "" : String.join(System.lineSeparator(), installed.notes())
                        + System.lineSeparator()) + ServerApiKeys.SHOWN_ONCE + " Tentacles trust this server by the"
                        + " thumbprint above.");
            }
            case ServerSetupOutcome.RolledBack rolledBack -> {
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
            cancelRequested.set(true);
            headline.set("Cancelling: the current step finishes, then what was done is undone…");
        }
    }

    /** Drops the API key: after the wizard closes it exists nowhere in plain text. */
    public void forgetApiKey() {
        apiKey.set("");
    }

    /** The instance's name, once installed. */
    public Optional<String> installedInstance() {
        return Optional.ofNullable(installedInstance);
    }

    public ObservableList<InstallStep> steps() {
        return steps.list();
    }

    /** Each step's title and output lines, in order; never a secret. */
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

    /** The administrator's API key after a success, until {@link #forgetApiKey()}; empty otherwise. */
    public ReadOnlyStringProperty apiKeyProperty() {
        return apiKey.getReadOnlyProperty();
    }

    /** The new server's thumbprints, "SHA1 (SHA-256: SHA256)", after a success. */
    public ReadOnlyStringProperty thumbprintProperty() {
        return thumbprint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }
}
