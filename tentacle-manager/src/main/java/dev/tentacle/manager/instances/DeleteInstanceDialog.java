package dev.tentacle.manager.instances;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks to confirm deleting an instance, naming what goes and what stays; the files go only when the box is ticked.
 * Cancel is the default button: Enter does not delete.
 */
public final class DeleteInstanceDialog {
    static final ButtonType DELETE = new ButtonType("_Delete", ButtonBar.ButtonData.OK_DONE);

    private final DeleteInstanceViewModel viewModel;

    @FXML private VBox root;
    @FXML private VBox removedList;
    @FXML private CheckBox deleteFilesBox;
    @FXML private Label filesKeptLabel;
    @FXML private Label keptHeading;
    @FXML private VBox keptList;
    @FXML private TextArea commandsArea;

    private DeleteInstanceDialog(DeleteInstanceViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load(this);
        deleteFilesBox.setText("_" + viewModel.deleteFilesLabel().replace("_", "__"));
        deleteFilesBox.selectedProperty().bindBidirectional(viewModel.deleteFilesProperty());
        deleteFilesBox.setDisable(!viewModel.canDeleteFiles());
        filesKeptLabel.setText(viewModel.filesKeptBecause());
        filesKeptLabel.setVisible(!viewModel.canDeleteFiles());
        filesKeptLabel.setManaged(!viewModel.canDeleteFiles());
        viewModel.deleteFilesProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        removedList.getChildren().setAll(viewModel.removed().stream().map(DeleteInstanceDialog::bullet).toList());
        keptList.getChildren().setAll(viewModel.kept().stream().map(DeleteInstanceDialog::bullet).toList());
        keptHeading.setVisible(!viewModel.kept().isEmpty());
        keptHeading.setManaged(!viewModel.kept().isEmpty());
        commandsArea.setText(viewModel.equivalentCommands());
    }

    private static Label bullet(String text) {
        Label label = new Label("• " + text);
        label.setWrapText(true);
        return label;
    }

    /** Shows the dialog and waits; true when the user chose Delete. */
    public static boolean confirm(Window owner, DeleteInstanceViewModel viewModel, Appearance appearance) {
        DeleteInstanceDialog view = new DeleteInstanceDialog(viewModel);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Delete Tentacle instance");
        dialog.setHeaderText(viewModel.title());
        dialog.getDialogPane().setContent(view.root);
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
}
