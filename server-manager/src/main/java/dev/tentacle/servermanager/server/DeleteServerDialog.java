package dev.tentacle.servermanager.server;

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
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * Asks to confirm deleting a server instance, naming what goes and what stays, and saying whether the database is
 * kept; the embedded database goes only when the box is ticked. Cancel is the default button: Enter does not delete.
 */
public final class DeleteServerDialog {
    static final ButtonType DELETE = new ButtonType("_Delete", ButtonBar.ButtonData.OK_DONE);

    private final DeleteServerViewModel viewModel;

    @FXML private VBox root;
    @FXML private VBox removedList;
    @FXML private Label keptHeading;
    @FXML private VBox keptList;
    @FXML private Label databaseVerdictLabel;
    @FXML private CheckBox deleteDatabaseBox;
    @FXML private Label databaseKeptLabel;
    @FXML private TextArea commandsArea;

    private DeleteServerDialog(DeleteServerViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load(this);
        deleteDatabaseBox.setText("_" + viewModel.deleteDatabaseLabel().replace("_", "__"));
        deleteDatabaseBox.selectedProperty().bindBidirectional(viewModel.deleteDatabaseProperty());
        deleteDatabaseBox.setDisable(!viewModel.canDeleteDatabase());
        databaseKeptLabel.setText(viewModel.databaseKeptBecause());
        databaseKeptLabel.setVisible(!viewModel.canDeleteDatabase());
        databaseKeptLabel.setManaged(!viewModel.canDeleteDatabase());
        viewModel.deleteDatabaseProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        removedList.getChildren().setAll(viewModel.removed().stream().map(DeleteServerDialog::bullet).toList());
        keptList.getChildren().setAll(viewModel.kept().stream().map(DeleteServerDialog::bullet).toList());
        keptHeading.setVisible(!viewModel.kept().isEmpty());
        keptHeading.setManaged(!viewModel.kept().isEmpty());
        databaseVerdictLabel.setText(viewModel.databaseVerdict());
        commandsArea.setText(viewModel.equivalentCommands());
    }

    private static Label bullet(String text) {
        Label label = new Label("• " + text);
        label.setWrapText(true);
        return label;
    }

    /** Shows the dialog and waits; true when the user chose Delete. */
    public static boolean confirm(Window owner, DeleteServerViewModel viewModel, Appearance appearance) {
        DeleteServerDialog view = new DeleteServerDialog(viewModel);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Delete Octopus Server instance");
        dialog.setHeaderText(viewModel.title());
        dialog.getDialogPane().setContent(view.root);
        dialog.getDialogPane().setPrefWidth(46 * Font.getDefault().getSize());
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
