package dev.tentacle.servermanager.server;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.DeleteConfirmation;
import dev.tentacle.desktop.fx.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks to confirm deleting a server instance, naming what goes and what stays, and saying whether the database is
 * kept; the embedded database goes only when the box is ticked. Cancel is the default button: Enter does not delete.
 */
public final class DeleteServerDialog {
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
        DeleteConfirmation.tickBox(deleteDatabaseBox, viewModel.deleteDatabaseLabel(),
                viewModel.deleteDatabaseProperty(), viewModel.canDeleteDatabase(), databaseKeptLabel,
                viewModel.databaseKeptBecause());
        viewModel.deleteDatabaseProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        DeleteConfirmation.showLists(removedList, viewModel.removed(), keptHeading, keptList, viewModel.kept());
        databaseVerdictLabel.setText(viewModel.databaseVerdict());
        commandsArea.setText(viewModel.equivalentCommands());
    }

    /** Shows the dialog and waits; true when the user chose Delete. */
    public static boolean confirm(Window owner, DeleteServerViewModel viewModel, Appearance appearance) {
        DeleteServerDialog view = new DeleteServerDialog(viewModel);
        return DeleteConfirmation.ask(owner, "Delete Octopus Server instance", viewModel.title(), view.root, 46,
                appearance);
    }
}
