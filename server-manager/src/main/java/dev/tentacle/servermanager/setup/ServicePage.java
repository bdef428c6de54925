package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** The view of {@link ServiceViewModel}; the box is disabled when services cannot be installed here. */
final class ServicePage extends WizardPage {
    @FXML
    private CheckBox installServiceBox;
    @FXML
    private Label serviceNote;

    ServicePage(ServiceViewModel model) {
        super(Page.SERVICE.id(), Page.SERVICE.title(), "mdi2c-cog-play-outline",
                Bindings.createBooleanBinding(() -> true));
        installServiceBox.selectedProperty().bindBidirectional(model.installServiceProperty());
        installServiceBox.setDisable(!model.available());
        serviceNote.setText(model.note());
    }

    @Override
    protected Node firstFocus() {
        return installServiceBox;
    }
}
