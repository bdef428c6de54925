package dev.tentacle.servermanager.server;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Views;
import dev.tentacle.desktop.service.ServiceStatusLabels;
import dev.tentacle.desktop.service.ServiceStatusView;
import dev.tentacle.desktop.thumbprint.ThumbprintPanel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
        Views.showWhenNotEmpty(problemLabel);
        webLabel.textProperty().bind(text(details, ServerDetails::webAddress));
        databaseLabel.textProperty().bind(text(details, ServerDetails::database));
        homeLabel.textProperty().bind(text(details, d -> d.homeDirectory().map(Path::toString).orElse("")));
        configLabel.textProperty().bind(text(details, d -> d.configFile().toString()));
        certificateProblemLabel.textProperty().bind(text(details, d -> d.certificateProblem().orElse("")));
        Views.showWhenNotEmpty(certificateProblemLabel);

        ThumbprintPanel thumbprints = new ThumbprintPanel();
        thumbprintBox.getChildren().setAll(thumbprints.root());
        thumbprints.thumbprintsProperty().bind(Bindings.createObjectBinding(() -> details.get() == null ? null
                : details.get().thumbprints().orElse(null), details));
        thumbprints.setOnCopied(viewModel::noticeCopied);

        ServiceStatusLabels.bind(serviceStatusLabel, serviceDetailLabel, viewModel.serviceProperty());

        var comms = viewModel.commsProperty();
        commsLabel.textProperty().bind(Views.text(comms, CommsPortStatus::text));
        commsDetailLabel.textProperty().bind(Views.text(comms, CommsPortStatus::detail));
        Views.showWhenNotEmpty(commsDetailLabel);
        comms.addListener((o, before, now) -> Views.styleStatus(commsLabel,
                now == null ? null : commsStyle(now).styleClass()));

        var hasConfiguration = viewModel.hasConfigurationProperty();
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        stopButton.disableProperty().bind(viewModel.canStopProperty().not());
        restartButton.disableProperty().bind(viewModel.canRestartProperty().not());
        installButton.visibleProperty().bind(viewModel.canInstallProperty());
        installButton.managedProperty().bind(installButton.visibleProperty());
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        openHomeButton.disableProperty().bind(hasConfiguration.not());
        openConfigButton.disableProperty().bind(details.isNull());

        Views.statusBar(busyIndicator, activityLabel, noticeLabel, viewModel.busyProperty(),
                viewModel.activityProperty(), viewModel.noticeProperty());

        details.addListener((o, before, now) -> updateTooltips());
        updateTooltips();
    }

    /** The comms port coloured like a service: listening as running, not listening as stopped. */
    private static ServiceStatusView.Kind commsStyle(CommsPortStatus status) {
        return switch (status.state()) {
            case LISTENING -> ServiceStatusView.Kind.RUNNING;
            case NOT_LISTENING, LISTENING_UNCONFIRMED -> ServiceStatusView.Kind.STOPPED;
            case CHECKING -> ServiceStatusView.Kind.CHECKING;
            case UNKNOWN -> ServiceStatusView.Kind.UNKNOWN;
        };
    }

    private static ObservableValue<String> text(ObservableValue<ServerDetails> details,
            Function<ServerDetails, String> value) {
        return Views.text(details, value);
    }

    private void updateTooltips() {
        Views.equivalentCommand(startButton, viewModel.equivalentCommand("start"));
        Views.equivalentCommand(stopButton, viewModel.equivalentCommand("stop"));
        Views.equivalentCommand(restartButton, viewModel.equivalentCommand("restart"));
        Views.equivalentCommand(installButton, viewModel.equivalentCommand("install --start"));
    }

    private Window window() {
        return Views.window(root);
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
