package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WizardReviewViewModel;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.admin.ServerSetupPlan;
import dev.tentacle.server.admin.ServerSetupScript;
import dev.tentacle.server.admin.StorageChoice;
import dev.tentacle.server.storage.StorageConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The review page: what will be set up, and the equivalent {@code octopus-server} commands ("Show script"), with the
 * database password masked unless the user asks to see it.
 */
public final class ReviewViewModel extends WizardReviewViewModel<ServerSetupPlan, ServerSetupScript> {
    private final OperatingSystem os;

    /** @param plan what the other pages describe; the database password is masked again on each refresh */
    public ReviewViewModel(Supplier<ServerSetupPlan> plan, OperatingSystem os) {
        super(plan, true);
        this.os = Objects.requireNonNull(os, "os");
    }

    @Override
    protected ServerSetupScript script(ServerSetupPlan p) {
        return ServerSetupScript.of(p, os);
    }

    @Override
    protected List<Row> rows(ServerSetupPlan p) {
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
}
