package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The view of {@link InstanceNameViewModel}. */
final class InstanceNamePage extends WizardPage {
    @FXML
    private Label nameLabel;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameError;

    InstanceNamePage(InstanceNameViewModel model) {
        super(Page.NAME.id(), Page.NAME.title(), "mdi2t-tag-outline", model.validProperty());
        Fields.bind(nameField, model.nameProperty(), nameLabel);
        Fields.showError(nameError, model.errorProperty());
    }

    @Override
    protected Node firstFocus() {
        return nameField;
    }
}
