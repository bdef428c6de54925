package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.InstallStepList;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.InstallViewModel.State;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;

/**
 * The view of {@link InstallViewModel}. Entering the page starts the installation. While it runs, Cancel asks it to
 * stop (and undo) instead of closing the wizard, and Back is hidden; after a success the API key and the thumbprint
 * are shown with Copy, and only Finish remains.
 */
final class InstallPage extends WizardPage {
    private static final String ROLE = "wizard.role";

    private final SetupWizardViewModel wizard;
    private final InstallViewModel model;
    @FXML
    private Label headline;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private VBox stepList;
    @FXML
    private VBox resultBox;
    @FXML
    private Label apiKeyLabel;
    @FXML
    private TextField apiKeyField;
    @FXML
    private Button copyApiKeyButton;
    @FXML
    private TextField thumbprintField;
    @FXML
    private Label problem;
    @FXML
    private Label whatToDo;
    @FXML
    private Button retryButton;
    @FXML
    private Button copyOutputButton;
    @FXML
    private Label outputLabel;
    @FXML
    private TextArea output;

    InstallPage(SetupWizardViewModel wizard) {
        super(Page.INSTALL.id(), Page.INSTALL.title(), "mdi2p-package-down", wizard.valid(Page.INSTALL));
        this.wizard = wizard;
        this.model = wizard.install();
        headline.textProperty().bind(model.headlineProperty());
        Fields.showWhen(progressBar, model.runningProperty());
        progressBar.setProgress(ProgressIndicator.INDETERMINATE_PROGRESS);
        InstallStepList.show(stepList, model.steps());
        Fields.showWhen(resultBox, Bindings.equal(State.SUCCEEDED, model.stateProperty()));
        apiKeyField.textProperty().bind(model.apiKeyProperty());
        apiKeyLabel.setLabelFor(apiKeyField);
        apiKeyLabel.setMnemonicParsing(true);
        copyApiKeyButton.setOnAction(event -> Fields.copyToClipboard(model.apiKeyProperty().get()));
        thumbprintField.textProperty().bind(model.thumbprintProperty());
        Fields.showError(problem, model.problemProperty());
        whatToDo.textProperty().bind(model.whatToDoProperty());
        Fields.showWhen(whatToDo, Bindings.isNotEmpty(model.whatToDoProperty()));
        Fields.showWhen(retryButton, Bindings.equal(State.ROLLED_BACK, model.stateProperty()));
        retryButton.setOnAction(event -> wizard.startInstall());
        copyOutputButton.setOnAction(event -> Fields.copyToClipboard(output.getText()));
        outputLabel.setLabelFor(output);
        outputLabel.setMnemonicParsing(true);
        model.output().addListener((ListChangeListener<String>) change -> {
            output.setText(String.join(System.lineSeparator(), model.output()));
            output.positionCaret(output.getLength());
        });
        model.stateProperty().addListener((observable, before, after) -> {
            if (after == State.SUCCEEDED) {
                Platform.runLater(copyApiKeyButton::requestFocus);
            }
        });
        // Filters on the page run before the wizard's own filters on its buttons, so they can keep it open.
        addEventFilter(ActionEvent.ACTION, event -> {
            if (!(event.getTarget() instanceof Button button)) {
                return;
            }
            ButtonData role = button.getProperties().get(ROLE) instanceof ButtonData data ? data : null;
            if (role == ButtonData.CANCEL_CLOSE && model.runningProperty().get()) {
                event.consume();
                model.cancel();
            } else if (role == ButtonData.BACK_PREVIOUS && (model.runningProperty().get()
                    || model.state() == State.SUCCEEDED)) {
                event.consume();
            }
        });
    }

    @Override
    protected void entering(Wizard controlsWizard) {
        for (ButtonData role : new ButtonData[] {ButtonData.CANCEL_CLOSE, ButtonData.BACK_PREVIOUS, ButtonData.FINISH}) {
            button(role).ifPresent(button -> button.getProperties().put(ROLE, role));
        }
        button(ButtonData.BACK_PREVIOUS).ifPresent(previous -> Fields.showWhen(previous,
                Bindings.equal(State.ROLLED_BACK, model.stateProperty())));
        button(ButtonData.CANCEL_CLOSE).ifPresent(cancel -> {
            Fields.showWhen(cancel, Bindings.notEqual(State.SUCCEEDED, model.stateProperty()));
            cancel.textProperty().bind(Bindings.when(model.runningProperty()).then("Cancel").otherwise("Close"));
            cancel.disableProperty().bind(model.cancelRequestedProperty().and(model.runningProperty()));
        });
        if (model.state() != State.RUNNING && model.state() != State.SUCCEEDED) {
            wizard.startInstall();
        }
        Platform.runLater(output::requestFocus);
    }

    @Override
    protected Node firstFocus() {
        return null;
    }
}
