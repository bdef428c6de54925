package dev.tentacle.desktop.fx;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a {@link Failure}: the title as the header, the message (which says what to do), details when unexpected. */
public final class FailureDialog {
    private FailureDialog() {
    }

    public static void show(Window owner, Failure failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(AppTitle.of(owner, AppTitle.FALLBACK));
        alert.setHeaderText(failure.title());
        Label message = new Label(failure.message());
        message.setWrapText(true);
        message.setId("failure-message");
        message.setMaxWidth(Double.MAX_VALUE);
        alert.getDialogPane().setContent(message);
        alert.getDialogPane().setPrefWidth(40 * message.getFont().getSize());
        if (failure.isUnexpected()) {
            TextArea details = new TextArea(failure.details());
            details.setEditable(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.showAndWait();
    }
}
