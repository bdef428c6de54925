package dev.tentacle.servermanager.health;

import dev.tentacle.server.admin.NodeNames;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the health check of an instance's machines as the app does: its own node name and requester. */
public final class HealthChecks {
    private HealthChecks() {
    }

    /** The view model of a check of the machines (all of them when the list is empty). */
    public static HealthCheckViewModel viewModel(ServerManagerContext context, ServerStorages storages,
            ServerInstance instance, List<MachineId> machines) {
        return new HealthCheckViewModel(context, storages::storage, instance, machines,
                NodeNames.forProcess("manager", ProcessHandle.current().pid()),
                "Octopus Server Manager (" + context.environment().userName() + ")");
    }

    /** Opens the health check window and starts the check; {@code closed} runs when the window closes. */
    public static Stage open(Window owner, ServerManagerContext context, ServerStorages storages,
            ServerInstance instance, List<MachineId> machines, Runnable closed) {
        return HealthCheckDialog.show(owner, viewModel(context, storages, instance, machines), closed);
    }
}
