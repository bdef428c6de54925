package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.server.admin.ServerSetupOutcome.RollbackAction;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.MigrationReport;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sets up the Octopus Server instance a {@link ServerSetupPlan} describes, one step at a time, with the same engine
 * code and in the same order as the commands of its {@link ServerSetupScript}: create the instance, generate its
 * certificate, configure its ports and storage, create the database's tables, create the administrator's API key,
 * install and start the service. Each step reports what it did; the user may cancel between steps.
 *
 * <p>When a step fails or the user cancels, what was done is undone in reverse order: the service is uninstalled, the
 * API key revoked (in PostgreSQL; an embedded database the setup created is deleted), the instance deleted from the
 * registry, and the files the setup created removed: configuration, certificate and embedded database (a home
 * directory that existed before keeps what it held). A PostgreSQL database is never dropped. The outcome then says
 * what failed and what to do.
 */
public final class ServerSetup {
    private final HostEnvironment environment;
    private final ServiceManager services;

    /**
     * @param environment decides the registry, and holds {@value ServerServiceDefinition#LAUNCHER_VARIABLE} for the
     *     service
     * @param services installs the service
     */
    public ServerSetup(HostEnvironment environment, ServiceManager services) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The steps {@link #install} runs for this plan, by the titles it reports them with. */
    public static List<String> steps(ServerSetupPlan plan) {
        List<String> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            if (step != Step.SERVICE || plan.installService()) {
                steps.add(step.title(plan));
            }
        }
        return steps;
    }

    private enum Step {
        CREATE, CERTIFICATE, CONFIGURE, DATABASE, API_KEY, SERVICE;

        String title(ServerSetupPlan plan) {
            return switch (this) {
                case CREATE -> "Create the instance '" + plan.instanceName() + "'";
                case CERTIFICATE -> "Generate its certificate";
                case CONFIGURE -> "Configure ports " + plan.webListen().port() + " and " + plan.commsListenPort()
                        + ", and the " + plan.storage().kind().displayName() + " database";
                case DATABASE -> plan.storage().kind() == DatabaseKind.H2 ? "Create the embedded database"
                        : "Create the server's tables in the PostgreSQL database";
                case API_KEY -> "Create the API key '" + plan.apiKeyName() + "'";
                case SERVICE -> "Install and start the service";
            };
        }
    }

