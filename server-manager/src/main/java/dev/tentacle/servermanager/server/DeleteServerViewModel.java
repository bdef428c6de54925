package dev.tentacle.servermanager.server;

import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.server.admin.ServerDatabase;
import dev.tentacle.server.admin.ServerInstanceRemoval;
import dev.tentacle.server.storage.DatabaseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The confirmation before deleting a server instance: what goes (the OS service, the registry entry, the configuration
 * file) and what stays (the home directory with the certificate; the database, unless the user ticks
 * {@link #deleteDatabaseProperty()} for an embedded H2 database; a PostgreSQL database is never dropped).
 */
public final class DeleteServerViewModel {
    private final ServerInstanceRemoval.Plan plan;
    private final BooleanProperty deleteDatabase = new SimpleBooleanProperty(this, "deleteDatabase", false);

    public DeleteServerViewModel(ServerInstanceRemoval.Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    public ServerInstanceRemoval.Plan plan() {
        return plan;
    }

    public String instance() {
        return plan.record().name();
    }

    public String title() {
        return "Delete the Octopus Server instance '" + instance() + "'?";
    }

    /** One line per thing that goes, reflecting the tick box. */
    public List<String> removed() {
        List<String> lines = new ArrayList<>();
        if (plan.removesService()) {
            lines.add("Its OS service '" + plan.service().displayName() + "'"
                    + (plan.serviceStatus().state() == ServiceStatus.State.RUNNING
                            ? ", which is running: it is stopped first." : "."));
        }
        lines.add("Its entry in the instance registry: neither this app nor the octopus-server command line will know"
                + " it.");
        if (plan.configurationKeptBecause().isEmpty()) {
            lines.add("Its configuration file " + plan.record().configFile() + ".");
        }
        if (deleteDatabase.get()) {
            plan.database().flatMap(ServerDatabase::h2DataFile).ifPresent(file -> lines.add("Its embedded H2"
                    + " database " + file + ", with every machine, health check and task in it."));
        }
        return List.copyOf(lines);
    }

    /** One line per thing that stays. */
    public List<String> kept() {
        List<String> lines = new ArrayList<>();
        if (!plan.servicesSupported()) {
            lines.add("Its OS service, if any: " + plan.servicesDescription());
        }
        plan.configurationKeptBecause().ifPresent(reason -> lines.add("Its configuration file "
                + plan.record().configFile() + ": " + reason + "."));
        if (!deleteDatabase.get()) {
            lines.add(databaseKept());
        }
        plan.homeDirectory().ifPresent(home -> lines.add("Its home directory " + home + ", with the certificate the"
                + " Tentacles trust and the logs."));
        return List.copyOf(lines);
    }

    private String databaseKept() {
        Optional<ServerDatabase> database = plan.database();
        if (database.isEmpty()) {
            return "Its database, wherever it is: " + plan.databaseKeptBecause().orElse("it is not known") + ".";
        }
        ServerDatabase data = database.get();
        if (data.kind() == DatabaseKind.POSTGRESQL) {
            return "Its " + data.description() + ": a PostgreSQL database is never dropped here. Drop it yourself when"
                    + " nothing needs it any more.";
        }
        return "Its " + data.description() + (plan.canDeleteDatabase() ? "." : ": " + plan.databaseKeptBecause()
                .orElseThrow() + ".");
    }

    /** One sentence on the database, shown prominently: whether it is kept. */
    public String databaseVerdict() {
        if (deleteDatabase.get()) {
            return "The database is deleted with the instance.";
        }
        return plan.database().map(ServerDatabase::kind).orElse(null) == DatabaseKind.POSTGRESQL
                ? "The PostgreSQL database is kept: it is never dropped."
                : "The database is kept.";
    }

    /** The tick box's label. */
    public String deleteDatabaseLabel() {
        return plan.database().flatMap(ServerDatabase::h2DataFile)
                .map(file -> "Also delete the embedded H2 database (" + file + ")")
                .orElse("Also delete the embedded H2 database");
    }

    /** Why the tick box is disabled; empty when it is enabled. */
    public String databaseKeptBecause() {
        return plan.databaseKeptBecause().map(reason -> "The database cannot be deleted here: " + reason + ".")
                .orElse("");
    }

    public boolean canDeleteDatabase() {
        return plan.canDeleteDatabase();
    }

    public BooleanProperty deleteDatabaseProperty() {
        return deleteDatabase;
    }

    public boolean deleteDatabase() {
        return deleteDatabase.get();
    }

    /** The equivalent command lines, for people who script it. */
    public String equivalentCommands() {
        String instance = EquivalentCommands.quote(instance());
        List<String> commands = new ArrayList<>();
        if (plan.removesService()) {
            commands.add("octopus-server service --instance " + instance + " --stop --uninstall");
        }
        commands.add("octopus-server delete-instance --instance " + instance);
        List<Path> files = new ArrayList<>(plan.configurationFiles());
        if (deleteDatabase.get()) {
            files.addAll(plan.databaseFiles());
        }
        if (!files.isEmpty()) {
            commands.add(files.stream().map(Path::toString).map(EquivalentCommands::quote)
                    .collect(Collectors.joining(" ", "rm -f ", "")));
        }
        return String.join(System.lineSeparator(), commands);
    }
}
