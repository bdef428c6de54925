package dev.tentacle.servermanager.setup;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.admin.ServerSetupPlan;
import dev.tentacle.server.admin.ServerSetupScript;
import dev.tentacle.server.admin.StorageChoice;
import dev.tentacle.server.storage.StorageConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review page: what will be set up, and the equivalent {@code octopus-server} commands ("Show script"), with the
 * database password masked unless the user asks to see it.
 */
public final class ReviewViewModel {
    /** One line of the summary. */
    public record Row(String label, String value) {
    }

    private final Supplier<ServerSetupPlan> plan;
    private final OperatingSystem os;
    private final ObservableList<Row> summary = FXCollections.observableArrayList();
    private final BooleanProperty showSecrets = new SimpleBooleanProperty(this, "showSecrets", false);
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper(this, "script", "");
    private ServerSetupScript current;

    /** @param plan what the other pages describe */
    public ReviewViewModel(Supplier<ServerSetupPlan> plan, OperatingSystem os) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.os = Objects.requireNonNull(os, "os");
        showSecrets.addListener((observable, before, after) -> renderScript());
    }

    /** Reads the other pages again; the wizard calls it when the review page is shown. */
    public void refresh() {
        ServerSetupPlan p = plan.get();
        current = ServerSetupScript.of(p, os);
        showSecrets.set(false);
        summary.setAll(rows(p));
        renderScript();
    }

    private void renderScript() {
        script.set(current == null ? "" : current.render(showSecrets.get()));
    }

    private static List<Row> rows(ServerSetupPlan p) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Instance", p.instanceName()));
        rows.add(new Row("Home directory", p.homeDirectory().toString()));
        rows.add(new Row("Database", p.storage() instanceof StorageChoice.Postgres postgres
                ? "PostgreSQL: database '" + postgres.database() + "' on " + postgres.host() + ":" + postgres.port()
                        + " as '" + postgres.user() + "'"
                : "Embedded H2 in " + p.homeDirectory().resolve(StorageConfiguration.DEFAULT_DATABASE_DIRECTORY)));
        rows.add(new Row("Web interface and API", p.webListen().prefix() + (p.webListen().bindAddress() == null
                ? " (all network addresses)" : " (this machine only)")));
        rows.add(new Row("Comms port", p.commsListenPort() + ", for polling Tentacles"));
        rows.add(new Row("API key", "'" + p.apiKeyName() + "', created and shown once at the end"));
        rows.add(new Row("OS service", p.installService() ? "Installed and started" : "Not installed"));
        return rows;
    }

    public ObservableList<Row> summary() {
        return summary;
    }

    /** Show the database password in the script, so that it runs as it is. */
    public BooleanProperty showSecretsProperty() {
        return showSecrets;
    }

    public boolean scriptHasSecrets() {
        return current != null && current.hasSecrets();
    }

    /** The equivalent commands, one a line. */
    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }
}