    /**
     * Sets up the plan, or undoes what was done.
     *
     * @return {@link ServerSetupOutcome.Installed}, or {@link ServerSetupOutcome.RolledBack} saying what failed and
     *     what to do
     */
    public ServerSetupOutcome install(ServerSetupPlan plan, SetupProgress progress) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(progress, "progress");
        Run run = new Run(plan, progress);
        Step current = Step.CREATE;
        try {
            run.begin(current);
            run.create();
            current = Step.CERTIFICATE;
            run.begin(current);
            CertificateThumbprints thumbprints = run.certificate();
            current = Step.CONFIGURE;
            run.begin(current);
            run.configure();
            current = Step.DATABASE;
            run.begin(current);
            run.database();
            current = Step.API_KEY;
            run.begin(current);
            CreatedApiKey apiKey = run.apiKey();
            List<String> notes = new ArrayList<>();
            if (plan.installService()) {
                current = Step.SERVICE;
                run.begin(current);
                run.service();
            } else {
                String name = ServerSetupScript.quoted(plan.instanceName());
                notes.add("The OS service was not installed. Run the server in the foreground with: octopus-server run"
                        + " --instance " + name + ", or install the service later with: octopus-server service"
                        + " --instance " + name + " --install --start");
            }
            if (run.cancelled()) {
                throw new CancellationException();
            }
            return new ServerSetupOutcome.Installed(run.instance, thumbprints, apiKey, notes);
        } catch (CancellationException e) {
            run.closeStorage();
            progress.output("Cancelled before: " + current.title(plan) + ". Undoing what was done.");
            return new ServerSetupOutcome.RolledBack(current.title(plan), "The setup was cancelled.", true,
                    run.rollback());
        } catch (RuntimeException e) {
            run.closeStorage();
            String problem = message(e);
            progress.output("Failed: " + problem);
            progress.output("Undoing what was done.");
            return new ServerSetupOutcome.RolledBack(current.title(plan), problem, false, run.rollback());
        }
    }

    /** One installation: what it has done so far, so that exactly that can be undone. */
    private final class Run {
        private final ServerSetupPlan plan;
        private final SetupProgress progress;
        private final InstanceRegistry registry;
        private ServerInstance instance;
        private boolean registered;
        private Path createdDirectory;
        private Set<Path> homeEntriesBefore;
        private Storage storage;
        private boolean databaseOpened;
        private CreatedApiKey apiKey;
        private boolean serviceInstalled;

        Run(ServerSetupPlan plan, SetupProgress progress) {
            this.plan = plan;
            this.progress = progress;
            this.registry = new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.SERVER);
        }

        boolean cancelled() {
            return progress.isCancelled();
        }

        void begin(Step step) {
            if (cancelled()) {
                throw new CancellationException();
            }
            progress.step(step.title(plan));
        }

        void create() {
            Path home = plan.homeDirectory();
            rememberWhatExists(home);
            ServerInstanceSetup.Created created = new ServerInstanceSetup(registry).create(plan.instanceName(), home,
                    null);
            instance = created.instance();
            registered = !created.alreadyExisted();
            if (!created.createdConfigFile()) {
                throw new IllegalStateException("The instance '" + plan.instanceName() + "' or its configuration file "
                        + instance.configFile() + " already existed, so the setup would not be making a new Octopus"
                        + " Server. Choose another name or home directory.");
            }
            progress.output("Created the Octopus Server instance '" + instance.name() + "'.");
            progress.output("  Configuration file: " + instance.configFile());
            progress.output("  Home directory:     " + created.homeDirectory());
        }

        CertificateThumbprints certificate() {
            ServerInstanceSetup.Certificate certificate = ServerInstanceSetup.newCertificate(instance, false);
            progress.output("Generated a certificate in " + certificate.file() + ".");
            progress.output("The thumbprint of this Octopus Server is: " + certificate.thumbprints().sha1()
                    + " (SHA-256: " + certificate.thumbprints().sha256() + ")");
            return certificate.thumbprints();
        }

        void configure() {
            ServerConfiguration saved = instance.update(plan.configurationChange()::apply);
            progress.output("Web interface and API: " + saved.webListen().prefix());
            progress.output("Comms port for polling Tentacles: " + saved.commsListenPort());
            progress.output("Storage: " + saved.storage().redactedUrl());
            progress.output("Saved " + instance.configFile() + ".");
        }

        void database() {
            databaseOpened = true;
            storage = instance.openStorage();
            MigrationReport migrations = storage.migrations();
            progress.output((plan.storage().kind() == DatabaseKind.H2 ? "The embedded database is ready in "
                    + instance.configuration().homeDirectory().resolve("Database")
                    : "The PostgreSQL database is ready") + ": schema version " + migrations.schemaVersion() + " ("
                    + migrations.appliedAtOpen() + " migration(s) applied now).");
        }

        CreatedApiKey apiKey() {
            try {
                apiKey = storage.apiKeys().create(plan.apiKeyName());
            } finally {
                closeStorage();
            }
            // Never the key itself: output is shown, copied and may be logged.
            progress.output("Created the API key '" + apiKey.apiKey().name() + "' (" + apiKey.apiKey().id() + "). It"
                    + " is shown once, when the setup ends.");
            return apiKey;
        }

        void service() {
            ServiceDefinition definition = ServerServiceDefinition.of(instance, registry.locations(),
                    ServerServiceDefinition.launcher(environment), false, null, null);
            serviceInstalled = true; // a failed install may have left a unit behind; uninstalling it is harmless
            services.install(definition);
            services.start(definition.service());
            progress.output("Installed the service '" + definition.displayName() + "' to run " + definition.launcher()
                    + " " + String.join(" ", definition.arguments()) + ", enabled it at boot and started it.");
        }

        ServiceName serviceName() {
            return ServiceName.octopusServer(instance.name());
        }

        void closeStorage() {
            if (storage != null) {
                try {
                    storage.close();
                } catch (RuntimeException e) {
                    progress.output("Could not close the database: " + message(e));
                }
                storage = null;
            }
        }

        List<RollbackAction> rollback() {
            List<RollbackAction> actions = new ArrayList<>();
            String name = plan.instanceName();
            String quotedName = ServerSetupScript.quoted(name);
            boolean postgres = plan.storage().kind() == DatabaseKind.POSTGRESQL;
            if (serviceInstalled) {
                actions.add(undo("Uninstall the service", () -> services.uninstall(serviceName())
                                ? "Stopped and removed the service '" + serviceName().displayName() + "'."
                                : "The service was not installed.",
                        "octopus-server service --instance " + quotedName + " --stop --uninstall"));
            }
            if (apiKey != null && postgres) {
                actions.add(undo("Revoke the API key '" + apiKey.apiKey().name() + "'", () -> {
                    try (Storage opened = instance.openStorage()) {
                        opened.apiKeys().revoke(apiKey.apiKey().id());
                    }
                    return "Revoked " + apiKey.apiKey().id() + " in the PostgreSQL database: it no longer works.";
                }, "in the PostgreSQL database: UPDATE api_keys SET revoked = now() WHERE id = "
                        + apiKey.apiKey().id().value()));
            }
            if (registered) {
                actions.add(undo("Delete the instance '" + name + "' from the registry", () -> {
                    registry.delete(name);
                    return "Deleted it from the registry.";
                }, "octopus-server delete-instance --instance " + quotedName));
            }
            if (createdDirectory != null || homeEntriesBefore != null) {
                actions.add(undo("Remove the files the setup created", this::removeCreatedFiles,
                        "delete " + (createdDirectory != null ? createdDirectory : "the new files in "
                                + plan.homeDirectory())));
            }
            for (RollbackAction action : actions) {
                progress.output((action.succeeded() ? "Undone: " : "Could not undo: ") + action.description() + ". "
                        + action.detail());
            }
            if (postgres && databaseOpened) {
                progress.output("The PostgreSQL database was kept: the setup never drops a database. The server's"
                        + " tables it created there stay; a new try uses them as they are.");
            }
            return actions;
        }

        /** Notes which directory the setup creates, or what an existing home directory holds already. */
        private void rememberWhatExists(Path home) {
            if (Files.isDirectory(home)) {
                try (Stream<Path> entries = Files.list(home)) {
                    homeEntriesBefore = entries.collect(Collectors.toSet());
                } catch (IOException e) {
                    homeEntriesBefore = null; // nothing of it will be removed
                }
                return;
            }
            Path topmostMissing = home;
            while (topmostMissing.getParent() != null && !Files.exists(topmostMissing.getParent())) {
                topmostMissing = topmostMissing.getParent();
            }
            // Never the registry itself: other instances may be registered in it by the time of a rollback.
            createdDirectory = registry.indexFile().startsWith(topmostMissing) ? home : topmostMissing;
        }

        private String removeCreatedFiles() throws IOException {
            if (createdDirectory != null) {
                if (!Files.exists(createdDirectory)) {
                    return "The setup had created no files.";
                }
                deleteTree(createdDirectory);
                return "Deleted " + createdDirectory + " (configuration, certificate"
                        + (plan.storage().kind() == DatabaseKind.H2 ? " and embedded database" : "") + ").";
            }
            List<Path> added;
            try (Stream<Path> entries = Files.list(plan.homeDirectory())) {
                added = entries.filter(p -> !homeEntriesBefore.contains(p)).toList();
            }
            for (Path path : added) {
                deleteTree(path);
            }
            return added.isEmpty() ? "The setup had added no files." : "Deleted " + added.stream()
                    .map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", ")) + " from "
                    + plan.homeDirectory() + "; what it held before is kept.";
        }
    }

    @FunctionalInterface
    private interface Undo {
        String run() throws Exception;
    }

    private static RollbackAction undo(String description, Undo undo, String manualCommand) {
        try {
            return new RollbackAction(description, true, undo.run(), Optional.empty());
        } catch (Exception e) {
            return new RollbackAction(description, false, message(e), Optional.of(manualCommand));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The exception's own message, which in the engine says what went wrong and what to do. */
    static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }
}
