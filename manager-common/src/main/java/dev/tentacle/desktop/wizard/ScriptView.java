package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.fx.Fxml;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * "Show script": the command lines equivalent to what a wizard sets up, with Copy, and (when the script holds secrets)
 * a box that shows the secrets instead of {@code ********}, so that the script can be shared as it is shown and copied
 * to run as it is when the box is ticked.
 */
public final class ScriptView {
    /**
     * What the dialog says and shows.
     *
     * @param title the window title, e.g. "The equivalent tentacle commands"
     * @param header the line above the script, e.g. "Set up the same Tentacle from a command line"
     * @param explanation what the commands are and how to run them
     * @param showSecretsText the label of the box that shows the secrets, with a mnemonic
     * @param script the script, one command a line, as the ViewModel renders it
     * @param showSecrets the ViewModel's choice, bound both ways to the box
     * @param hasSecrets whether the script holds secrets; the box and its note show only then
     */
    public record Script(String title, String header, String explanation, String showSecretsText,
            ObservableStringValue script, BooleanProperty showSecrets, boolean hasSecrets) {
        public Script {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(showSecretsText, "showSecretsText");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(showSecrets, "showSecrets");
        }
    }

    @FXML
    private Label explanation;
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
    public static void show(Window owner, Script script) {
        dialog(owner, script).showAndWait();
    }

    public static Dialog<Void> dialog(Window owner, Script script) {
        ScriptView view = new ScriptView();
        Parent content = Fxml.load(view);
        view.explanation.setText(script.explanation());
        view.scriptText.textProperty().bind(script.script());
        view.showSecretsBox.setText(script.showSecretsText());
        view.showSecretsBox.selectedProperty().bindBidirectional(script.showSecrets());
        for (var node : new javafx.scene.Node[] {view.showSecretsBox, view.secretsNote}) {
            node.setVisible(script.hasSecrets());
            node.setManaged(script.hasSecrets());
        }
        view.copyButton.setOnAction(event -> Fields.copyToClipboard(view.scriptText.getText()));

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(script.title());
        dialog.setHeaderText(script.header());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("script-dialog");
        dialog.getDialogPane().getStylesheets().add(WizardPage.stylesheet());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
