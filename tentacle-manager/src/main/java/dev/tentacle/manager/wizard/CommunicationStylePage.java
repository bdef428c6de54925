package dev.tentacle.manager.wizard;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

/** The view of {@link CommunicationStyleViewModel}. */
final class CommunicationStylePage extends WizardPage {
    @FXML
    private ToggleGroup styleGroup;
    @FXML
    private RadioButton listeningChoice;
    @FXML
    private RadioButton pollingChoice;
    @FXML
    private Label listeningExplanation;
    @FXML
    private Label pollingExplanation;

    CommunicationStylePage(CommunicationStyleViewModel model) {
        super(Page.STYLE.id(), Page.STYLE.title(), "mdi2s-swap-horizontal", Bindings.createBooleanBinding(() -> true));
        listeningExplanation.setText(CommunicationStyleViewModel.LISTENING_EXPLANATION);
        pollingExplanation.setText(CommunicationStyleViewModel.POLLING_EXPLANATION);
        listeningChoice.setUserData(CommunicationStyle.LISTENING);
        pollingChoice.setUserData(CommunicationStyle.POLLING);
        styleGroup.selectToggle(model.style() == CommunicationStyle.POLLING ? pollingChoice : listeningChoice);
        styleGroup.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.styleProperty().set((CommunicationStyle) after.getUserData());
            } else {
                styleGroup.selectToggle(before); // one style is always chosen
            }
        });
        model.styleProperty().addListener((observable, before, after) ->
                styleGroup.selectToggle(after == CommunicationStyle.POLLING ? pollingChoice : listeningChoice));
    }

    @Override
    protected Node firstFocus() {
        return styleGroup.getSelectedToggle() == pollingChoice ? pollingChoice : listeningChoice;
    }
}
