package dev.tentacle.servermanager.scripts;

import dev.tentacle.server.storage.machines.Machine;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A machine the script can run on, and whether the user picked it. */
public final class MachineChoice {
    private final Machine machine;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);

    MachineChoice(Machine machine, boolean selected) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.selected.set(selected);
    }

    public Machine machine() {
        return machine;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** What the list shows: its name, then its roles and environments. */
    public String description() {
        String tags = String.join(", ", machine.roles()) + (machine.roles().isEmpty() || machine.environments().isEmpty()
                ? "" : " · ") + String.join(", ", machine.environments());
        return tags.isEmpty() ? machine.name() : machine.name() + " (" + tags + ")";
    }

    @Override
    public String toString() {
        return description();
    }
}
