package dev.tentacle.desktop.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceStatus;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ServiceStatusLabelsTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void showsTheTextColouredByKindAndTheDetailOnlyWhenThereIsOne(FxRobot robot) {
        Label status = new Label();
        Label detail = new Label();
        SimpleObjectProperty<ServiceStatusView> service = new SimpleObjectProperty<>();
        robot.interact(() -> ServiceStatusLabels.bind(status, detail, service));
        assertThat(status.getText()).isEmpty();
        assertThat(detail.isVisible()).isFalse();

        robot.interact(() -> service.set(ServiceStatusView.of(ServiceStatus.stopped(), "Start it.", "Install it.")));
        assertThat(status.getText()).isEqualTo("Stopped");
        assertThat(status.getStyleClass()).contains("status-stopped");
        assertThat(detail.getText()).isEqualTo("Start it.");
        assertThat(detail.isVisible()).isTrue();

        robot.interact(() -> service.set(ServiceStatusView.of(ServiceStatus.running(), "", "")));
        assertThat(status.getStyleClass()).contains("status-running").doesNotContain("status-stopped");
        assertThat(detail.isManaged()).isFalse();

        robot.interact(() -> service.set(null));
        assertThat(status.getStyleClass()).noneMatch(style -> style.startsWith("status-"));
    }
}
