package dev.tentacle.manager.instances;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Change proxy dialog: none, this machine's proxy, or a custom one. Save is the default button. */
public final class ProxyDialog {
    static final ButtonType SAVE = new ButtonType("_Save", ButtonBar.ButtonData.OK_DONE);

    private final ProxyViewModel viewModel;

    @FXML private VBox root;
    @FXML private ToggleGroup modeGroup;
    @FXML private RadioButton noneRadio;
    @FXML private RadioButton systemRadio;
    @FXML private RadioButton customRadio;
    @FXML private GridPane customFields;
    @FXML private Label hostLabel;
    @FXML private TextField hostField;
    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Label usernameLabel;
    @FXML private TextField usernameField;
    @FXML private Label passwordLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label problemLabel;
    @FXML private TextArea commandsArea;

    private ProxyDialog(ProxyViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load(this);
        hostLabel.setLabelFor(hostField);
        portLabel.setLabelFor(portField);
        usernameLabel.setLabelFor(usernameField);
        passwordLabel.setLabelFor(passwordField);
        systemRadio.setText(viewModel.systemProxyText());
        systemRadio.setDisable(!viewModel.systemProxyAvailable());
        noneRadio.setUserData(ProxyViewModel.Mode.NONE);
        systemRadio.setUserData(ProxyViewModel.Mode.SYSTEM);
        customRadio.setUserData(ProxyViewModel.Mode.CUSTOM);
        select(viewModel.modeProperty().get());
        modeGroup.selectedToggleProperty().addListener((o, before, now) -> {
            if (now != null) {
                viewModel.modeProperty().set((ProxyViewModel.Mode) now.getUserData());
            }
        });
        viewModel.modeProperty().addListener((o, before, now) -> select(now));
        customFields.disableProperty().bind(viewModel.modeProperty().isNotEqualTo(ProxyViewModel.Mode.CUSTOM));
        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        usernameField.textProperty().bindBidirectional(viewModel.usernameProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        passwordField.setPromptText(viewModel.passwordPrompt());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        commandsArea.textProperty().bind(Bindings.createStringBinding(viewModel::equivalentCommands,
                viewModel.modeProperty(), viewModel.hostProperty(), viewModel.portProperty(),
                viewModel.usernameProperty(), viewModel.passwordProperty()));
    }

    private void select(ProxyViewModel.Mode mode) {
        for (Toggle toggle : modeGroup.getToggles()) {
            if (toggle.getUserData() == mode) {
                modeGroup.selectToggle(toggle);
            }
        }
    }

    /** Shows the dialog and waits; true when the user chose Save (with valid input). */
    public static boolean edit(Window owner, ProxyViewModel viewModel, Appearance appearance) {
        ProxyDialog view = new ProxyDialog(viewModel);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Change proxy");
        dialog.setHeaderText("Proxy of the Tentacle instance '" + viewModel.instance() + "'");
        dialog.getDialogPane().setContent(view.root);
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        appearance.style(dialog.getDialogPane());
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("save-proxy");
        save.disableProperty().bind(Bindings.not(viewModel.canSave()));
        return dialog.showAndWait().filter(SAVE::equals).isPresent();
    }
}
