package dev.tentacle.manager.instances;

import dev.tentacle.manager.Screens;
import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.desktop.log.LogWindow;
import dev.tentacle.desktop.thumbprint.ThumbprintPanel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The main window's view: binds {@link MainWindowViewModel} to {@code MainWindowView.fxml}, opens the dialogs and the
 * other screens, shows failures, and polls the service status while it is shown.
 */
public final class MainWindowView {
    /** How often the service status and the instance list are read again. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

    private final MainWindowViewModel viewModel;
    private final Screens screens;
    private final Appearance appearance;
    private final Repeating repeating;
    private AutoCloseable polling;

    @FXML private BorderPane root;
    @FXML private Label instanceLabel;
    @FXML private ComboBox<String> instanceSelector;
    @FXML private Label problemLabel;
    @FXML private Label serviceStatusLabel;
    @FXML private Label serviceDetailLabel;
    @FXML private Label modeLabel;
    @FXML private Label endpointsLabel;
    @FXML private Label trustLabel;
    @FXML private Label proxyLabel;
    @FXML private Button proxyButton;
    @FXML private Label homeLabel;
    @FXML private Button openHomeButton;
    @FXML private Label logsLabel;
    @FXML private Button openLogsButton;
    @FXML private StackPane thumbprintBox;
    @FXML private Label certificateProblemLabel;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button restartButton;
    @FXML private Button installButton;
    @FXML private Button logButton;
    @FXML private Button verifyButton;
    @FXML private Button healthButton;
    @FXML private Button deleteButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label activityLabel;
    @FXML private Label noticeLabel;

    public MainWindowView(MainWindowViewModel viewModel, Screens screens, Appearance appearance, Repeating repeating) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.repeating = Objects.requireNonNull(repeating, "repeating");
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    /** Starts polling the service status and the registry; {@link #stopPolling()} ends it. */
    public void startPolling(Runnable onUiThread) {
        stopPolling();
        polling = repeating.every(POLL_INTERVAL, onUiThread);
    }

