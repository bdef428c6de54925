package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.ScriptView;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.controlsfx.dialog.Wizard;

/** The view of {@link ReviewViewModel}; its Next button reads "Install". */
final class ReviewPage extends WizardPage {
    private final ReviewViewModel model;
    @FXML
    private GridPane summaryGrid;
    @FXML
    private CheckBox installServiceBox;
    @FXML
    private Label serviceNote;
    @FXML
    private Button showScriptButton;

    ReviewPage(SetupWizardViewModel wizard) {
        super(Page.REVIEW.id(), Page.REVIEW.title(), "mdi2c-clipboard-check-outline", wizard.valid(Page.REVIEW));
        this.model = wizard.review();
        installServiceBox.selectedProperty().bindBidirectional(model.installServiceProperty());
        installServiceBox.setDisable(!model.serviceAvailable());
        serviceNote.textProperty().bind(model.serviceNoteProperty());
        showScriptButton.setOnAction(event -> ScriptView.show(getScene().getWindow(), new ScriptView.Script(
                "The equivalent tentacle commands", "Set up the same Tentacle from a command line",
                "These tentacle commands set up the same Tentacle, in the same order (see docs/cli.md). Run them as the"
                        + " same user as this app, which decides the instance registry; tentacle service --install"
                        + " needs root or an administrator.",
                "Show the API key and _passwords", model.scriptProperty(), model.showSecretsProperty(),
                model.scriptHasSecrets())));
        model.summary().addListener((javafx.collections.ListChangeListener<ReviewViewModel.Row>) change -> fill());
    }

    private void fill() {
        summaryGrid.getChildren().clear();
        int row = 0;
        for (ReviewViewModel.Row entry : model.summary()) {
            Label label = new Label(entry.label());
            label.getStyleClass().add("text-bold");
            Label value = new Label(entry.value());
            value.setWrapText(true);
            summaryGrid.addRow(row++, label, value);
        }
    }

    @Override
    protected void entering(Wizard wizard) {
        model.refresh();
        button(ButtonData.NEXT_FORWARD).ifPresent(next -> next.setText("_Install"));
    }

    @Override
    protected Node firstFocus() {
        return installServiceBox.isDisabled() ? showScriptButton : installServiceBox;
    }
}
