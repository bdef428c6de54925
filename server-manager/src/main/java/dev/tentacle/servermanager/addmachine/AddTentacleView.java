package dev.tentacle.servermanager.addmachine;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.thumbprint.ThumbprintDiff;
import dev.tentacle.servermanager.addmachine.AddTentacleViewModel.Step;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.javafx.FontIcon;

/** The add listening Tentacle screen ({@code AddTentacleView.fxml}), bound to an {@link AddTentacleViewModel}. */
public final class AddTentacleView {
    private final AddTentacleViewModel model;
    private final Parent root;
    private final ValidationSupport validation = new ValidationSupport();
    private Runnable onClose = () -> { };

    @FXML
    private Label title;
    @FXML
    private ScrollPane scroll;
    @FXML
    private Label hostLabel;
    @FXML
    private TextField hostField;
    @FXML
    private Label hostError;
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
    private Label thumbprintError;
    @FXML
    private Label nameLabel;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameError;
    @FXML
    private Label environmentsLabel;
    @FXML
    private TextField environmentsField;
    @FXML
    private Label environmentsError;
    @FXML
    private Label rolesLabel;
    @FXML
    private TextField rolesField;
    @FXML
    private Label rolesError;
    @FXML
    private Label policyLabel;
    @FXML
    private ComboBox<String> policyBox;
    @FXML
    private Button connectButton;
    @FXML
    private ProgressIndicator connectingIndicator;
    @FXML
    private Label connectingLabel;
    @FXML
    private Button cancelConnectButton;
    @FXML
    private VBox verifySection;
    @FXML
    private Label presentedHeading;
    @FXML
    private TextField presentedSha1;
    @FXML
    private TextField presentedSha256;
    @FXML
    private Button copyPresentedSha1;
    @FXML
    private Button copyPresentedSha256;
    @FXML
    private Label expectedMatch;
    @FXML
    private Label trustNote;
    @FXML
    private Button confirmButton;
    @FXML
    private Button declineButton;
    @FXML
    private ProgressIndicator savingIndicator;
    @FXML
    private VBox mismatchSection;
    @FXML
    private ThumbprintDiff thumbprintDiff;
    @FXML
    private Label mismatchMessage;
    @FXML
    private VBox problemSection;
    @FXML
    private Label problemTitle;
    @FXML
    private Label problemMessage;
    @FXML
    private VBox declinedSection;
    @FXML
    private Label declinedMessage;
    @FXML
    private VBox addedSection;
    @FXML
    private Label addedMessage;
    @FXML
    private Label trustAdvice;
    @FXML
    private HBox trustCommandsBox;
    @FXML
    private TextArea trustCommands;
    @FXML
    private Button copyTrustCommands;
    @FXML
    private TextField serverSha1;
    @FXML
    private TextField serverSha256;
    @FXML
    private Button copyServerSha1;
    @FXML
    private Button copyServerSha256;
    @FXML
    private TextArea equivalentCommand;
    @FXML
    private Button addAnotherButton;
    @FXML
    private Button closeButton;

    public AddTentacleView(AddTentacleViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.root = Fxml.load(this);
        bindForm();
        bindConnecting();
        bindResults();
    }

    public Parent root() {
        return root;
    }

    /** The field that gets the focus first. */
    public Node firstFocus() {
        return hostField;
    }

    /** What Close does: the dialog closes its window. */
    void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    private void bindForm() {
        title.setText(model.title());
        field(hostField, model.form().hostProperty(), hostLabel, hostError, model.form().hostProblemProperty(), true);
        field(portField, model.form().portProperty(), portLabel, portError, model.form().portProblemProperty(), false);
        field(thumbprintField, model.form().expectedThumbprintProperty(), thumbprintLabel, thumbprintError,
                model.form().thumbprintProblemProperty(), false);
        field(nameField, model.form().nameProperty(), nameLabel, nameError, model.form().nameProblemProperty(), false);
        field(environmentsField, model.form().environmentsProperty(), environmentsLabel, environmentsError,
                model.form().environmentsProblemProperty(), false);
        field(rolesField, model.form().rolesProperty(), rolesLabel, rolesError, model.form().rolesProblemProperty(), false);
        portField.disableProperty().unbind();
        portField.disableProperty().bind(model.inputLockedProperty().or(model.form().portInHostProperty()));
        portField.setTooltip(new Tooltip("The port the Tentacle listens on; 10933 unless it was set up otherwise. A port"
                + " typed with the host (HOST:PORT) takes its place."));
        policyLabel.setLabelFor(policyBox);
        policyBox.setItems(model.form().policies());
        policyBox.valueProperty().bindBidirectional(model.form().policyProperty());
        policyBox.disableProperty().bind(model.inputLockedProperty());
        policyBox.setTooltip(new Tooltip("The machine policy: how often its health is checked, and how calls to it"
                + " are retried."));
    }

