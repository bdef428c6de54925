package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Progress;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.instances.setup.SetupOutcome;
import dev.tentacle.instances.setup.SetupProgress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * A setup wizard's install page without its screen: runs the setup in the background, shows each step's state and the
 * output, and lets the user cancel between steps. A failed or cancelled installation has been rolled back when it
 * ends; the page then says what went wrong and what to do, and the user may try again. What a success shows is the
 * app's: {@link #installed}.
 *
 * @param <P> the setup's plan
 * @param <I> what a setup that succeeded made
 */
public abstract class WizardInstallViewModel<P, I> {
    /** Where the installation is. */
    public enum State {
        READY, RUNNING, SUCCEEDED, ROLLED_BACK
    }

    /** The setup the page runs. */
    public interface Installer<P, I> {
        /** The titles of the steps {@link #install} runs for this plan, in order. */
        List<String> steps(P plan);

        /** Sets up the plan, or undoes what was done. */
        SetupOutcome<I> install(P plan, SetupProgress progress);

        /** An installer of the two functions, such as a setup's static steps and its install method. */
        static <P, I> Installer<P, I> of(Function<P, List<String>> steps,
                BiFunction<P, SetupProgress, SetupOutcome<I>> install) {
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(install, "install");
            return new Installer<>() {
                @Override
                public List<String> steps(P plan) {
                    return steps.apply(plan);
                }

                @Override
                public SetupOutcome<I> install(P plan, SetupProgress progress) {
                    return install.apply(plan, progress);
                }
            };
        }
    }

    private final Installer<P, I> installer;
    private final SetupOutcome.Undone undone;
    private final Executor background;
    private final UiThread ui;
    private final InstallSteps steps = new InstallSteps();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper whatToDo = new ReadOnlyStringWrapper(this, "whatToDo", "");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final BooleanBinding running = Bindings.equal(State.RUNNING, state);
    private BackgroundJob<SetupOutcome<I>> job;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private String installedInstance;

    /**
     * @param installer the setup
     * @param undone what the page says after a failure of its own, which undid nothing: the setup's own words
     */
    protected WizardInstallViewModel(Installer<P, I> installer, SetupOutcome.Undone undone, Executor background,
            UiThread ui) {
        this.installer = Objects.requireNonNull(installer, "installer");
        this.undone = Objects.requireNonNull(undone, "undone");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The headline while the plan installs, such as "Installing the Tentacle 'Web01'…". */
    protected abstract String installingHeadline(P plan);

    /** The name of the instance a success made. */
    protected abstract String instanceName(I installation);

    /**
     * What the page shows after a success, through {@link #showResult}; the step list and state are done already.
     */
    protected abstract void installed(I installation);

    /** Called with every outcome, before the page shows it; null when a new installation starts. */
    protected void outcome(SetupOutcome<I> outcome) {
    }

    /** Sets the headline and what to do next, after a success. */
    protected final void showResult(String headline, String whatToDo) {
        this.headline.set(headline);
        this.whatToDo.set(whatToDo);
    }

    /** The setup's notes, one a line, followed by the given text. */
    protected static String notesThen(List<String> notes, String then) {
        return String.join(System.lineSeparator(), notes) + (notes.isEmpty() ? "" : System.lineSeparator()) + then;
    }

    /** Starts installing; does nothing while an installation runs or after one succeeded. */
    public void install(P plan) {
        if (state.get() == State.RUNNING || state.get() == State.SUCCEEDED) {
            return;
        }
        steps.reset(installer.steps(plan));
        output.clear();
        outcome(null);
        installedInstance = null;
        problem.set("");
        whatToDo.set("");
        cancelRequested.set(false);
        headline.set(installingHeadline(plan));
        state.set(State.RUNNING);
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        job = BackgroundJob.start(background, ui, progress -> installer.install(plan, reporting(progress, cancel)),
                this::finished, failure -> finished(new SetupOutcome.RolledBack<>("the installation",
                        "The installation stopped unexpectedly: " + failure + ". This is a bug; please report it with"
                                + " the output above.", false, List.of(), undone)));
    }

    /** A progress that also moves the page's step list, and sees the page's cancel. */
    private SetupProgress reporting(Progress delegate, AtomicBoolean cancel) {
        return new SetupProgress() {
            @Override
            public void step(String title) {
                delegate.step(title);
                ui.run(() -> {
                    steps.begin(title);
                    output.add("» " + title);
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

    private void finished(SetupOutcome<I> result) {
        outcome(result);
        switch (result) {
            case SetupOutcome.Installed<I> installed -> {
                steps.allDone();
                installedInstance = instanceName(installed.installation());
                state.set(State.SUCCEEDED);
                installed(installed.installation());
            }
            case SetupOutcome.RolledBack<I> rolledBack -> {
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

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }
}
