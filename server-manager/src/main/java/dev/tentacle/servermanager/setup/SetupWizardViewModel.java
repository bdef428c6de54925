package dev.tentacle.servermanager.setup;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.server.admin.PortAvailability;
import dev.tentacle.server.admin.ServerSetup;
import dev.tentacle.server.admin.ServerSetupPlan;
import dev.tentacle.server.storage.ConnectionCheck;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.servermanager.ServerManagerContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The whole server setup wizard without its screens: one ViewModel per page, their order, and the
 * {@link ServerSetupPlan} they describe together.
 *
 * <pre>
 * instance (name, home) → database → ports → administrator API key → service → review → install
 * </pre>
 */
public final class SetupWizardViewModel {
    /** The pages, in order. */
    public enum Page {
        INSTANCE("Name the server and its home"),
        DATABASE("Where the server keeps its data"),
        PORTS("Ports"),
        API_KEY("The administrator's API key"),
        SERVICE("Run as a service"),
        REVIEW("Review"),
        INSTALL("Install");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The page's node id, e.g. "api-key-page". */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-page";
        }
    }

    private final HostEnvironment environment;
    private final InstanceViewModel instance;
    private final DatabaseViewModel database;
    private final PortsViewModel ports;
    private final AdministratorViewModel administrator;
    private final ServiceViewModel service;
    private final ReviewViewModel review;
    private final InstallViewModel install;

    public SetupWizardViewModel(ServerManagerContext context) {
        this(context, ConnectionCheck::test);
    }

    /** @param tester tests a PostgreSQL connection; {@link ConnectionCheck#test} but in tests of the page's states */
    SetupWizardViewModel(ServerManagerContext context,
            BiFunction<StorageConfiguration, Duration, ConnectionCheck.Result> tester) {
        Objects.requireNonNull(context, "context");
        environment = context.environment();
        InstanceRegistry registry = context.registry();
        ServiceManager services = context.serviceManager().get();
        instance = new InstanceViewModel(registry, environment.operatingSystem());
        database = new DatabaseViewModel(tester, context.background(), context.ui(), instance::homeDirectory,
                instance.homeProperty());
        ports = new PortsViewModel(new PortAvailability(registry), instance.nameProperty());
        administrator = new AdministratorViewModel();
        service = new ServiceViewModel(environment, services);
        review = new ReviewViewModel(this::plan, environment.operatingSystem());
        install = new InstallViewModel(new ServerSetup(environment, services), context.background(), context.ui());
    }

    /** The pages, in order. */
    public List<Page> pages() {
        return Arrays.asList(Page.values());
    }

    /** The page after this one; empty after the last. */
    public Optional<Page> next(Page page) {
        int index = page.ordinal() + 1;
        return index < Page.values().length ? Optional.of(Page.values()[index]) : Optional.empty();
    }

    /** Whether the user may go on from this page. */
    public BooleanBinding valid(Page page) {
        return switch (page) {
            case INSTANCE -> instance.validProperty();
            case DATABASE -> database.validProperty();
            case PORTS -> ports.validProperty();
            case API_KEY -> administrator.validProperty();
            case SERVICE -> Bindings.createBooleanBinding(() -> true);
            case REVIEW -> install.runningProperty().not();
            case INSTALL -> Bindings.equal(InstallViewModel.State.SUCCEEDED, install.stateProperty());
        };
    }

    /**
     * What the pages describe.
     *
     * @throws IllegalStateException or IllegalArgumentException when a page is not valid yet
     */
    public ServerSetupPlan plan() {
        return new ServerSetupPlan(instance.name(), instance.homeDirectory(), database.choice(), ports.webListen(),
                ports.commsPortNumber(), administrator.keyName(), service.installServiceProperty().get());
    }

    /** Starts the installation of what the pages describe. */
    public void startInstall() {
        install.install(plan());
    }

    /** The instance, once installed. */
    public Optional<String> installedInstance() {
        return install.installedInstance();
    }

    public HostEnvironment environment() {
        return environment;
    }

    public InstanceViewModel instance() {
        return instance;
    }

    public DatabaseViewModel database() {
        return database;
    }

    public PortsViewModel ports() {
        return ports;
    }

    public AdministratorViewModel administrator() {
        return administrator;
    }

    public ServiceViewModel service() {
        return service;
    }

    public ReviewViewModel review() {
        return review;
    }

    public InstallViewModel install() {
        return install;
    }
}
