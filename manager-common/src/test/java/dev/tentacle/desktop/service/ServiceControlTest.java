package dev.tentacle.desktop.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ServiceControlTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final FakeServiceManager manager = new FakeServiceManager();
    private final SimpleObjectProperty<String> selected = new SimpleObjectProperty<>("Web01");
    private final List<String> notices = new ArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicInteger managersAskedFor = new AtomicInteger();
    private final Actions actions = new Actions(queued::add, UiThread.direct());
    private final ServiceControl<String> control = new ServiceControl<>(actions, () -> {
        managersAskedFor.incrementAndGet();
        return manager;
    }, selected, ServiceName::tentacle, (name, status) -> ServiceStatusView.of(status, "", "Install " + name + "."),
            "the service").onNotice(notices::add).afterChange(changes::incrementAndGet);

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.removeFirst().run();
        }
    }

    @Test
    void readsTheSelectedInstancesStatusWithTheWindowsWording() {
        control.showChecking();
        assertThat(control.status()).isEqualTo(ServiceStatusView.checking());

        control.refresh();
        runQueued();

        assertThat(control.status()).isEqualTo(new ServiceStatusView(ServiceStatusView.Kind.NOT_INSTALLED,
                "Not installed as a service", "Install Web01."));
        assertThat(control.is(ServiceStatusView.Kind.NOT_INSTALLED)).isTrue();
        assertThat(control.canStartProperty().get()).isFalse();
    }

    @Test
    void nothingIsShownWithoutASelection() {
        selected.set(null);
        control.showChecking();
        control.refresh();
        control.poll();

        assertThat(queued).isEmpty();
        assertThat(control.status()).isNull();
    }

    @Test
    void anUnsupportedServiceManagerOrAFailureMakesItUnavailable() {
        manager.supported = false;
        control.refresh();
        runQueued();
        assertThat(control.status()).isEqualTo(ServiceStatusView.unavailable("no systemd here"));

        manager.supported = true;
        manager.failure = new IllegalStateException("systemctl hung");
        control.refresh();
        runQueued();
        assertThat(control.status().kind()).isEqualTo(ServiceStatusView.Kind.UNAVAILABLE);
        assertThat(control.status().detail()).contains("systemctl hung");
        assertThat(managersAskedFor).hasValue(1);
    }

    @Test
    void aStatusForAnInstanceNoLongerSelectedIsDropped() {
        manager.states.put("Web01", ServiceStatus.running());
        control.showChecking();
        control.refresh();
        selected.set("Web02");
        runQueued();

        assertThat(control.status()).isEqualTo(ServiceStatusView.checking());
    }

    @Test
    void aPollIsNotRepeatedWhileOneIsAwaited() {
        control.poll();
        control.poll();
        assertThat(queued).hasSize(1);

        runQueued();
        control.poll();
        assertThat(queued).hasSize(1);
    }

    @Test
    void startStopAndRestartSayWhatTheyDidAndReadTheStatusAgain() {
        manager.states.put("Web01", ServiceStatus.stopped());
        control.refresh();
        runQueued();
        assertThat(control.canStartProperty().get()).isTrue();
        assertThat(control.canStopProperty().get()).isFalse();

        control.start();
        assertThat(actions.activityProperty().get()).isEqualTo("Starting the service…");
        assertThat(control.canRestartProperty().get()).isFalse();
        runQueued();

        assertThat(manager.calls).containsExactly("start Web01");
        assertThat(notices).containsExactly("Started the service '" + ServiceName.tentacle("Web01").displayName()
                + "'.");
        assertThat(changes).hasValue(1);
        assertThat(control.status().kind()).isEqualTo(ServiceStatusView.Kind.RUNNING);

        control.restart();
        control.stop();
        runQueued();
        assertThat(manager.calls).containsExactly("start Web01", "restart Web01", "stop Web01");
        assertThat(control.status().kind()).isEqualTo(ServiceStatusView.Kind.STOPPED);
    }

    @Test
    void aFailedActionIsReportedWithTheWindowsWording() {
        manager.failure = new IllegalStateException("access denied");
        control.stop();
        runQueued();

        assertThat(actions.lastFailure().title()).isEqualTo("Could not stop the service");
        assertThat(notices).isEmpty();
        assertThat(changes).hasValue(0);
    }

    private static final class FakeServiceManager implements ServiceManager {
        final Map<String, ServiceStatus> states = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean supported = true;
        RuntimeException failure;

        @Override
        public boolean isSupported() {
            return supported;
        }

        @Override
        public String describe() {
            return "no systemd here";
        }

        @Override
        public void install(ServiceDefinition definition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean uninstall(ServiceName service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start(ServiceName service) {
            change("start", service, ServiceStatus.running());
        }

        @Override
        public void stop(ServiceName service) {
            change("stop", service, ServiceStatus.stopped());
        }

        @Override
        public void restart(ServiceName service) {
            change("restart", service, ServiceStatus.running());
        }

        private void change(String verb, ServiceName service, ServiceStatus after) {
            if (failure != null) {
                throw failure;
            }
            calls.add(verb + " " + service.instanceName());
            states.put(service.instanceName(), after);
        }

        @Override
        public ServiceStatus status(ServiceName service) {
            if (failure != null) {
                throw failure;
            }
            return states.getOrDefault(service.instanceName(), new ServiceStatus(ServiceStatus.State.NOT_INSTALLED,
                    ""));
        }
    }
}
