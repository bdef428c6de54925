package dev.tentacle.manager.health;

import dev.tentacle.desktop.fx.Views;
import dev.tentacle.tentacle.diagnostics.CheckResult;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.javafx.FontIcon;

/** The controller of {@code HealthCheckView.fxml}: binds the controls to a {@link HealthCheckViewModel}. */
public final class HealthCheckView {
    private static final String[] OUTCOME_CLASSES = {"not-run", "running", "all-passed", "warnings", "failures",
        "cancelled", "error"};

    private final HealthCheckViewModel viewModel;
    private Runnable onClose = () -> { };

    @FXML
    private FontIcon outcomeIcon;
    @FXML
    private Label title;
    @FXML
    private Label summary;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private ListView<CheckResult> results;
    @FXML
    private Button copyButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button rerunButton;
    @FXML
    private Button closeButton;

    public HealthCheckView(HealthCheckViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        title.setText(viewModel.title());
        summary.textProperty().bind(viewModel.summaryProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(viewModel.runningProperty());
        results.setItems(viewModel.results());
        results.setCellFactory(CheckResultCell::new);
        results.setPlaceholder(new Label("No results yet."));
        cancelButton.visibleProperty().bind(viewModel.runningProperty());
        cancelButton.managedProperty().bind(viewModel.runningProperty());
        rerunButton.disableProperty().bind(viewModel.runningProperty());
        copyButton.disableProperty().bind(viewModel.runningProperty().or(Bindings.isEmpty(viewModel.results())));
        viewModel.outcomeProperty().addListener((observable, old, outcome) -> showOutcome(outcome));
        viewModel.runningProperty().addListener((observable, was, running) -> {
            if (!running) {
                showFirstProblem();
            }
        });
        showOutcome(viewModel.outcomeProperty().get());
    }

    private void showOutcome(HealthCheckViewModel.Outcome outcome) {
        outcomeIcon.setIconLiteral(StatusIcons.literal(outcome));
        outcomeIcon.getStyleClass().removeAll(OUTCOME_CLASSES);
        outcomeIcon.getStyleClass().add(StatusIcons.styleClass(outcome));
    }

    /** Scrolls to the first check that needs attention, so that what to do is in view when the run ends. */
    private void showFirstProblem() {
        Views.scrollToFirst(results, result -> result.status().needsAttention());
    }

    /** What Close does: the dialog closes its window. */
    void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    @FXML
    private void rerun() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        viewModel.cancel();
        onClose.run();
    }

    @FXML
    private void copyReport() {
        Views.copyToClipboard(viewModel.report());
    }
}
