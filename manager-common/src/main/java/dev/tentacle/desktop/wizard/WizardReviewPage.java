package dev.tentacle.desktop.wizard;

import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.controlsfx.dialog.Wizard;

/**
 * The view of a {@link WizardReviewViewModel}: the summary, one row a line, and "Show script", which opens the
 * equivalent commands in a {@link ScriptView}. Its Next button reads "Install". The app's FXML beside its subclass holds
 * {@code summaryGrid} and {@code showScriptButton}.
 */
public abstract class WizardReviewPage extends WizardPage {
    private final WizardReviewViewModel<?, ?> model;
    @FXML
    private GridPane summaryGrid;
    @FXML
    private Button showScriptButton;

    /**
     * @param scriptTitle the script window's title
     * @param scriptHeader its header
     * @param scriptExplanation how to run the commands
     * @param showSecretsText the label of the check box that shows the secrets, with its mnemonic
     */
    protected WizardReviewPage(String id, String title, ObservableBooleanValue valid, WizardReviewViewModel<?, ?> model,
            String scriptTitle, String scriptHeader, String scriptExplanation, String showSecretsText) {
        super(id, title, "mdi2c-clipboard-check-outline", valid);
        this.model = Objects.requireNonNull(model, "model");
        showScriptButton.setOnAction(event -> ScriptView.show(getScene().getWindow(), new ScriptView.Script(
                scriptTitle, scriptHeader, scriptExplanation, showSecretsText, model.scriptProperty(),
                model.showSecretsProperty(), model.scriptHasSecrets())));
        model.summary().addListener((ListChangeListener<WizardReviewViewModel.Row>) change -> fill());
    }

    private void fill() {
        summaryGrid.getChildren().clear();
        int row = 0;
        for (WizardReviewViewModel.Row entry : model.summary()) {
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

    /** "Show script", which gets the focus unless a subclass says otherwise. */
    protected Button showScriptButton() {
        return showScriptButton;
    }

    @Override
    protected Node firstFocus() {
        return showScriptButton;
    }
}
