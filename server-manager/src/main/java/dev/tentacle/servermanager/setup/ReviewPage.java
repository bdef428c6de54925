package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.ScriptView;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.controlsfx.dialog.Wizard;

/** The view of {@link ReviewViewModel}; its Next button reads "Install". */
final class ReviewPage extends WizardPage {
    static final String SCRIPT_TITLE = "The equivalent octopus-server commands";

    private final ReviewViewModel model;
    @FXML
    private GridPane summaryGrid;
    @FXML
    private Button showScriptButton;

    ReviewPage(SetupWizardViewModel wizard) {
        super(Page.REVIEW.id(), Page.REVIEW.title(), "mdi2c-clipboard-check-outline", wizard.valid(Page.REVIEW));
        this.model = wizard.review();
        showScriptButton.setOnAction(event -> ScriptView.show(getScene().getWindow(), new ScriptView.Script(
                SCRIPT_TITLE, "Set up the same Octopus Server from a command line",
                "These octopus-server commands set up the same server, in the same order (see docs/cli.md). Run them"
                        + " as the same user as this app, which decides the instance registry; service --install"
                        + " needs root or an administrator. create-api-key prints a new key of its own.",
                "Show the database _password", model.scriptProperty(), model.showSecretsProperty(),
                model.scriptHasSecrets())));
        model.summary().addListener((ListChangeListener<ReviewViewModel.Row>) change -> fill());
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
        return showScriptButton;
    }
}
