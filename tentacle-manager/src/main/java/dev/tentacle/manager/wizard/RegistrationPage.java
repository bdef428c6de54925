package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** The view of {@link RegistrationViewModel}; the server's known environments and roles are links that add them. */
final class RegistrationPage extends WizardPage {
    @FXML
    private Label machineNameLabel;
    @FXML
    private TextField machineNameField;
    @FXML
    private Label machineNameError;
    @FXML
    private Label environmentsLabel;
    @FXML
    private TextField environmentsField;
    @FXML
    private FlowPane knownEnvironments;
    @FXML
    private Label rolesLabel;
    @FXML
    private TextField rolesField;
    @FXML
    private FlowPane knownRoles;
    @FXML
    private Label policyLabel;
    @FXML
    private ComboBox<String> policyField;

    RegistrationPage(RegistrationViewModel model) {
        super(Page.REGISTRATION.id(), Page.REGISTRATION.title(), "mdi2c-card-account-details", model.validProperty());
        Fields.bind(machineNameField, model.machineNameProperty(), machineNameLabel);
        Fields.bind(environmentsField, model.environmentsProperty(), environmentsLabel);
        Fields.bind(rolesField, model.rolesProperty(), rolesLabel);
        Fields.showError(machineNameError, model.errorProperty());
        policyLabel.setLabelFor(policyField);
        policyLabel.setMnemonicParsing(true);
        policyField.setItems(model.knownPolicies());
        policyField.getEditor().textProperty().bindBidirectional(model.policyProperty());
        suggest(knownEnvironments, model.knownEnvironments(), "Known environments:", model::addEnvironment);
        suggest(knownRoles, model.knownRoles(), "Known roles:", model::addRole);
    }

    private static void suggest(FlowPane pane, ObservableList<String> names, String caption, Consumer<String> add) {
        Runnable fill = () -> {
            pane.getChildren().clear();
            if (!names.isEmpty()) {
                Label label = new Label(caption);
                label.getStyleClass().add("text-muted");
                pane.getChildren().add(label);
            }
            for (String name : names) {
                Hyperlink link = new Hyperlink(name);
                link.setOnAction(event -> add.accept(name));
                pane.getChildren().add(link);
            }
        };
        names.addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
    }

    @Override
    protected Node firstFocus() {
        return machineNameField;
    }
}
