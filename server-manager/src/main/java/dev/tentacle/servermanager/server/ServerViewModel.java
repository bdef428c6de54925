package dev.tentacle.servermanager.server;

import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.desktop.fx.FileManager;
import dev.tentacle.desktop.fx.Work;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerServiceDefinition;
import dev.tentacle.server.admin.ServerInstanceRemoval;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The server window of the selected instance: its details (thumbprints, ports, web address, directories, database),
 * its OS service status and comms port, read again by {@link #poll()}, and the actions on it (Start, Stop, Restart,
 * Delete). Every engine call runs on the context's background executor; results arrive on its UI thread, and a result
 * for an instance that is no longer selected is dropped.
 */
public final class ServerViewModel {
    private final ServerManagerContext context;
    private final ServerStorages storages;
    private final FileManager files;
    private final ObservableValue<ServerInstance> selected;
    private final Runnable instancesChanged;
    private final CommsPortCheck commsCheck;
    private final ReadOnlyObjectWrapper<ServerDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<ServiceStatusView> service = new ReadOnlyObjectWrapper<>(this, "service");
    private final ReadOnlyObjectWrapper<CommsPortStatus> comms = new ReadOnlyObjectWrapper<>(this, "comms");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final AtomicBoolean statusPollInFlight = new AtomicBoolean();
    private final AtomicBoolean commsPollInFlight = new AtomicBoolean();
    private final Actions actions;
    private final BooleanBinding busy;
    /** The instance being deleted: nothing reads its storage meanwhile, so that its database can be deleted. */
    private volatile ServerInstance deleting;
    private volatile ServiceManager serviceManager;

    /**
     * @param selected the instance the window shows; null for none
     * @param instancesChanged told when an instance was deleted, so that the instance list is read again
     */
    public ServerViewModel(ServerManagerContext context, ServerStorages storages, FileManager files,
            ObservableValue<ServerInstance> selected, Runnable instancesChanged) {
        this(context, storages, files, selected, instancesChanged, Clock.systemUTC());
    }

