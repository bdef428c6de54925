package dev.tentacle.servermanager.server;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.thumbprint.ThumbprintPanel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The server window's view: binds {@link ServerViewModel} to {@code ServerView.fxml}, asks to confirm a deletion, and
 * shows failures.
 */
public final class ServerView {
    private final ServerViewModel viewModel;
    private final Appearance appearance;

    @FXML private BorderPane root;
    @FXML private Label problemLabel;
    @FXML private Label serviceStatusLabel;
    @FXML private Label serviceDetailLabel;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button restartButton;
    @FXML private Button installButton;
    @FXML private Label commsLabel;
    @FXML private Label commsDetailLabel;
    @FXML private Label webLabel;
    @FXML private StackPane thumbprintBox;
    @FXML private Label certificateProblemLabel;
    @FXML private Label databaseLabel;
    @FXML private Label homeLabel;
    @FXML private Button openHomeButton;
    @FXML private Label configLabel;
    @FXML private Button openConfigButton;
    @FXML private Button deleteButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label activityLabel;
    @FXML private Label noticeLabel;

    public ServerView(ServerViewModel viewModel, Appearance appearance) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        viewModel.setFailureHandler(failure -> FailureDialog.show(window(), failure));
        var details = viewModel.detailsProperty();
        problemLabel.textProperty().bind(text(details, d -> d.problem().orElse("")));
        showWhenNotEmpty(problemLabel);
        webLabel.textProperty().bind(text(details, ServerDetails::webAddress));
        databaseLabel.textProperty().bind(text(details, ServerDetails::database));
        homeLabel.textProperty().bind(text(details, d -> d.homeDirectory().map(Path::toString).orElse("")));
        configLabel.textProperty().bind(text(details, d -> d.configFile().toString()));
        certificateProblemLabel.textProperty().bind(text(details, d -> d.certificateProblem().orElse("")));
        showWhenNotEmpty(certificateProblemLabel);

        ThumbprintPanel thumbprints = new ThumbprintPanel();
        thumbprintBox.getChildren().setAll(thumbprints.root());
        thumbprints.thumbprintsProperty().bind(Bindings.createObjectBinding(() -> details.get() == null ? null
                : details.get().thumbprints().orElse(null), details));
        thumbprints.setOnCopied(viewModel::noticeCopied);

        var service = viewModel.serviceProperty();
        serviceStatusLabel.textProperty().bind(Bindings.createStringBinding(
                () -> service.get() == null ? "" : service.get().text(), service));
        serviceDetailLabel.textProperty().bind(Bindings.createStringBinding(
                () -> service.get() == null ? "" : service.get().detail(), service));
        showWhenNotEmpty(serviceDetailLabel);
        service.addListener((o, before, now) -> style(serviceStatusLabel, now == null ? null : now.kind().name()));

        var comms = viewModel.commsProperty();
        commsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> comms.get() == null ? "" : comms.get().text(), comms));
        commsDetailLabel.textProperty().bind(Bindings.createStringBinding(
                () -> comms.get() == null ? "" : comms.get().detail(), comms));
        showWhenNotEmpty(commsDetailLabel);
        comms.addListener((o, before, now) -> style(commsLabel, now == null ? null : commsStyle(now)));

        var hasConfiguration = viewModel.hasConfigurationProperty();
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        stopButton.disableProperty().bind(viewModel.canStopProperty().not());
        restartButton.disableProperty().bind(viewModel.canRestartProperty().not());
        installButton.visibleProperty().bind(viewModel.canInstallProperty());
        installButton.managedProperty().bind(installButton.visibleProperty());
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        openHomeButton.disableProperty().bind(hasConfiguration.not());
        openConfigButton.disableProperty().bind(details.isNull());

        var busy = viewModel.busyProperty();
        busyIndicator.visibleProperty().bind(busy);
        busyIndicator.managedProperty().bind(busy);
        activityLabel.textProperty().bind(viewModel.activityProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());

        details.addListener((o, before, now) -> updateTooltips());
        updateTooltips();
    }

    private static String commsStyle(CommsPortStatus status) {
        return switch (status.state()) {
            case LISTENING -> "RUNNING";
            case NOT_LISTENING, LISTENING_UNCONFIRMED -> "STOPPED";
            case CHECKING -> "CHECKING";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    /** Colours a status like the Tentacle Manager does (status-running, status-stopped, ...). */
    private static void style(Label label, String kind) {
        label.getStyleClass().removeIf(style -> style.startsWith("status-"));
        if (kind != null) {
            label.getStyleClass().add("status-" + kind.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private static ObservableValue<String> text(ObservableValue<ServerDetails> details,
            Function<ServerDetails, String> value) {
        return Bindings.createStringBinding(() -> details.getValue() == null ? "" : value.apply(details.getValue()),
                details);
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void updateTooltips() {
        tooltip(startButton, viewModel.equivalentCommand("start"));
        tooltip(stopButton, viewModel.equivalentCommand("stop"));
        tooltip(restartButton, viewModel.equivalentCommand("restart"));
        tooltip(installButton, viewModel.equivalentCommand("install --start"));
    }

    private static void tooltip(Button button, String command) {
        button.setTooltip(command.isEmpty() ? null : new Tooltip("Equivalent command: " + command));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    @FXML
    private void install() {
        viewModel.install();
    }

    @FXML
    private void restart() {
        viewModel.restart();
    }

    @FXML
    private void deleteInstance() {
        viewModel.prepareDeletion(confirmation -> {
            if (DeleteServerDialog.confirm(window(), confirmation, appearance)) {
                viewModel.delete(confirmation);
            }
        });
    }

    @FXML
    private void openHome() {
        viewModel.openHomeDirectory();
    }

    @FXML
    private void openConfig() {
        viewModel.openConfigurationDirectory();
    }
}
