package dev.tentacle.manager.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** "Show script": the {@code tentacle} commands equivalent to the setup, with Copy. A view of {@link ReviewViewModel}. */
final class ScriptView {
    @FXML
    private TextArea scriptText;
    @FXML
    private Button copyButton;
    @FXML
    private CheckBox showSecretsBox;
    @FXML
    private Label secretsNote;

    private ScriptView() {
    }

    /** Shows the script in a dialog owned by {@code owner} until the user closes it. */
    static void show(Window owner, ReviewViewModel model) {
        dialog(owner, model).showAndWait();
    }

    static Dialog<Void> dialog(Window owner, ReviewViewModel model) {
        ScriptView view = new ScriptView();
        FXMLLoader loader = new FXMLLoader(ScriptView.class.getResource("ScriptView.fxml"));
        loader.setController(view);
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load ScriptView.fxml", e);
        }
        view.scriptText.textProperty().bind(model.scriptProperty());
        view.showSecretsBox.selectedProperty().bindBidirectional(model.showSecretsProperty());
        view.showSecretsBox.setVisible(model.scriptHasSecrets());
        view.showSecretsBox.setManaged(model.scriptHasSecrets());
        view.secretsNote.setVisible(model.scriptHasSecrets());
        view.secretsNote.setManaged(model.scriptHasSecrets());
        view.copyButton.setOnAction(event -> Fields.copyToClipboard(view.scriptText.getText()));

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("The equivalent tentacle commands");
        dialog.setHeaderText("Set up the same Tentacle from a command line");
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("script-dialog");
        dialog.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(ScriptView.class.getResource(WizardPage.STYLESHEET)).toExternalForm());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
