package dev.tentacle.manager.verify;

import dev.tentacle.manager.verify.ThumbprintVerificationViewModel.ServerItem;
import dev.tentacle.manager.verify.ThumbprintVerificationViewModel.Verdict;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The controller of ThumbprintVerificationView.fxml, bound to a {@link ThumbprintVerificationViewModel}. */
final class ThumbprintVerificationView {
    @FXML
    private TextField sha1Field;
    @FXML
    private TextField sha256Field;
    @FXML
    private Button copySha1;
    @FXML
    private Button copySha256;
    @FXML
    private Label instruction;
    @FXML
    private VBox listeningBox;
    @FXML
    private Label listeningServers;
    @FXML
    private VBox pollingBox;
    @FXML
    private VBox serverRows;
    @FXML
    private Label message;
    @FXML
    private Label error;

    private ThumbprintVerificationViewModel model;

    void bind(ThumbprintVerificationViewModel viewModel) {
        this.model = viewModel;
        sha1Field.textProperty().bind(model.sha1Property());
        sha256Field.textProperty().bind(model.sha256Property());
        sha1Field.setPrefColumnCount(40);
        sha256Field.setPrefColumnCount(64);
        copySha1.setOnAction(event -> copy(model.sha1Property().get()));
        copySha256.setOnAction(event -> copy(model.sha256Property().get()));
        instruction.textProperty().bind(model.instructionProperty());
        boolean listening = model.pollingServers().isEmpty();
        listeningBox.setVisible(listening && !model.listeningServers().isEmpty());
        listeningBox.setManaged(listeningBox.isVisible());
        listeningServers.setText(String.join("\n", model.listeningServers()));
        listeningServers.getStyleClass().add("thumbprint");
        pollingBox.setVisible(!listening);
        pollingBox.setManaged(!listening);
        model.pollingServers().addListener((ListChangeListener<ServerItem>) change -> fillServers());
        fillServers();
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
    }

    private void fillServers() {
        serverRows.getChildren().clear();
        for (ServerItem item : model.pollingServers()) {
            TextField thumbprint = new TextField(item.server().thumbprint().hex());
            thumbprint.setEditable(false);
            thumbprint.getStyleClass().addAll("thumbprint", "server-thumbprint");
            Label where = new Label("Polls " + item.server().address() + " as " + item.server().pollingUri());
            where.setWrapText(true);
            Button yes = new Button("_Yes, this is my server", new FontIcon("mdi2c-check"));
            yes.setId("confirm-server");
            yes.setOnAction(event -> model.confirm(item));
            Button no = new Button("This is _not my server…", new FontIcon("mdi2s-shield-remove-outline"));
            no.setId("reject-server");
            no.getStyleClass().add("danger");
            no.setOnAction(event -> rejectAfterConfirmation(item));
            Button copy = new Button("Cop_y");
            copy.setOnAction(event -> copy(item.server().thumbprint().hex()));
            var undecided = Bindings.equal(Verdict.UNCHECKED, item.verdictProperty());
            yes.disableProperty().bind(undecided.not().or(model.busyProperty()));
            no.disableProperty().bind(Bindings.equal(Verdict.REJECTED, item.verdictProperty()).or(model.busyProperty()));
            Label verdict = new Label();
            verdict.textProperty().bind(Bindings.createStringBinding(() -> switch (item.verdict()) {
                case UNCHECKED -> "Not checked yet.";
                case CONFIRMED -> "Confirmed as your server.";
                case REJECTED -> "Rejected: no longer trusted.";
            }, item.verdictProperty()));
            HBox buttons = new HBox(yes, no, copy);
            buttons.getStyleClass().add("buttons");
            VBox row = new VBox(new Label("SHA-256 thumbprint"), thumbprint, where, buttons, verdict);
            row.getStyleClass().add("server-row");
            serverRows.getChildren().add(row);
        }
    }

    private void rejectAfterConfirmation(ServerItem item) {
        ButtonType remove = new ButtonType("Stop trusting it", ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This Tentacle will stop trusting the server with the"
                + " thumbprint " + item.server().thumbprint() + " and stop polling " + item.server().address()
                + ". It will then trust no server until you set it up again.", remove, ButtonType.CANCEL);
        alert.initOwner(serverRows.getScene().getWindow());
        alert.setTitle("This is not my server");
        alert.setHeaderText("Stop trusting this server?");
        alert.getDialogPane().setId("reject-confirmation");
        if (alert.showAndWait().filter(remove::equals).isPresent()) {
            model.reject(item);
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
