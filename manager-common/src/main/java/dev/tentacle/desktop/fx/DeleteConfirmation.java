package dev.tentacle.desktop.fx;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * The confirmation before deleting an instance, as both managers ask it: the content lists what goes and what stays
 * as bullets, a tick box adds what is kept unless ticked, and Delete is a danger button that is not the default (Cancel
 * is: Enter does not delete). Each manager's dialog gives its own content, title and wording.
 */
public final class DeleteConfirmation {
    /** The Delete button; its node has the id {@code confirm-delete}. */
    public static final ButtonType DELETE = new ButtonType("_Delete", ButtonBar.ButtonData.OK_DONE);

    private DeleteConfirmation() {
    }

    /**
     * Shows the dialog and waits; true when the user chose Delete.
     *
     * @param title the window's title
     * @param header the question, e.g. "Delete the Tentacle instance 'Web01'?"
     * @param widthEm the dialog's preferred width in em; 0 for the width its content asks for
     */
    public static boolean ask(Window owner, String title, String header, Parent content, double widthEm,
            Appearance appearance) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(Objects.requireNonNull(content, "content"));
        if (widthEm > 0) {
            dialog.getDialogPane().setPrefWidth(widthEm * Font.getDefault().getSize());
        }
        dialog.getDialogPane().getButtonTypes().setAll(DELETE, ButtonType.CANCEL);
        appearance.style(dialog.getDialogPane());
        Button delete = (Button) dialog.getDialogPane().lookupButton(DELETE);
        delete.setId("confirm-delete");
        delete.setDefaultButton(false);
        delete.getStyleClass().add("danger");
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        return dialog.showAndWait().filter(DELETE::equals).isPresent();
    }

    /**
     * Sets up the "Also delete ..." tick box: its label (with a mnemonic on its first letter), bound both ways to the
     * ViewModel's choice, disabled when that cannot be deleted here, with {@code whyNot} saying why.
     */
    public static void tickBox(CheckBox box, String label, BooleanProperty chosen, boolean possible, Label whyNot,
            String because) {
        box.setText("_" + label.replace("_", "__"));
        box.selectedProperty().bindBidirectional(chosen);
        box.setDisable(!possible);
        whyNot.setText(because);
        whyNot.setVisible(!possible);
        whyNot.setManaged(!possible);
    }

    /** Shows what goes and what stays as bullets; the heading of what stays only when something does. */
    public static void showLists(VBox removedList, List<String> removed, Label keptHeading, VBox keptList,
            List<String> kept) {
        removedList.getChildren().setAll(removed.stream().map(DeleteConfirmation::bullet).toList());
        keptList.getChildren().setAll(kept.stream().map(DeleteConfirmation::bullet).toList());
        keptHeading.setVisible(!kept.isEmpty());
        keptHeading.setManaged(!kept.isEmpty());
    }

    static Label bullet(String text) {
        Label label = new Label("• " + text);
        label.setWrapText(true);
        return label;
    }
}
