package dev.tentacle.manager.verify;

import dev.tentacle.manager.ManagerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The screen that shows a Tentacle's thumbprint, large and copyable, to compare with what the Octopus Server shows;
 * for a polling Tentacle also the server's thumbprint learned at registration, which the user confirms or rejects.
 * The setup wizard opens it after a successful install.
 */
public final class ThumbprintVerification {
    static final String TITLE_PREFIX = "Check the thumbprints: ";

    private ThumbprintVerification() {
    }

    /** Shows the screen, modal to {@code owner}, until the user closes it. Call it on the JavaFX thread. */
    public static void show(Window owner, ManagerContext context, String instanceName) {
        dialog(owner, new ThumbprintVerificationViewModel(context, instanceName)).showAndWait();
    }

    static Dialog<Void> dialog(Window owner, ThumbprintVerificationViewModel model) {
        FXMLLoader loader = new FXMLLoader(ThumbprintVerification.class.getResource("ThumbprintVerificationView.fxml"));
        ThumbprintVerificationView view = new ThumbprintVerificationView();
        loader.setController(view);
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load ThumbprintVerificationView.fxml", e);
        }
        view.bind(model);
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null && owner.getScene().getRoot() != null) {
                String style = owner.getScene().getRoot().getStyle();
                if (style != null && style.contains("-fx-font-size")) {
                    content.setStyle(style);
                }
            }
        }
        dialog.setTitle(TITLE_PREFIX + model.instanceName());
        dialog.setHeaderText("Compare this Tentacle's thumbprint with what the Octopus Server shows");
        FontIcon icon = new FontIcon("mdi2f-fingerprint");
        icon.setIconSize(40);
        dialog.setGraphic(icon);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("thumbprint-verification");
        // In a scroll pane that fits the width, explanations wrap; once shown, the window grows to show them whole.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("verification-scroll");
        dialog.getDialogPane().setContent(scroll);
        Runnable fit = () -> {
            double height = Math.min(content.prefHeight(scroll.getViewportBounds().getWidth()),
                    Screen.getPrimary().getVisualBounds().getHeight() * 0.7);
            if (Math.abs(height - scroll.getPrefViewportHeight()) > 1 && dialog.isShowing()) {
                scroll.setPrefViewportHeight(height);
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        dialog.setOnShown(event -> Platform.runLater(fit));
        // A message that appears later (confirmed, rejected) makes the window grow rather than scroll.
        content.boundsInLocalProperty().addListener((observable, before, after) -> Platform.runLater(fit));
        dialog.getDialogPane().getStylesheets().add(Objects.requireNonNull(
                ThumbprintVerification.class.getResource("verification.css")).toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
