package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.WizardReviewPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** The view of {@link ReviewViewModel}; its Next button reads "Install". */
final class ReviewPage extends WizardReviewPage {
    @FXML
    private CheckBox installServiceBox;
    @FXML
    private Label serviceNote;

    ReviewPage(SetupWizardViewModel wizard) {
        super(Page.REVIEW.id(), Page.REVIEW.title(), wizard.valid(Page.REVIEW), wizard.review(),
                "The equivalent tentacle commands", "Set up the same Tentacle from a command line",
                "These tentacle commands set up the same Tentacle, in the same order (see docs/cli.md). Run them as the"
                        + " same user as this app, which decides the instance registry; tentacle service --install"
                        + " needs root or an administrator.",
                "Show the API key and _passwords");
        ReviewViewModel model = wizard.review();
        installServiceBox.selectedProperty().bindBidirectional(model.installServiceProperty());
        installServiceBox.setDisable(!model.serviceAvailable());
        serviceNote.textProperty().bind(model.serviceNoteProperty());
    }

    @Override
    protected Node firstFocus() {
        return installServiceBox.isDisabled() ? showScriptButton() : installServiceBox;
    }
}
