package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.dialog.Wizard;

/** The view of {@link StorageViewModel}; Browse opens the OS's directory chooser. */
final class StoragePage extends WizardPage {
    private final StorageViewModel model;
    @FXML
    private Label homeLabel;
    @FXML
    private TextField homeField;
    @FXML
    private Button homeBrowse;
    @FXML
    private Label homeError;
    @FXML
    private Label applicationsLabel;
    @FXML
    private TextField applicationsField;
    @FXML
    private Button applicationsBrowse;
    @FXML
    private Label applicationsError;

    StoragePage(StorageViewModel model) {
        super(Page.STORAGE.id(), Page.STORAGE.title(), "mdi2f-folder-cog-outline", model.validProperty());
        this.model = model;
        Fields.bind(homeField, model.homeProperty(), homeLabel);
        Fields.bind(applicationsField, model.applicationsProperty(), applicationsLabel);
        Fields.showError(homeError, model.homeErrorProperty());
        Fields.showError(applicationsError, model.applicationsErrorProperty());
        Fields.browse(homeBrowse, model.homeProperty(), "Choose the Tentacle's home directory");
        Fields.browse(applicationsBrowse, model.applicationsProperty(), "Choose the application directory");
    }

    @Override
    protected void entering(Wizard wizard) {
        model.revalidate();
    }

    @Override
    protected Node firstFocus() {
        return homeField;
    }
}
