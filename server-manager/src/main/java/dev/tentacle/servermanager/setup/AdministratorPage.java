package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The view of {@link AdministratorViewModel}. */
final class AdministratorPage extends WizardPage {
    @FXML
    private Label keyNameLabel;
    @FXML
    private TextField keyNameField;
    @FXML
    private Label keyNameError;

    AdministratorPage(AdministratorViewModel model) {
        super(Page.API_KEY.id(), Page.API_KEY.title(), "mdi2k-key-outline", model.validProperty());
        Fields.bind(keyNameField, model.keyNameProperty(), keyNameLabel);
        Fields.showError(keyNameError, model.keyNameErrorProperty());
    }

    @Override
    protected Node firstFocus() {
        return keyNameField;
    }
}
