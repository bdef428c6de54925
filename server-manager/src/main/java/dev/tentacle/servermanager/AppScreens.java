package dev.tentacle.servermanager;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.servermanager.addmachine.AddTentacleDialog;
import dev.tentacle.servermanager.addmachine.AddTentacleViewModel;
import dev.tentacle.servermanager.scripts.RunScriptDialog;
import dev.tentacle.servermanager.scripts.RunScriptViewModel;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.servermanager.health.HealthChecks;
import dev.tentacle.servermanager.machines.MachineActions;
import dev.tentacle.servermanager.machines.MachinesPane;
import dev.tentacle.servermanager.setup.ServerSetupWizard;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Window;

/** The real screens. (Being built: each method is filled by the package that owns the screen.) */
public final class AppScreens implements Screens {
    private final ServerManagerContext context;
    private final ServerStorages storages;

    public AppScreens(ServerManagerContext context, ServerStorages storages) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
    }

    @Override
    public void setupWizard(Window owner, Consumer<String> created) {
        ServerSetupWizard.show(owner, context).ifPresent(created);
    }

    @Override
    public Node machinesPane(ObservableValue<ServerInstance> selected) {
        return MachinesPane.create(context, storages, selected, new MachineActions() {
            @Override
            public void checkHealth(Window owner, ServerInstance instance, List<MachineId> machines, Runnable closed) {
                HealthChecks.open(owner, context, storages, instance, machines, closed);
            }

            @Override
            public void runScript(Window owner, ServerInstance instance, List<MachineId> machines) {
                AppScreens.this.runScript(owner, instance, machines);
            }
        });
    }

    @Override
    public void addListeningTentacle(Window owner, ServerInstance instance, Runnable added) {
        AddTentacleViewModel model = new AddTentacleViewModel(context, instance, storages);
        model.setOnAdded(added);
        AddTentacleDialog.show(owner, model);
    }

    @Override
    public void healthCheck(Window owner, ServerInstance instance, List<MachineId> machines) {
        HealthChecks.open(owner, context, storages, instance, machines, () -> { });
    }

    @Override
    public void runScript(Window owner, ServerInstance instance, List<MachineId> machines) {
        RunScriptDialog.show(owner, new RunScriptViewModel(context, instance, storages, machines));
    }
}
