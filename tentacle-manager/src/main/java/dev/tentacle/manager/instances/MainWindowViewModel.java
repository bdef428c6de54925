package dev.tentacle.manager.instances;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.desktop.fx.FileManager;
import dev.tentacle.desktop.fx.Work;
import dev.tentacle.desktop.log.LogViewModel;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window: the registered instances, the selected one's details and service status, and the actions on it.
 * Every engine call runs on the context's background executor; results arrive on its UI thread. A result for an
 * instance that is no longer selected is dropped.
 */
public final class MainWindowViewModel {
    private final ManagerContext context;
    private final FileManager files;
    private final ObservableList<String> instances = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper die with it. */
    private final ObservableList<String> readOnlyInstances = FXCollections.unmodifiableObservableList(instances);
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<InstanceDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<ServiceStatusView> service = new ReadOnlyObjectWrapper<>(this, "service");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final AtomicBoolean statusPollInFlight = new AtomicBoolean();
    private final AtomicBoolean instancesPollInFlight = new AtomicBoolean();
    private final Actions actions;
    private final BooleanBinding busy;
    private volatile ServiceManager serviceManager;

    public MainWindowViewModel(ManagerContext context, FileManager files) {
        this.context = Objects.requireNonNull(context, "context");
        this.files = Objects.requireNonNull(files, "files");
        this.actions = new Actions(context.background(), context.ui());
        this.busy = actions.busyProperty();
        selected.addListener((observable, before, now) -> {
            if (!Objects.equals(before, now)) {
                loadSelected(true);
            }
        });
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** The registered instance names, sorted as the registry sorts them. */
    public ObservableList<String> instances() {
        return readOnlyInstances;
    }

    /** The selected instance; null when there is none. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    /** The selected instance's details; null while they are read, or when nothing is selected. */
    public ReadOnlyObjectProperty<InstanceDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The selected instance's service status; null when nothing is selected. */
    public ReadOnlyObjectProperty<ServiceStatusView> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** True once the registry was read for the first time, so that "no instances" means none rather than not yet. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
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

    private BooleanBinding serviceAllows(Predicate<ServiceStatusView.Kind> allowed) {
        return Bindings.createBooleanBinding(() -> !busy.get() && service.get() != null
                && service.get().isControllable() && allowed.test(service.get().kind()), busy, service);
    }

    /** Installing needs a service manager; reinstalling works whatever state the service is in. */
    public BooleanBinding canInstallServiceProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && service.get() != null
                && service.get().kind() != ServiceStatusView.Kind.UNAVAILABLE
                && service.get().kind() != ServiceStatusView.Kind.CHECKING
                && details.get() != null && details.get().configuration().isPresent(), busy, service, details);
    }

    /** "Install service" when there is none yet, else "Reinstall service"; with a mnemonic. */
    public StringBinding installServiceLabelProperty() {
        return Bindings.createStringBinding(() -> service.get() != null
                && service.get().kind() == ServiceStatusView.Kind.NOT_INSTALLED ? "I_nstall service"
                : "Rei_nstall service", service);
    }

    public BooleanBinding canDeleteProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null, busy, selected);
    }

    /** True when the selected instance's configuration was read, so that its proxy, log and directories are known. */
    public BooleanBinding hasConfigurationProperty() {
        return Bindings.createBooleanBinding(() -> details.get() != null && details.get().configuration().isPresent(),
                details);
    }

    public BooleanBinding canChangeProxyProperty() {
        return hasConfigurationProperty().and(busy.not());
    }

    // ---- loading -----------------------------------------------------------------------------------------------

    /** Reads the registry again, keeping the selection when the instance still exists. */
    public void refreshInstances() {
        loadInstances(null, true);
    }

    /** Reads the registry again and selects {@code name}, e.g. after the setup wizard created it. */
    public void refreshInstancesAndSelect(String name) {
        loadInstances(name, true);
    }

    /**
     * Reads the registry again for the periodic refresh: skipped while a read is still running, and failures are
     * not reported (the next user action reports them).
     */
    public void pollInstances() {
        if (!instancesPollInFlight.compareAndSet(false, true)) {
            return;
        }
        background(this::readInstanceNames, names -> {
            instancesPollInFlight.set(false);
            applyInstances(names, null);
        }, failure -> instancesPollInFlight.set(false));
    }

    private void loadInstances(String preferred, boolean reportFailure) {
        background(this::readInstanceNames, names -> applyInstances(names, preferred), failure -> {
            loaded.set(true);
            if (reportFailure) {
                report(Failure.of("Could not read the instance registry", failure));
            }
        });
    }

    private List<String> readInstanceNames() {
        return context.registry().list().stream().map(InstanceRecord::name).toList();
    }

    private void applyInstances(List<String> names, String preferred) {
        if (!instances.equals(names)) {
            String keep = selected.get();
            instances.setAll(names);
            // A list control may clear its selection when its items change.
            selected.set(keep);
        }
        Optional<String> wanted = preferred == null ? Optional.empty()
                : names.stream().filter(name -> name.equalsIgnoreCase(preferred)).findFirst();
        if (wanted.isPresent()) {
            selected.set(wanted.get());
        } else if (selected.get() == null || !names.contains(selected.get())) {
            selected.set(names.isEmpty() ? null : names.getFirst());
        }
        loaded.set(true);
    }

    private void loadSelected(boolean clear) {
        String name = selected.get();
        if (clear) {
            details.set(null);
            service.set(name == null ? null : ServiceStatusView.checking());
        }
        if (name == null) {
            return;
        }
        background(() -> InstanceDetails.read(context.registry().get(name)), read -> {
            if (name.equals(selected.get())) {
                details.set(read);
            }
        }, failure -> {
            if (name.equals(selected.get())) {
                report(Failure.of("Could not read the Tentacle instance '" + name + "'", failure));
                refreshInstances();
            }
        });
        refreshStatus();
    }

    /** Asks the service manager for the selected instance's service status now. */
    public void refreshStatus() {
        String name = selected.get();
        if (name != null) {
            readStatus(name, () -> { });
        }
    }

    /** Asks again for the periodic refresh; skipped while the previous answer is still awaited. */
    public void pollStatus() {
        String name = selected.get();
        if (name != null && statusPollInFlight.compareAndSet(false, true)) {
            readStatus(name, () -> statusPollInFlight.set(false));
        }
    }

    private void readStatus(String name, Runnable done) {
        background(() -> {
            ServiceManager manager = serviceManager();
            if (!manager.isSupported()) {
                return ServiceStatusView.unavailable(manager.describe());
            }
            return ServiceStatusView.of(manager.status(ServiceName.tentacle(name)));
        }, status -> {
            done.run();
            if (name.equals(selected.get())) {
                service.set(status);
            }
        }, failure -> {
            done.run();
            if (name.equals(selected.get())) {
                service.set(ServiceStatusView.unavailable(Failure.of("", failure).message()));
            }
        });
    }

    private ServiceManager serviceManager() {
        ServiceManager manager = serviceManager;
        if (manager == null) {
            manager = Objects.requireNonNull(context.serviceManager().get(), "the service manager");
            serviceManager = manager;
        }
        return manager;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    public void start() {
        serviceAction("Starting the service", "Could not start the service", ServiceManager::start, "Started");
    }

    public void stop() {
        serviceAction("Stopping the service", "Could not stop the service", ServiceManager::stop, "Stopped");
    }

    public void restart() {
        serviceAction("Restarting the service", "Could not restart the service", ServiceManager::restart,
                "Restarted");
    }

    private void serviceAction(String step, String failureTitle, BiConsumer<ServiceManager, ServiceName> change,
            String done) {
        String name = selected.get();
        if (name == null) {
            return;
        }
        ServiceName serviceName = ServiceName.tentacle(name);
        action(step, failureTitle, progress -> {
            progress.step(step);
            change.accept(serviceManager(), serviceName);
            return serviceName;
        }, changed -> notice.set(done + " the service '" + changed.displayName() + "'."));
    }

    /**
     * Installs the service again from the current definition (the {@code tentacle} launcher running
     * {@code run --instance NAME}), replacing what is installed and restarting it, or installs it the first time.
     */
    public void reinstallService() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        action("Installing the service", "Could not install the service", progress -> {
            Path launcher = TentacleServiceDefinition.launcher(context.environment());
            ServiceDefinition definition = TentacleServiceDefinition.of(instance(name), context.locations(), launcher,
                    false, null, null);
            progress.step("Installing the service '" + definition.displayName() + "'");
            serviceManager().install(definition);
            return definition;
        }, definition -> notice.set("Installed the service '" + definition.displayName() + "' to run "
                + definition.launcher() + " " + String.join(" ", definition.arguments()) + ", and started it."));
    }

    /** Looks at what deleting the selected instance involves, then hands the confirmation to {@code confirm}. */
    public void prepareDeletion(Consumer<DeleteInstanceViewModel> confirm) {
        String name = selected.get();
        if (name == null) {
            return;
        }
        action("Looking at what to delete", "Could not prepare deleting '" + name + "'",
                progress -> new InstanceRemoval(context.registry(), serviceManager()).plan(name),
                plan -> confirm.accept(new DeleteInstanceViewModel(plan)));
    }

    /** Deletes as confirmed: the service, the registry entry and, when ticked, the files. */
    public void delete(DeleteInstanceViewModel confirmed) {
        String name = confirmed.instance();
        boolean deleteFiles = confirmed.deleteFiles();
        action("Deleting '" + name + "'", "Could not delete the Tentacle instance '" + name + "'", progress ->
                new InstanceRemoval(context.registry(), serviceManager()).remove(confirmed.plan(), deleteFiles,
                        progress::step),
                removed -> {
                    notice.set("Deleted the Tentacle instance '" + name + "'."
                            + (removed.notes().isEmpty() ? "" : " " + String.join(" ", removed.notes())));
                    refreshInstances();
                }, this::refreshInstances);
    }

    /** The Change proxy dialog for the selected instance; empty when its configuration cannot be read. */
    public Optional<ProxyViewModel> proxyEditor() {
        InstanceDetails current = details.get();
        if (current == null || current.configuration().isEmpty()) {
            return Optional.empty();
        }
        TentacleConfiguration configuration = current.configuration().get();
        ProxyConfiguration proxy = configuration.pollingServers().isEmpty() ? configuration.proxy()
                : configuration.pollingProxy();
        return Optional.of(new ProxyViewModel(current.name(), proxy,
                ProxyViewModel.SystemProxyLookup.of(context.environment())));
    }

    /** Writes the proxy chosen in the dialog as the instance's proxy and polling proxy. */
    public void saveProxy(ProxyViewModel editor) {
        ProxyConfiguration proxy;
        try {
            proxy = editor.result();
        } catch (IllegalArgumentException e) {
            report(Failure.of("Could not save the proxy", e));
            return;
        }
        String name = editor.instance();
        action("Saving the proxy", "Could not save the proxy of '" + name + "'",
                progress -> instance(name).update(c -> c.withProxy(proxy).withPollingProxy(proxy)),
                saved -> {
                    notice.set("Saved the proxy of '" + name + "': " + (proxy.enabled() ? proxy : "no proxy")
                            + ". Restart the service for the agent to use it.");
                    if (name.equals(selected.get())) {
                        loadSelected(false);
                    }
                });
    }

    public void openHomeDirectory() {
        Optional.ofNullable(details.get()).flatMap(InstanceDetails::homeDirectory)
                .ifPresent(directory -> open(directory, "Could not open the home directory"));
    }

    public void openLogsDirectory() {
        Optional.ofNullable(details.get()).flatMap(InstanceDetails::logsDirectory)
                .ifPresent(directory -> open(directory, "Could not open the logs directory"));
    }

    private void open(Path directory, String failureTitle) {
        background(() -> {
            files.open(directory);
            return directory;
        }, opened -> { }, failure -> report(Failure.of(failureTitle, failure)));
    }

    /** The agent's log file of the selected instance; empty when its configuration cannot be read. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(details.get()).flatMap(InstanceDetails::logFile);
    }

    /** The log view of the selected instance's agent log; empty when its configuration cannot be read. */
    public Optional<LogViewModel> logView() {
        InstanceDetails current = details.get();
        return logFile().map(file -> new LogViewModel(current.name(), file, context.background(), context.ui()));
    }

    /** Says in the status bar that a thumbprint was copied. */
    public void noticeCopied(String text) {
        notice.set("Copied " + text + " to the clipboard.");
    }

    /** The {@code tentacle} command that does what a button does, for its tooltip; empty with no instance. */
    public String equivalentCommand(EquivalentCommands.Action action) {
        String name = selected.get();
        return name == null ? "" : EquivalentCommands.forButton(action, name,
                service.get() != null && service.get().kind() == ServiceStatusView.Kind.NOT_INSTALLED);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private TentacleInstance instance(String name) {
        InstanceRecord record = context.registry().get(name);
        return new TentacleInstance(record.name(), record.configFile());
    }

    private <T> void action(String step, String failureTitle, Work<T> work, Consumer<T> done) {
        action(step, failureTitle, work, done, () -> { });
    }

    /** An action the user started; the service status is read again after it, whatever happened. */
    private <T> void action(String step, String failureTitle, Work<T> work, Consumer<T> done, Runnable afterFailure) {
        actions.run(step, failureTitle, work, result -> {
            done.accept(result);
            refreshStatus();
        }, () -> {
            afterFailure.run();
            refreshStatus();
        });
    }

    private <T> void background(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        actions.read(work, done, failed);
    }

    private void report(Failure failure) {
        actions.report(failure);
    }
}
