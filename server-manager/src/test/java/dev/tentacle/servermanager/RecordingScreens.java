package dev.tentacle.servermanager;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The screens other packages build, replaced for the shell's tests: each call is recorded ("healthCheck Main", ...),
 * the setup wizard runs what the test gives it, and the Machines tab shows the selected instance's name.
 */
final class RecordingScreens implements Screens {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private Supplier<String> wizard = () -> null;

    /** What the setup wizard does: creates an instance and returns its name, or returns null when "cancelled". */
    RecordingScreens wizard(Supplier<String> creates) {
        this.wizard = Objects.requireNonNull(creates, "creates");
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void setupWizard(Window owner, Consumer<String> created) {
        calls.add("setupWizard");
        String name = wizard.get();
        if (name != null) {
            created.accept(name);
        }
    }

    @Override
    public Node machinesPane(ObservableValue<ServerInstance> selected) {
        Label label = new Label();
        label.setId("machinesPlaceholder");
        label.textProperty().bind(Bindings.createStringBinding(() -> selected.getValue() == null ? ""
                : "Machines of " + selected.getValue().name(), selected));
        return label;
    }

    @Override
    public void addListeningTentacle(Window owner, ServerInstance instance, Runnable added) {
        calls.add("addListeningTentacle " + instance.name());
        added.run();
    }

    @Override
    public void healthCheck(Window owner, ServerInstance instance, List<MachineId> machines) {
        calls.add("healthCheck " + instance.name() + " " + machines);
    }

    @Override
    public void runScript(Window owner, ServerInstance instance, List<MachineId> machines) {
        calls.add("runScript " + instance.name() + " " + machines);
    }
}
