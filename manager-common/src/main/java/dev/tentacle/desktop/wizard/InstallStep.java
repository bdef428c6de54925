package dev.tentacle.desktop.wizard;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One step of a wizard's installation, as its install page lists it: a title and where the step is. */
public final class InstallStep {
    /** Where one step is. */
    public enum State {
        PENDING, RUNNING, DONE, FAILED, UNDONE, NOT_RUN
    }

    private final String title;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PENDING);

    public InstallStep(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public String title() {
        return title;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    @Override
    public String toString() {
        return title + ": " + state.get();
    }
}
