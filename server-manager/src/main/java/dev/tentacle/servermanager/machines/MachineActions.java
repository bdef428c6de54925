package dev.tentacle.servermanager.machines;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.List;
import javafx.stage.Window;

/** The screens the machines pane opens, which other packages build. */
public interface MachineActions {
    /**
     * Checks the health of the machines (all of them when the list is empty); {@code closed} runs when the health
     * check's window closes, so the pane reads the results at once.
     */
    void checkHealth(Window owner, ServerInstance instance, List<MachineId> machines, Runnable closed);

    /** Runs a script on machines the user picks, starting with these. */
    void runScript(Window owner, ServerInstance instance, List<MachineId> machines);
}
