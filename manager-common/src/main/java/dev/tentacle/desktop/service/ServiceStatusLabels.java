package dev.tentacle.desktop.service;

import dev.tentacle.desktop.fx.Views;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * Shows a {@link ServiceStatusView} in two labels: the status, coloured by its kind, and its detail when there is one.
 */
public final class ServiceStatusLabels {
    private ServiceStatusLabels() {
    }

    public static void bind(Label statusLabel, Label detailLabel, ObservableValue<ServiceStatusView> status) {
        statusLabel.textProperty().bind(Views.text(status, ServiceStatusView::text));
        detailLabel.textProperty().bind(Views.text(status, ServiceStatusView::detail));
        Views.showWhenNotEmpty(detailLabel);
        status.addListener((o, before, now) -> Views.styleStatus(statusLabel,
                now == null ? null : now.kind().styleClass()));
    }
}
