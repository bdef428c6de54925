package dev.tentacle.desktop.service;

import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.desktop.fx.Work;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The OS service of the instance a manager window shows, for its ViewModel: the status, read on demand and by the
 * periodic poll (a read still running is not repeated), Start, Stop and Restart, and the actions after which the status
 * is read again. Work runs through the window's {@link Actions}; a status for an instance that is no longer selected is
 * dropped. The service manager is asked for once, on the background thread, and kept.
 *
 * @param <I> how the window knows its selected instance (its name, or an instance record)
 */
public final class ServiceControl<I> {
    private final Actions actions;
    private final Supplier<ServiceManager> serviceManagers;
    private final ObservableValue<I> selected;
    private final Function<I, ServiceName> serviceName;
    private final BiFunction<I, ServiceStatus, ServiceStatusView> describe;
    private final String service;
    private final ReadOnlyObjectWrapper<ServiceStatusView> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final AtomicBoolean pollInFlight = new AtomicBoolean();
    private Consumer<String> notice = text -> { };
    private Runnable afterChange = () -> { };
    private volatile ServiceManager serviceManager;

    /**
     * @param serviceManagers gives the service manager; called on the background thread, once
     * @param selected the instance the window shows; null for none
     * @param serviceName the OS service of an instance
     * @param describe how the window words an instance's status
     * @param service how the window names the service in what the actions say ("the service", "the server's
     *     service"): Start says "Starting the service", and "Could not start the service" when it fails
     */
    public ServiceControl(Actions actions, Supplier<ServiceManager> serviceManagers, ObservableValue<I> selected,
            Function<I, ServiceName> serviceName, BiFunction<I, ServiceStatus, ServiceStatusView> describe,
            String service) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.serviceManagers = Objects.requireNonNull(serviceManagers, "serviceManagers");
        this.selected = Objects.requireNonNull(selected, "selected");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Where Start, Stop and Restart say what they did ("Started the service 'X'."), for the status bar. */
    public ServiceControl<I> onNotice(Consumer<String> notice) {
        this.notice = Objects.requireNonNull(notice, "notice");
        return this;
    }

    /** Runs on the UI thread after Start, Stop or Restart succeeded, e.g. to check the comms port again. */
    public ServiceControl<I> afterChange(Runnable afterChange) {
        this.afterChange = Objects.requireNonNull(afterChange, "afterChange");
        return this;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** The selected instance's service status; null when nothing is selected. */
    public ReadOnlyObjectProperty<ServiceStatusView> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status now; null when nothing is selected. */
    public ServiceStatusView status() {
        return status.get();
    }

    /** True when the status is known and of that kind. */
    public boolean is(ServiceStatusView.Kind kind) {
        return status.get() != null && status.get().kind() == kind;
    }

    public BooleanBinding canStartProperty() {
        return allows(kind -> kind != ServiceStatusView.Kind.RUNNING);
    }

    public BooleanBinding canStopProperty() {
        return allows(kind -> kind != ServiceStatusView.Kind.STOPPED);
    }

    public BooleanBinding canRestartProperty() {
        return allows(kind -> true);
    }

    private BooleanBinding allows(Predicate<ServiceStatusView.Kind> allowed) {
        BooleanBinding busy = actions.busyProperty();
        return Bindings.createBooleanBinding(() -> !busy.get() && status.get() != null
                && status.get().isControllable() && allowed.test(status.get().kind()), busy, status);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Shows "Checking…" for the selected instance until its status is read, nothing when none is selected. */
    public void showChecking() {
        status.set(selected.getValue() == null ? null : ServiceStatusView.checking());
    }

    /** Asks the service manager for the selected instance's service status now. */
    public void refresh() {
        I instance = selected.getValue();
        if (instance != null) {
            read(instance, () -> { });
        }
    }

    /** Asks again for the periodic refresh; skipped while the previous answer is still awaited. */
    public void poll() {
        I instance = selected.getValue();
        if (instance != null && pollInFlight.compareAndSet(false, true)) {
            read(instance, () -> pollInFlight.set(false));
        }
    }

    private void read(I instance, Runnable done) {
        actions.read(() -> {
            ServiceManager manager = serviceManager();
            if (!manager.isSupported()) {
                return ServiceStatusView.unavailable(manager.describe());
            }
            return describe.apply(instance, manager.status(serviceName.apply(instance)));
        }, read -> {
            done.run();
            if (isSelected(instance)) {
                status.set(read);
            }
        }, failure -> {
            done.run();
            if (isSelected(instance)) {
                status.set(ServiceStatusView.unavailable(Failure.of("", failure).message()));
            }
        });
    }

    private boolean isSelected(I instance) {
        return instance.equals(selected.getValue());
    }

    /** The service manager, asked for once; call it on the background thread. */
    public ServiceManager serviceManager() {
        ServiceManager manager = serviceManager;
        if (manager == null) {
            manager = Objects.requireNonNull(serviceManagers.get(), "the service manager");
            serviceManager = manager;
        }
        return manager;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    public void start() {
        change("Starting", "start", ServiceManager::start, "Started");
    }

    public void stop() {
        change("Stopping", "stop", ServiceManager::stop, "Stopped");
    }

    public void restart() {
        change("Restarting", "restart", ServiceManager::restart, "Restarted");
    }

    private void change(String doing, String verb, BiConsumer<ServiceManager, ServiceName> change, String done) {
        I instance = selected.getValue();
        if (instance == null) {
            return;
        }
        ServiceName name = serviceName.apply(instance);
        String step = doing + " " + service;
        run(step, "Could not " + verb + " " + service, progress -> {
            progress.step(step);
            change.accept(serviceManager(), name);
            return name;
        }, changed -> {
            notice.accept(done + " the service '" + changed.displayName() + "'.");
            afterChange.run();
        }, () -> { });
    }

    /**
     * Runs an action the user started (see {@link Actions#run}); the service status is read again after it, whatever
     * happened.
     */
    public <T> void run(String step, String failureTitle, Work<T> work, Consumer<T> done, Runnable afterFailure) {
        actions.run(step, failureTitle, work, result -> {
            done.accept(result);
            refresh();
        }, () -> {
            afterFailure.run();
            refresh();
        });
    }
}
