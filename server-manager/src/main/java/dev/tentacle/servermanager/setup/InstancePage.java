package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.dialog.Wizard;

/** The view of {@link InstanceViewModel}; Browse opens the OS's directory chooser. */
final class InstancePage extends WizardPage {
    private final InstanceViewModel model;
    @FXML
    private Label nameLabel;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameError;
    @FXML
    private Label homeLabel;
    @FXML
    private TextField homeField;
    @FXML
    private Button homeBrowse;
    @FXML
    private Label homeError;

    InstancePage(InstanceViewModel model) {
        super(Page.INSTANCE.id(), Page.INSTANCE.title(), "mdi2s-server-plus", model.validProperty());
        this.model = model;
        Fields.bind(nameField, model.nameProperty(), nameLabel);
        Fields.bind(homeField, model.homeProperty(), homeLabel);
        Fields.showError(nameError, model.nameErrorProperty());
        Fields.showError(homeError, model.homeErrorProperty());
        Fields.browse(homeBrowse, model.homeProperty(), "Choose the server's home directory");
    }

    @Override
    protected void entering(Wizard wizard) {
        model.revalidate();
    }

    @Override
    protected Node firstFocus() {
        return nameField;
    }
}