    /**
     * Binds a field both ways, labels it for its mnemonic, shows its problem under it and as a ControlsFX decoration,
     * and locks it while connecting, saving or added.
     *
     * @param onlyOnceTyped show the problem only when the field is not empty (a blank required field is not an error
     *     yet: Connect stays disabled)
     */
    private void field(TextField field, StringProperty property, Label label, Label error,
            ObservableStringValue problem, boolean onlyOnceTyped) {
        field.textProperty().bindBidirectional(property);
        label.setLabelFor(field);
        field.disableProperty().bind(model.inputLockedProperty());
        ObservableBooleanValue shown = onlyOnceTyped
                ? Bindings.isNotEmpty(problem).and(Bindings.isNotEmpty(field.textProperty()))
                : Bindings.isNotEmpty(problem);
        error.textProperty().bind(problem);
        showWhen(error, shown);
        error.setWrapText(true);
        error.getStyleClass().addAll("field-error", "danger");
        error.setGraphic(icon("mdi2a-alert-circle-outline", "danger"));
        validation.registerValidator(field, false, (Control control, String value) ->
                ValidationResult.fromErrorIf(control, problem.get(), shown.get()));
    }

    private void bindConnecting() {
        connectButton.disableProperty().bind(model.canConnectProperty().not());
        BooleanBinding connecting = is(Step.CONNECTING);
        showWhen(connectingIndicator, connecting);
        showWhen(connectingLabel, connecting);
        showWhen(cancelConnectButton, connecting);
        connectingLabel.textProperty().bind(Bindings.createStringBinding(() -> "Connecting to "
                + model.form().hostProperty().get().strip() + "…", model.form().hostProperty()));
    }

    private void bindResults() {
        showWhen(verifySection, is(Step.VERIFYING, Step.SAVING));
        presentedHeading.textProperty().bind(model.presentedHeadingProperty());
        presentedSha1.textProperty().bind(model.presentedSha1Property());
        presentedSha256.textProperty().bind(model.presentedSha256Property());
        presentedSha1.setPrefColumnCount(40);
        presentedSha256.setPrefColumnCount(64);
        copyPresentedSha1.setOnAction(event -> copy(model.presentedSha1Property().get()));
        copyPresentedSha256.setOnAction(event -> copy(model.presentedSha256Property().get()));
        expectedMatch.textProperty().bind(model.expectedMatchProperty());
        expectedMatch.setGraphic(icon("mdi2c-check-circle-outline", "success"));
        showWhen(expectedMatch, Bindings.isNotEmpty(model.expectedMatchProperty()));
        trustNote.textProperty().bind(model.trustNoteProperty());
        confirmButton.setOnAction(event -> model.confirm());
        confirmButton.disableProperty().bind(model.canConfirmProperty().not());
        declineButton.setOnAction(event -> model.decline());
        declineButton.disableProperty().bind(is(Step.VERIFYING).not());
        showWhen(savingIndicator, is(Step.SAVING));

        showWhen(mismatchSection, is(Step.MISMATCH));
        thumbprintDiff.expectedLabelProperty().set("You entered");
        thumbprintDiff.actualLabelProperty().set("The Tentacle presented");
        thumbprintDiff.expectedProperty().bind(model.mismatchExpectedProperty());
        thumbprintDiff.actualProperty().bind(model.mismatchPresentedProperty());
        mismatchMessage.textProperty().bind(model.mismatchMessageProperty());

        showWhen(problemSection, is(Step.PROBLEM));
        problemTitle.textProperty().bind(model.problemTitleProperty());
        problemMessage.textProperty().bind(model.problemMessageProperty());

        showWhen(declinedSection, is(Step.DECLINED));
        declinedMessage.textProperty().bind(model.outcomeProperty());

        showWhen(addedSection, is(Step.ADDED));
        addedMessage.textProperty().bind(model.outcomeProperty());
        trustAdvice.textProperty().bind(model.trustAdviceProperty());
        trustCommands.textProperty().bind(model.trustCommandsProperty());
        showWhen(trustCommandsBox, Bindings.isNotEmpty(model.trustCommandsProperty()));
        copyTrustCommands.setOnAction(event -> copy(model.trustCommandsProperty().get()));
        serverSha1.textProperty().bind(model.serverSha1Property());
        serverSha256.textProperty().bind(model.serverSha256Property());
        copyServerSha1.setOnAction(event -> copy(model.serverSha1Property().get()));
        copyServerSha256.setOnAction(event -> copy(model.serverSha256Property().get()));
        equivalentCommand.textProperty().bind(model.equivalentCommandProperty());
        showWhen(addAnotherButton, is(Step.ADDED));
        model.stepProperty().addListener((observable, before, after) -> {
            if (after != Step.EDITING && after != Step.CONNECTING) {
                // The result is below the form: bring it into view once laid out.
                Platform.runLater(() -> scroll.setVvalue(scroll.getVmax()));
            }
            if (after == Step.ADDED) {
                closeButton.requestFocus();
            } else if (after == Step.VERIFYING) {
                presentedSha256.requestFocus();
            } else if (after == Step.EDITING && before == Step.ADDED) {
                hostField.requestFocus();
            }
        });
    }

    private BooleanBinding is(Step... steps) {
        Set<Step> any = Set.of(steps);
        return Bindings.createBooleanBinding(() -> any.contains(model.step()), model.stepProperty());
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static FontIcon icon(String literal, String styleClass) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void connect() {
        model.connect();
    }

    @FXML
    private void cancelConnecting() {
        model.cancelConnecting();
    }

    @FXML
    private void addAnother() {
        model.addAnother();
    }

    @FXML
    private void close() {
        model.cancelConnecting();
        onClose.run();
    }
}
