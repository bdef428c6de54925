package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

/** Builds the machines pane of the instance the main window has selected. */
public final class MachinesPane {
    private MachinesPane() {
    }

    /** The pane, following {@code selected}; it reads storage every few seconds while it is in a scene. */
    public static Parent create(ServerManagerContext context, ServerStorages storages,
            ObservableValue<ServerInstance> selected, MachineActions actions) {
        MachinesViewModel viewModel = new MachinesViewModel(context, storages::storage);
        viewModel.instanceProperty().bind(selected);
        return new MachinesView(viewModel, actions, new Repeating()).root();
    }
}
