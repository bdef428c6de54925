package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.dialog.Wizard;

/** The view of {@link PortsViewModel}; each port is checked again when the page is shown. */
final class PortsPage extends WizardPage {
    private final PortsViewModel model;
    @FXML
    private Label webPortLabel;
    @FXML
    private TextField webPortField;
    @FXML
    private Label webPortError;
    @FXML
    private CheckBox allAddressesBox;
    @FXML
    private Label commsPortLabel;
    @FXML
    private TextField commsPortField;
    @FXML
    private Label commsPortError;

    PortsPage(PortsViewModel model) {
        super(Page.PORTS.id(), Page.PORTS.title(), "mdi2l-lan-connect", model.validProperty());
        this.model = model;
        Fields.bind(webPortField, model.webPortProperty(), webPortLabel);
        Fields.bind(commsPortField, model.commsPortProperty(), commsPortLabel);
        Fields.showError(webPortError, model.webPortErrorProperty());
        Fields.showError(commsPortError, model.commsPortErrorProperty());
        allAddressesBox.selectedProperty().bindBidirectional(model.allAddressesProperty());
    }

    @Override
    protected void entering(Wizard wizard) {
        model.revalidate();
    }

    @Override
    protected Node firstFocus() {
        return webPortField;
    }
}
