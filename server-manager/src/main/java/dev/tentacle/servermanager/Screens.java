package dev.tentacle.servermanager;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The screens the main window opens, each built in its own package; tests replace them to see that the main window
 * asks for the right one.
 */
public interface Screens {
    /** Shows the server setup wizard; {@code created} gets the new instance's name when it finishes. */
    void setupWizard(Window owner, Consumer<String> created);

    /** The machines pane (table, filter, details) of the selected instance; empty while none is selected. */
    Node machinesPane(ObservableValue<ServerInstance> selected);

    /** Adds a listening Tentacle after the user has verified its thumbprint; {@code added} runs when it was added. */
    void addListeningTentacle(Window owner, ServerInstance instance, Runnable added);

    /** Checks the health of the machines (all of them when the list is empty) with live results and hints. */
    void healthCheck(Window owner, ServerInstance instance, List<MachineId> machines);

    /** Runs a script on machines the user picks, starting with these, and shows each machine's output live. */
    void runScript(Window owner, ServerInstance instance, List<MachineId> machines);
}
