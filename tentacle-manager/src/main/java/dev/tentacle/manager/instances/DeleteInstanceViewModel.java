package dev.tentacle.manager.instances;

import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The confirmation before deleting an instance: what will be removed (the registry entry, the OS service) and,
 * only when the user ticks {@link #deleteFilesProperty()}, the home directory's files.
 */
public final class DeleteInstanceViewModel {
    private final InstanceRemoval.Plan plan;
    private final BooleanProperty deleteFiles = new SimpleBooleanProperty(this, "deleteFiles", false);

    public DeleteInstanceViewModel(InstanceRemoval.Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    public InstanceRemoval.Plan plan() {
        return plan;
    }

    public String instance() {
        return plan.record().name();
    }

    public String title() {
        return "Delete the Tentacle instance '" + instance() + "'?";
    }

    /** One line per thing that goes, reflecting the tick box. */
    public List<String> removed() {
        List<String> lines = new ArrayList<>();
        lines.add("Its entry in the instance registry: neither this app nor the tentacle command line will know it.");
        if (plan.removesService()) {
            ServiceStatus.State state = plan.serviceStatus().state();
            lines.add("Its OS service '" + plan.service().displayName() + "'"
                    + (state == ServiceStatus.State.RUNNING ? ", which is running: it is stopped first." : "."));
        }
        if (deleteFiles.get()) {
            plan.files().forEach(file -> lines.add("The files in " + file + "."));
        }
        return List.copyOf(lines);
    }

    /** One line per thing that stays. */
    public List<String> kept() {
        List<String> lines = new ArrayList<>();
        if (!plan.removesService() && plan.serviceStatus().state() != ServiceStatus.State.NOT_INSTALLED) {
            lines.add("Its OS service, if any: " + plan.servicesDescription());
        }
        if (!deleteFiles.get()) {
            plan.homeDirectory().ifPresent(home -> lines.add("Its home directory " + home
                    + " with the certificate, logs and work."));
            if (plan.homeDirectory().isEmpty() || !plan.record().configFile().startsWith(plan.homeDirectory().get())) {
                lines.add("Its configuration file " + plan.record().configFile() + ".");
            }
        }
        return List.copyOf(lines);
    }

    /** The tick box's label. */
    public String deleteFilesLabel() {
        return plan.homeDirectory().map(home -> "Also delete the home directory's files (" + home + ")")
                .orElse("Also delete the home directory's files");
    }

    /** Why the tick box is disabled; empty when it is enabled. */
    public String filesKeptBecause() {
        return plan.filesKeptBecause().map(reason -> "The files cannot be deleted here: " + reason
                + ". Delete them by hand if they are no longer needed.").orElse("");
    }

    public boolean canDeleteFiles() {
        return plan.canDeleteFiles();
    }

    public BooleanProperty deleteFilesProperty() {
        return deleteFiles;
    }

    public boolean deleteFiles() {
        return deleteFiles.get();
    }

    /** The equivalent command lines, for people who script it. */
    public String equivalentCommands() {
        String instance = ShellQuoting.quote(instance());
        List<String> commands = new ArrayList<>();
        if (plan.removesService()) {
            commands.add("tentacle service --instance " + instance + " --stop --uninstall");
        }
        commands.add("tentacle delete-instance --instance " + instance);
        if (deleteFiles.get()) {
            commands.add(plan.files().stream().map(Path::toString).map(ShellQuoting::quote)
                    .collect(Collectors.joining(" ", "rm -rf ", "")));
        }
        return String.join(System.lineSeparator(), commands);
    }
}
