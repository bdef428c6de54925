package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardInstallPage;
import dev.tentacle.desktop.wizard.WizardInstallViewModel.State;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The view of {@link InstallViewModel}. Entering the page starts the installation. While it runs, Cancel asks it to
 * stop (and undo) instead of closing the wizard, and Back is hidden; after a success the API key and the thumbprint
 * are shown with Copy, and only Finish remains.
 */
final class InstallPage extends WizardInstallPage {
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

    InstallPage(SetupWizardViewModel wizard) {
        super(Page.INSTALL.id(), Page.INSTALL.title(), wizard.valid(Page.INSTALL), wizard.install(),
                wizard::startInstall);
        InstallViewModel model = wizard.install();
        Fields.showWhen(resultBox, Bindings.equal(State.SUCCEEDED, model.stateProperty()));
        apiKeyField.textProperty().bind(model.apiKeyProperty());
        apiKeyLabel.setLabelFor(apiKeyField);
        apiKeyLabel.setMnemonicParsing(true);
        copyApiKeyButton.setOnAction(event -> Fields.copyToClipboard(model.apiKeyProperty().get()));
        thumbprintField.textProperty().bind(model.thumbprintProperty());
        model.stateProperty().addListener((observable, before, after) -> {
            if (after == State.SUCCEEDED) {
                Platform.runLater(copyApiKeyButton::requestFocus);
            }
        });
    }
}
