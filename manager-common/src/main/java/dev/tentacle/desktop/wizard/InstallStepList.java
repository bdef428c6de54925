package dev.tentacle.desktop.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows an installation's steps in a box: an icon for each step's state, its title, and the state in words. */
public final class InstallStepList {
    private InstallStepList() {
    }

    /** Fills the box with the steps and keeps it filled as the list changes. */
    public static void show(VBox box, ObservableList<InstallStep> steps) {
        box.getStyleClass().add("step-list");
        Runnable fill = () -> box.getChildren().setAll(steps.stream().map(InstallStepList::label).toList());
        steps.addListener((ListChangeListener<InstallStep>) change -> fill.run());
        fill.run();
    }

    /** A step: an icon for its state, its title, and the state in words (for screen readers too). */
    static Label label(InstallStep item) {
        Label label = new Label();
        label.getStyleClass().add("step");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> item.title() + describe(item.state()),
                item.stateProperty()));
        label.graphicProperty().bind(Bindings.createObjectBinding(() -> icon(item.state()), item.stateProperty()));
        return label;
    }

    private static String describe(InstallStep.State state) {
        return switch (state) {
            case PENDING -> "";
            case RUNNING -> " (running)";
            case DONE -> " (done)";
            case FAILED -> " (failed)";
            case UNDONE -> " (undone)";
            case NOT_RUN -> " (not run)";
        };
    }

    private static Node icon(InstallStep.State state) {
        FontIcon icon = new FontIcon(switch (state) {
            case PENDING, NOT_RUN -> "mdi2c-circle-outline";
            case RUNNING -> "mdi2p-progress-clock";
            case DONE -> "mdi2c-check-circle";
            case FAILED -> "mdi2c-close-circle";
            case UNDONE -> "mdi2u-undo-variant";
        });
        icon.getStyleClass().add(switch (state) {
            case DONE -> "success";
            case FAILED -> "danger";
            case RUNNING -> "accent";
            default -> "text-muted";
        });
        return icon;
    }
}
