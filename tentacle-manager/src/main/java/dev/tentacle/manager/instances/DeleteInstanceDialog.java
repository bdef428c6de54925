package dev.tentacle.manager.instances;

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
 * Asks to confirm deleting an instance, naming what goes and what stays; the files go only when the box is ticked.
 * Cancel is the default button: Enter does not delete.
 */
public final class DeleteInstanceDialog {
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
        DeleteConfirmation.tickBox(deleteFilesBox, viewModel.deleteFilesLabel(), viewModel.deleteFilesProperty(),
                viewModel.canDeleteFiles(), filesKeptLabel, viewModel.filesKeptBecause());
        viewModel.deleteFilesProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        DeleteConfirmation.showLists(removedList, viewModel.removed(), keptHeading, keptList, viewModel.kept());
        commandsArea.setText(viewModel.equivalentCommands());
    }

    /** Shows the dialog and waits; true when the user chose Delete. */
    public static boolean confirm(Window owner, DeleteInstanceViewModel viewModel, Appearance appearance) {
        DeleteInstanceDialog view = new DeleteInstanceDialog(viewModel);
        return DeleteConfirmation.ask(owner, "Delete Tentacle instance", viewModel.title(), view.root, 0, appearance);
    }
}
