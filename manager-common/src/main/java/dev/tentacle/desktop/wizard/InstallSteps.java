package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.wizard.InstallStep.State;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The steps of an installation and how they move: one runs at a time; at the end all are done, or the installation was
 * rolled back and the steps before the one that failed were undone, that one failed (or was not run, when the user
 * cancelled before it) and the ones after it were not run. Used by the install pages' ViewModels; no JavaFX needed.
 */
public final class InstallSteps {
    private final ObservableList<InstallStep> steps = FXCollections.observableArrayList();

    /** Starts over with these steps, all pending. */
    public void reset(List<String> titles) {
        steps.setAll(titles.stream().map(InstallStep::new).toList());
    }

    /** The step with this title begins; the one that ran before it is done. */
    public void begin(String title) {
        steps.stream().filter(s -> s.state() == State.RUNNING).forEach(s -> s.stateProperty().set(State.DONE));
        steps.stream().filter(s -> s.title().equals(title)).findFirst()
                .ifPresent(s -> s.stateProperty().set(State.RUNNING));
    }

    /** Every step is done. */
    public void allDone() {
        steps.forEach(s -> s.stateProperty().set(State.DONE));
    }

    /**
     * The installation was rolled back.
     *
     * @param failedStep the title of the step that failed, or that was next when the user cancelled
     * @param cancelled true when the user cancelled rather than the step failing
     */
    public void rolledBack(String failedStep, boolean cancelled) {
        boolean reached = false;
        for (InstallStep step : steps) {
            if (step.title().equals(failedStep)) {
                step.stateProperty().set(cancelled ? State.NOT_RUN : State.FAILED);
                reached = true;
            } else if (reached) {
                step.stateProperty().set(State.NOT_RUN);
            } else {
                step.stateProperty().set(State.UNDONE);
            }
        }
    }

    public ObservableList<InstallStep> list() {
        return steps;
    }
}
