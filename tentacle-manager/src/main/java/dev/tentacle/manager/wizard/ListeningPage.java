package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import dev.tentacle.manager.wizard.install.FirewallRule;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;

/** The view of {@link ListeningViewModel}. */
final class ListeningPage extends WizardPage {
    private final ListeningViewModel model;
    @FXML
    private Label portLabel;
    @FXML
    private TextField portField;
    @FXML
    private Label portError;
    @FXML
    private Label thumbprintLabel;
    @FXML
    private TextField thumbprintField;
    @FXML
    private Label thumbprintHelp;
    @FXML
    private Label thumbprintError;
    @FXML
    private Label firewallExplanation;
    @FXML
    private VBox firewallCommandBox;
    @FXML
    private TextArea firewallCommand;
    @FXML
    private Button copyFirewallCommand;
    @FXML
    private CheckBox addFirewallRule;

    ListeningPage(ListeningViewModel model) {
        super(Page.LISTENING.id(), Page.LISTENING.title(), "mdi2l-lan-connect", model.validProperty());
        this.model = model;
        Fields.bind(portField, model.portProperty(), portLabel);
        Fields.bind(thumbprintField, model.serverThumbprintProperty(), thumbprintLabel);
        thumbprintHelp.setText(ListeningViewModel.THUMBPRINT_HELP);
        Fields.showError(portError, model.portErrorProperty());
        Fields.showError(thumbprintError, model.thumbprintErrorProperty());
        var advice = model.firewallAdviceProperty();
        firewallExplanation.textProperty().bind(Bindings.createStringBinding(() -> advice.get() == null
                ? "Once the port is valid, this says how to let the Octopus Server through the firewall."
                : advice.get().explanation(), advice));
        Fields.showWhen(firewallCommandBox, Bindings.createBooleanBinding(() -> advice.get() != null
                && advice.get().rule().isPresent(), advice));
        firewallCommand.textProperty().bind(Bindings.createStringBinding(() -> advice.get() == null ? ""
                : advice.get().rule().map(FirewallRule::addScript).orElse(""), advice));
        copyFirewallCommand.setOnAction(event -> Fields.copyToClipboard(firewallCommand.getText()));
        addFirewallRule.selectedProperty().bindBidirectional(model.addFirewallRuleProperty());
        addFirewallRule.disableProperty().bind(Bindings.createBooleanBinding(() -> advice.get() == null
                || !advice.get().canRun(), advice));
    }

    @Override
    protected void entering(Wizard wizard) {
        model.revalidate();
    }

    @Override
    protected Node firstFocus() {
        return portField;
    }
}
