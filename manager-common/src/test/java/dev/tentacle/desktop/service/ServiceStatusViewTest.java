package dev.tentacle.desktop.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceStatus;
import org.junit.jupiter.api.Test;

class ServiceStatusViewTest {
    private static ServiceStatusView of(ServiceStatus status) {
        return ServiceStatusView.of(status, "Start it to connect.", "Install it with the button.");
    }

    @Test
    void eachStateIsShownWithItsText() {
        assertThat(of(ServiceStatus.running())).isEqualTo(new ServiceStatusView(ServiceStatusView.Kind.RUNNING,
                "Running", ""));
        assertThat(of(new ServiceStatus(ServiceStatus.State.UNKNOWN, "activating"))).isEqualTo(
                new ServiceStatusView(ServiceStatusView.Kind.UNKNOWN, "Unknown", "activating"));
        assertThat(of(new ServiceStatus(ServiceStatus.State.NOT_INSTALLED, ""))).isEqualTo(
                new ServiceStatusView(ServiceStatusView.Kind.NOT_INSTALLED, "Not installed as a service",
                        "Install it with the button."));
    }

    @Test
    void aStoppedServiceGetsTheAdviceOnlyWhenTheServiceManagerSaysNothing() {
        assertThat(of(ServiceStatus.stopped()).detail()).isEqualTo("Start it to connect.");
        assertThat(of(ServiceStatus.stopped("exited with code 1")).detail()).isEqualTo("exited with code 1");
        assertThat(ServiceStatusView.of(ServiceStatus.stopped(), "", "x").detail()).isEmpty();
    }

    @Test
    void onlyAServiceThatExistsCanBeControlled() {
        assertThat(of(ServiceStatus.running()).isControllable()).isTrue();
        assertThat(of(ServiceStatus.stopped()).isControllable()).isTrue();
        assertThat(of(new ServiceStatus(ServiceStatus.State.NOT_INSTALLED, "")).isControllable()).isFalse();
        assertThat(ServiceStatusView.checking().isControllable()).isFalse();
        assertThat(ServiceStatusView.unavailable("no systemd").isControllable()).isFalse();
    }

    @Test
    void theStyleClassNamesTheKind() {
        assertThat(ServiceStatusView.Kind.NOT_INSTALLED.styleClass()).isEqualTo("status-not-installed");
        assertThat(ServiceStatusView.Kind.RUNNING.styleClass()).isEqualTo("status-running");
    }
}
