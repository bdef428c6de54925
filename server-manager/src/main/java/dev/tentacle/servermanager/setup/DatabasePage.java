package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.server.storage.ConnectionCheck;
import dev.tentacle.servermanager.setup.DatabaseViewModel.Kind;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The view of {@link DatabaseViewModel}: the embedded database or PostgreSQL, its fields, and Test connection with its
 * result (what was found, or exactly what failed and what to do).
 */
final class DatabasePage extends WizardPage {
    private final DatabaseViewModel model;
    @FXML
    private RadioButton embeddedChoice;
    @FXML
    private Label embeddedExplanation;
    @FXML
    private RadioButton postgresChoice;
    @FXML
    private VBox postgresBox;
    @FXML
    private Label hostLabel;
    @FXML
    private TextField hostField;
    @FXML
    private Label hostError;
    @FXML
    private Label portLabel;
    @FXML
    private TextField portField;
    @FXML
    private Label portError;
    @FXML
    private Label databaseLabel;
    @FXML
    private TextField databaseField;
    @FXML
    private Label databaseError;
    @FXML
    private Label userLabel;
    @FXML
    private TextField userField;
    @FXML
    private Label userError;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testProgress;
    @FXML
    private Label hint;
    @FXML
    private Label testResult;

    DatabasePage(DatabaseViewModel model) {
        super(Page.DATABASE.id(), Page.DATABASE.title(), "mdi2d-database-cog-outline", model.validProperty());
        this.model = model;
        ToggleGroup kinds = new ToggleGroup();
        embeddedChoice.setToggleGroup(kinds);
        postgresChoice.setToggleGroup(kinds);
        embeddedChoice.setSelected(model.kindProperty().get() == Kind.EMBEDDED);
        postgresChoice.setSelected(model.kindProperty().get() == Kind.POSTGRESQL);
        kinds.selectedToggleProperty().addListener((observable, before, after) ->
                model.kindProperty().set(after == postgresChoice ? Kind.POSTGRESQL : Kind.EMBEDDED));
        embeddedExplanation.textProperty().bind(Bindings.concat("Nothing to install: the database is kept in ",
                model.embeddedLocationProperty(), ", and backed up with the home directory. Right for one server"
                        + " node."));
        postgresBox.disableProperty().bind(model.kindProperty().isNotEqualTo(Kind.POSTGRESQL));
        Fields.bind(hostField, model.hostProperty(), hostLabel);
        Fields.bind(portField, model.portProperty(), portLabel);
        Fields.bind(databaseField, model.databaseProperty(), databaseLabel);
        Fields.bind(userField, model.userProperty(), userLabel);
        Fields.bind(passwordField, model.passwordProperty(), passwordLabel);
        Fields.showError(hostError, model.hostErrorProperty());
        Fields.showError(portError, model.portErrorProperty());
        Fields.showError(databaseError, model.databaseErrorProperty());
        Fields.showError(userError, model.userErrorProperty());
        testButton.disableProperty().bind(model.fieldsValidProperty().not().or(model.testingProperty()));
        testButton.setOnAction(event -> model.testConnection());
        Fields.showWhen(testProgress, model.testingProperty());
        hint.textProperty().bind(model.hintProperty());
        testResult.setWrapText(true);
        testResult.textProperty().bind(model.testMessageProperty());
        Fields.showWhen(testResult, Bindings.isNotEmpty(model.testMessageProperty()));
        model.testResultProperty().addListener((observable, before, result) -> {
            showResult(result);
            Platform.runLater(() -> reveal(testResult));
        });
    }

    /** Green with a check for a connection, red with the reason for a failure. */
    private void showResult(ConnectionCheck.Result result) {
        testResult.getStyleClass().removeAll("success", "danger");
        if (result == null) {
            testResult.setGraphic(null);
            return;
        }
        String style = result.succeeded() ? "success" : "danger";
        testResult.getStyleClass().add(style);
        FontIcon icon = new FontIcon(result.succeeded() ? "mdi2c-check-circle-outline" : "mdi2a-alert-circle-outline");
        icon.getStyleClass().add(style);
        testResult.setGraphic(icon);
    }

    @Override
    protected Node firstFocus() {
        return model.kindProperty().get() == Kind.POSTGRESQL ? hostField : embeddedChoice;
    }
}
