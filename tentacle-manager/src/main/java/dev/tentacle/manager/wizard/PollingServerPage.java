package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import dev.tentacle.tentacle.registration.ServerCheck;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The view of {@link PollingServerViewModel}: Verify checks the server live and shows its certificate. */
final class PollingServerPage extends WizardPage {
    @FXML
    private Label urlLabel;
    @FXML
    private TextField urlField;
    @FXML
    private Label apiKeyLabel;
    @FXML
    private PasswordField apiKeyField;
    @FXML
    private TitledPane credentialsPane;
    @FXML
    private Label credentialsExplanation;
    @FXML
    private Label usernameLabel;
    @FXML
    private TextField usernameField;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label thumbprintLabel;
    @FXML
    private TextField thumbprintField;
    @FXML
    private Label inputError;
    @FXML
    private Button verifyButton;
    @FXML
    private ProgressIndicator checkingIndicator;
    @FXML
    private Label checkingLabel;
    @FXML
    private Label checkError;
    @FXML
    private VBox resultBox;
    @FXML
    private Label resultTitle;
    @FXML
    private TextField serverSha1;
    @FXML
    private TextField serverSha256;
    @FXML
    private Label trustExplanation;

    PollingServerPage(PollingServerViewModel model) {
        super(Page.POLLING_SERVER.id(), Page.POLLING_SERVER.title(), "mdi2s-server-security", model.validProperty());
        Fields.bind(urlField, model.serverUrlProperty(), urlLabel);
        Fields.bind(apiKeyField, model.apiKeyProperty(), apiKeyLabel);
        Fields.bind(usernameField, model.usernameProperty(), usernameLabel);
        Fields.bind(passwordField, model.passwordProperty(), passwordLabel);
        Fields.bind(thumbprintField, model.expectedThumbprintProperty(), thumbprintLabel);
        credentialsExplanation.setText(PollingServerViewModel.CREDENTIALS_EXPLANATION);
        Fields.showError(inputError, model.inputErrorProperty());
        Fields.showError(checkError, model.checkErrorProperty());
        verifyButton.disableProperty().bind(model.canVerifyProperty().not());
        verifyButton.setOnAction(event -> model.verify());
        Fields.showWhen(checkingIndicator, model.checkingProperty());
        Fields.showWhen(checkingLabel, model.checkingProperty());
        Fields.showWhen(resultBox, model.resultProperty().isNotNull());
        resultTitle.textProperty().bind(Bindings.createStringBinding(() -> describe(model.resultProperty().get()),
                model.resultProperty()));
        serverSha1.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null ? ""
                : model.resultProperty().get().server().thumbprints().sha1().hex(), model.resultProperty()));
        serverSha256.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null ? ""
                : model.resultProperty().get().server().thumbprints().sha256().hex(), model.resultProperty()));
        trustExplanation.textProperty().bind(Bindings.createStringBinding(model::trustExplanation,
                model.resultProperty()));
        // Enter in a field verifies, as the Next button is disabled until then.
        for (TextField field : new TextField[] {urlField, apiKeyField, thumbprintField}) {
            field.setOnAction(event -> model.verify());
        }
    }

    private static String describe(ServerCheck.Result result) {
        if (result == null) {
            return "";
        }
        var server = result.server();
        int machines = result.machines().size();
        return "Verified: " + (server.product() == null ? "the Octopus Server" : server.product())
                + (server.version() == null ? "" : " " + server.version()) + " at " + server.address()
                + " accepts the API key (" + machines + (machines == 1 ? " machine" : " machines") + " registered).";
    }

    @Override
    protected Node firstFocus() {
        return urlField;
    }
}