    public void stopPolling() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                // Cancelling a scheduled task does not fail.
            }
            polling = null;
        }
    }

    private void bind() {
        instanceLabel.setLabelFor(instanceSelector);
        instanceSelector.setItems(viewModel.instances());
        instanceSelector.valueProperty().bindBidirectional(viewModel.selectedProperty());
        viewModel.setFailureHandler(failure -> FailureDialog.show(window(), failure));

        var details = viewModel.detailsProperty();
        problemLabel.textProperty().bind(text(details, d -> d.problem().orElse("")));
        showWhenNotEmpty(problemLabel);
        modeLabel.textProperty().bind(text(details, InstanceDetails::communicationMode));
        endpointsLabel.textProperty().bind(text(details, d -> String.join(System.lineSeparator(), d.endpoints())));
        trustLabel.textProperty().bind(text(details, InstanceDetails::trust));
        proxyLabel.textProperty().bind(text(details, InstanceDetails::proxy));
        homeLabel.textProperty().bind(text(details, d -> d.homeDirectory().map(Path::toString).orElse("")));
        logsLabel.textProperty().bind(text(details, d -> d.logsDirectory().map(Path::toString).orElse("")));
        ThumbprintPanel thumbprints = new ThumbprintPanel();
        thumbprintBox.getChildren().setAll(thumbprints.root());
        thumbprints.thumbprintsProperty().bind(Bindings.createObjectBinding(() -> details.get() == null ? null
                : details.get().thumbprints().orElse(null), details));
        thumbprints.setOnCopied(viewModel::noticeCopied);
        certificateProblemLabel.textProperty().bind(text(details, d -> d.certificateProblem().orElse("")));
        showWhenNotEmpty(certificateProblemLabel);

        var service = viewModel.serviceProperty();
        serviceStatusLabel.textProperty().bind(Bindings.createStringBinding(
                () -> service.get() == null ? "" : service.get().text(), service));
        serviceDetailLabel.textProperty().bind(Bindings.createStringBinding(
                () -> service.get() == null ? "" : service.get().detail(), service));
        showWhenNotEmpty(serviceDetailLabel);
        service.addListener((o, before, now) -> styleStatus(now));

        var busy = viewModel.busyProperty();
        var hasConfiguration = viewModel.hasConfigurationProperty();
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        stopButton.disableProperty().bind(viewModel.canStopProperty().not());
        restartButton.disableProperty().bind(viewModel.canRestartProperty().not());
        installButton.disableProperty().bind(viewModel.canInstallServiceProperty().not());
        installButton.textProperty().bind(viewModel.installServiceLabelProperty());
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        proxyButton.disableProperty().bind(viewModel.canChangeProxyProperty().not());
        openHomeButton.disableProperty().bind(hasConfiguration.not());
        openLogsButton.disableProperty().bind(hasConfiguration.not());
        logButton.disableProperty().bind(hasConfiguration.not());
        verifyButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(busy));
        healthButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(busy));

        busyIndicator.visibleProperty().bind(busy);
        busyIndicator.managedProperty().bind(busy);
        activityLabel.textProperty().bind(viewModel.activityProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());

        viewModel.selectedProperty().addListener((o, a, b) -> updateTooltips());
        service.addListener((o, a, b) -> updateTooltips());
        updateTooltips();
    }

    private static ObservableValue<String> text(ObservableValue<InstanceDetails> details,
            Function<InstanceDetails, String> value) {
        return Bindings.createStringBinding(() -> details.getValue() == null ? "" : value.apply(details.getValue()),
                details);
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void styleStatus(ServiceStatusView status) {
        serviceStatusLabel.getStyleClass().removeIf(style -> style.startsWith("status-"));
        if (status != null) {
            serviceStatusLabel.getStyleClass().add("status-" + status.kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
        }
    }

    private void updateTooltips() {
        tooltip(startButton, EquivalentCommands.Action.START);
        tooltip(stopButton, EquivalentCommands.Action.STOP);
        tooltip(restartButton, EquivalentCommands.Action.RESTART);
        tooltip(installButton, EquivalentCommands.Action.INSTALL);
        tooltip(deleteButton, EquivalentCommands.Action.DELETE);
        tooltip(verifyButton, EquivalentCommands.Action.SHOW_THUMBPRINT);
    }

    private void tooltip(Button button, EquivalentCommands.Action action) {
        String command = viewModel.equivalentCommand(action);
        button.setTooltip(command.isEmpty() ? null : new Tooltip("Equivalent command: " + command));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Optional<String> selected() {
        return Optional.ofNullable(viewModel.selectedProperty().get());
    }

    @FXML
    private void addTentacle() {
        screens.runSetupWizard(window()).ifPresentOrElse(viewModel::refreshInstancesAndSelect,
                viewModel::refreshInstances);
    }

    @FXML
    private void refresh() {
        viewModel.refreshInstances();
        viewModel.refreshStatus();
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
    private void restart() {
        viewModel.restart();
    }

    @FXML
    private void reinstall() {
        viewModel.reinstallService();
    }

    @FXML
    private void deleteInstance() {
        viewModel.prepareDeletion(confirmation -> {
            if (DeleteInstanceDialog.confirm(window(), confirmation, appearance)) {
                viewModel.delete(confirmation);
            }
        });
    }

    @FXML
    private void changeProxy() {
        viewModel.proxyEditor().ifPresent(editor -> {
            if (ProxyDialog.edit(window(), editor, appearance)) {
                viewModel.saveProxy(editor);
            }
        });
    }

    @FXML
    private void viewLog() {
        viewModel.logView().ifPresent(log -> LogWindow.open(window(), log, repeating, appearance));
    }

    @FXML
    private void verifyThumbprint() {
        selected().ifPresent(name -> screens.showThumbprintVerification(window(), name));
    }

    @FXML
    private void healthCheck() {
        selected().ifPresent(name -> screens.showHealthCheck(window(), name));
    }

    @FXML
    private void openHome() {
        viewModel.openHomeDirectory();
    }

    @FXML
    private void openLogs() {
        viewModel.openLogsDirectory();
    }
}
