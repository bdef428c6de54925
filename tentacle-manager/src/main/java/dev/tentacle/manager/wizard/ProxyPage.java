package dev.tentacle.manager.wizard;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.desktop.wizard.Fields;
import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import org.controlsfx.dialog.Wizard;

/** The view of {@link ProxyViewModel}. */
final class ProxyPage extends WizardPage {
    private final Supplier<CommunicationStyle> style;
    @FXML
    private ToggleGroup modeGroup;
    @FXML
    private Label purpose;
    @FXML
    private RadioButton noneChoice;
    @FXML
    private RadioButton systemChoice;
    @FXML
    private RadioButton customChoice;
    @FXML
    private Label systemDescription;
    @FXML
    private GridPane customGrid;
    @FXML
    private Label hostLabel;
    @FXML
    private TextField hostField;
    @FXML
    private Label portLabel;
    @FXML
    private TextField portField;
    @FXML
    private Label usernameLabel;
    @FXML
    private TextField usernameField;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label proxyError;

    ProxyPage(ProxyViewModel model, Supplier<CommunicationStyle> style) {
        super(Page.PROXY.id(), Page.PROXY.title(), "mdi2s-server-network", model.validProperty());
        this.style = style;
        Map<Toggle, ProxyViewModel.Mode> modes = Map.of(noneChoice, ProxyViewModel.Mode.NONE,
                systemChoice, ProxyViewModel.Mode.SYSTEM, customChoice, ProxyViewModel.Mode.CUSTOM);
        modes.forEach((toggle, mode) -> {
            if (mode == model.modeProperty().get()) {
                modeGroup.selectToggle(toggle);
            }
        });
        modeGroup.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                modeGroup.selectToggle(before);
            } else {
                model.modeProperty().set(modes.get(after));
            }
        });
        systemDescription.setText(model.systemProxyDescription());
        customGrid.disableProperty().bind(Bindings.notEqual(ProxyViewModel.Mode.CUSTOM, model.modeProperty()));
        Fields.bind(hostField, model.hostProperty(), hostLabel);
        Fields.bind(portField, model.portProperty(), portLabel);
        Fields.bind(usernameField, model.usernameProperty(), usernameLabel);
        Fields.bind(passwordField, model.passwordProperty(), passwordLabel);
        Fields.showError(proxyError, model.errorProperty());
    }

    @Override
    protected void entering(Wizard wizard) {
        purpose.setText(style.get() == CommunicationStyle.POLLING
                ? "Does this machine reach the Octopus Server through an HTTP proxy? The Tentacle's polling connections,"
                        + " and the connections it makes for its work (such as downloads), then go through it."
                : "Does this machine reach the internet through an HTTP proxy? The connections the Tentacle makes for"
                        + " its work (such as downloads) then go through it. The Octopus Server's connections to this"
                        + " listening Tentacle do not.");
    }

    @Override
    protected Node firstFocus() {
        return (Node) modeGroup.getSelectedToggle();
    }
}