    ServerViewModel(ServerManagerContext context, ServerStorages storages, FileManager files,
            ObservableValue<ServerInstance> selected, Runnable instancesChanged, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.files = Objects.requireNonNull(files, "files");
        this.selected = Objects.requireNonNull(selected, "selected");
        this.instancesChanged = Objects.requireNonNull(instancesChanged, "instancesChanged");
        this.commsCheck = new CommsPortCheck(clock);
        this.actions = new Actions(context.background(), context.ui());
        this.busy = actions.busyProperty();
        selected.addListener((observable, before, now) -> {
            if (!Objects.equals(before, now)) {
                loadSelected();
            }
        });
        loadSelected();
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** The selected instance's details; null while they are read, or when nothing is selected. */
    public ReadOnlyObjectProperty<ServerDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The selected instance's service status; null when nothing is selected. */
    public ReadOnlyObjectProperty<ServiceStatusView> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** Whether the comms port listens, and by this server; null while the configuration is not known. */
    public ReadOnlyObjectProperty<CommsPortStatus> commsProperty() {
        return comms.getReadOnlyProperty();
    }

    /** True while an action the user started runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** What runs now, for the status bar; empty when nothing does. */
    public ReadOnlyStringProperty activityProperty() {
        return actions.activityProperty();
    }

    /** The outcome of the last action, for the status bar. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where failures of actions go; the view shows them in a dialog. */
    public void setFailureHandler(Consumer<Failure> handler) {
        actions.setFailureHandler(handler);
    }

    /** The last failure reported, for tests; null when none. */
    public Failure lastFailure() {
        return actions.lastFailure();
    }

    public BooleanBinding canStartProperty() {
        return serviceAllows(kind -> kind != ServiceStatusView.Kind.RUNNING);
    }

    public BooleanBinding canStopProperty() {
        return serviceAllows(kind -> kind != ServiceStatusView.Kind.STOPPED);
    }

    public BooleanBinding canRestartProperty() {
        return serviceAllows(kind -> true);
    }

    /** The service can be installed: it is not, and this machine has a service manager. */
    public BooleanBinding canInstallProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && service.get() != null
                && service.get().kind() == ServiceStatusView.Kind.NOT_INSTALLED, busy, service);
    }

    private BooleanBinding serviceAllows(Predicate<ServiceStatusView.Kind> allowed) {
        return Bindings.createBooleanBinding(() -> !busy.get() && service.get() != null
                && service.get().isControllable() && allowed.test(service.get().kind()), busy, service);
    }

    public BooleanBinding canDeleteProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && selected.getValue() != null, busy, selected);
    }

    /** True when the configuration was read, so that the home directory is known. */
    public BooleanBinding hasConfigurationProperty() {
        return Bindings.createBooleanBinding(() -> details.get() != null && details.get().configuration().isPresent(),
                details);
    }

    // ---- loading -----------------------------------------------------------------------------------------------

    private void loadSelected() {
        ServerInstance instance = selected.getValue();
        details.set(null);
        comms.set(null);
        service.set(instance == null ? null : ServiceStatusView.checking());
        if (instance == null) {
            return;
        }
        actions.read(() -> ServerDetails.read(instance), read -> {
            if (isSelected(instance)) {
                details.set(read);
                refreshComms();
            }
        }, failure -> {
            if (isSelected(instance)) {
                report(Failure.of("Could not read the Octopus Server instance '" + instance.name() + "'", failure));
            }
        });
        refreshStatus();
    }

    /** Reads the details, the service status and the comms port again, e.g. after the user pressed F5. */
    public void refresh() {
        loadSelected();
    }

    /** The periodic refresh of the service status and the comms port; a read still running is not repeated. */
    public void poll() {
        ServerInstance instance = selected.getValue();
        if (instance == null) {
            return;
        }
        if (statusPollInFlight.compareAndSet(false, true)) {
            readStatus(instance, () -> statusPollInFlight.set(false));
        }
        if (commsPollInFlight.compareAndSet(false, true)) {
            readComms(instance, () -> commsPollInFlight.set(false));
        }
    }

    /** Asks the service manager for the selected instance's service status now. */
    public void refreshStatus() {
        ServerInstance instance = selected.getValue();
        if (instance != null) {
            readStatus(instance, () -> { });
        }
    }

    private void refreshComms() {
        ServerInstance instance = selected.getValue();
        if (instance != null) {
            readComms(instance, () -> { });
        }
    }

    private void readStatus(ServerInstance instance, Runnable done) {
        actions.read(() -> {
            ServiceManager manager = serviceManager();
            if (!manager.isSupported()) {
                return ServiceStatusView.unavailable(manager.describe());
            }
            return ServiceStatusView.of(manager.status(ServiceName.octopusServer(instance.name())), instance.name());
        }, status -> {
            done.run();
            if (isSelected(instance)) {
                service.set(status);
            }
        }, failure -> {
            done.run();
            if (isSelected(instance)) {
                service.set(ServiceStatusView.unavailable(Failure.of("", failure).message()));
            }
        });
    }

    private void readComms(ServerInstance instance, Runnable done) {
        ServerDetails current = details.get();
        if (current == null || !current.instance().equals(instance) || current.configuration().isEmpty()
                || instance.equals(deleting)) {
            done.run();
            if (current != null && current.instance().equals(instance) && current.configuration().isEmpty()) {
                comms.set(new CommsPortStatus(0, CommsPortStatus.State.UNKNOWN, "Not known",
                        "The configuration file cannot be read, so the comms port is not known."));
            }
            return;
        }
        int port = current.commsPort();
        if (comms.get() == null) {
            comms.set(CommsPortStatus.checking(port));
        }
        actions.read(() -> commsCheck.check(instance.name(), port, () -> storageOf(instance)), status -> {
            done.run();
            if (isSelected(instance)) {
                comms.set(status);
            }
        }, failure -> {
            done.run();
            if (isSelected(instance)) {
                comms.set(new CommsPortStatus(port, CommsPortStatus.State.UNKNOWN, "Port " + port + ": not known",
                        Failure.of("", failure).message()));
            }
        });
    }

    private Storage storageOf(ServerInstance instance) {
        if (instance.equals(deleting)) {
            throw new IllegalStateException("The instance '" + instance.name() + "' is being deleted.");
        }
        return storages.storage(instance);
    }

    private ServiceManager serviceManager() {
        ServiceManager manager = serviceManager;
        if (manager == null) {
            manager = Objects.requireNonNull(context.serviceManager().get(), "the service manager");
            serviceManager = manager;
        }
        return manager;
    }

    private boolean isSelected(ServerInstance instance) {
        return instance.equals(selected.getValue());
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    public void start() {
        serviceAction("Starting the server's service", "Could not start the server's service", ServiceManager::start,
                "Started");
    }

    public void stop() {
        serviceAction("Stopping the server's service", "Could not stop the server's service", ServiceManager::stop,
                "Stopped");
    }

    public void restart() {
        serviceAction("Restarting the server's service", "Could not restart the server's service",
                ServiceManager::restart, "Restarted");
    }

    /**
     * Installs the instance's service, as {@code octopus-server service --install --start} does: it runs the
     * {@code octopus-server} launcher given in {@code OCTOPUS_SERVER_LAUNCHER} (bin/server-manager sets it), with this
     * registry, and starts at boot; then starts it.
     */
    public void install() {
        ServerInstance instance = selected.getValue();
        if (instance == null) {
            return;
        }
        action("Installing the server's service", "Could not install the server's service", progress -> {
            progress.step("Installing the server's service");
            ServiceDefinition definition = ServerServiceDefinition.of(instance, context.locations(),
                    ServerServiceDefinition.launcher(context.environment()), false, null, null);
            ServiceManager manager = serviceManager();
            manager.install(definition);
            progress.step("Starting the server's service");
            manager.start(definition.service());
            return definition.service();
        }, installed -> {
            notice.set("Installed and started the service '" + installed.displayName() + "'.");
            refreshComms();
        });
    }

    private void serviceAction(String step, String failureTitle, BiConsumer<ServiceManager, ServiceName> change,
            String done) {
        ServerInstance instance = selected.getValue();
        if (instance == null) {
            return;
        }
        ServiceName serviceName = ServiceName.octopusServer(instance.name());
        action(step, failureTitle, progress -> {
            progress.step(step);
            change.accept(serviceManager(), serviceName);
            return serviceName;
        }, changed -> {
            notice.set(done + " the service '" + changed.displayName() + "'.");
            refreshComms();
        });
    }

    /** Looks at what deleting the selected instance involves, then hands the confirmation to {@code confirm}. */
    public void prepareDeletion(Consumer<DeleteServerViewModel> confirm) {
        ServerInstance instance = selected.getValue();
        if (instance == null) {
            return;
        }
        action("Looking at what to delete", "Could not prepare deleting '" + instance.name() + "'",
                progress -> removal().plan(instance.name()), plan -> confirm.accept(new DeleteServerViewModel(plan)));
    }

    /**
     * Deletes as confirmed: stops and removes the service, closes the instance's storage, removes the registry entry
     * and the configuration file and, when ticked, the embedded database.
     */
    public void delete(DeleteServerViewModel confirmed) {
        ServerInstanceRemoval.Plan plan = confirmed.plan();
        ServerInstance instance = new ServerInstance(plan.record().name(), plan.record().configFile());
        boolean deleteDatabase = confirmed.deleteDatabase();
        action("Deleting '" + instance.name() + "'", "Could not delete the Octopus Server instance '"
                + instance.name() + "'", progress -> {
                    try {
                        return removal().remove(plan, deleteDatabase, progress::step, () -> {
                            deleting = instance;
                            storages.close(instance);
                        });
                    } finally {
                        storages.close(instance);
                        deleting = null;
                    }
                }, removed -> {
                    notice.set("Deleted the Octopus Server instance '" + instance.name() + "'."
                            + (removed.notes().isEmpty() ? "" : " " + String.join(" ", removed.notes())));
                    instancesChanged.run();
                }, instancesChanged);
    }

    private ServerInstanceRemoval removal() {
        return new ServerInstanceRemoval(context.registry(), this::serviceManager);
    }

    public void openHomeDirectory() {
        Optional.ofNullable(details.get()).flatMap(ServerDetails::homeDirectory)
                .ifPresent(directory -> open(directory, "Could not open the home directory"));
    }

    /** Opens the directory that holds the configuration file. */
    public void openConfigurationDirectory() {
        Optional.ofNullable(details.get()).map(d -> d.configFile().getParent())
                .ifPresent(directory -> open(directory, "Could not open the configuration file's directory"));
    }

    private void open(Path directory, String failureTitle) {
        actions.read(() -> {
            files.open(directory);
            return directory;
        }, opened -> { }, failure -> report(Failure.of(failureTitle, failure)));
    }

    /** Says in the status bar that a thumbprint was copied. */
    public void noticeCopied(String text) {
        notice.set("Copied " + text + " to the clipboard.");
    }

    /** The {@code octopus-server} command a service button stands for, for its tooltip; empty with no instance. */
    public String equivalentCommand(String serviceAction) {
        ServerInstance instance = selected.getValue();
        return instance == null ? "" : EquivalentCommands.service(instance.name(), serviceAction);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    /** An action the user started; the service status is read again after it, whatever happened. */
    private <T> void action(String step, String failureTitle, Work<T> work, Consumer<T> done) {
        action(step, failureTitle, work, done, () -> { });
    }

    private <T> void action(String step, String failureTitle, Work<T> work, Consumer<T> done, Runnable afterFailure) {
        actions.run(step, failureTitle, work, result -> {
            done.accept(result);
            refreshStatus();
        }, () -> {
            afterFailure.run();
            refreshStatus();
        });
    }

    private void report(Failure failure) {
        actions.report(failure);
    }
}
