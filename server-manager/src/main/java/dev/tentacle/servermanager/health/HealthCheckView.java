package dev.tentacle.servermanager.health;

import dev.tentacle.desktop.fx.Fxml;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds {@link HealthCheckViewModel} to {@code HealthCheckView.fxml}. */
public final class HealthCheckView {
    private static final String[] OUTCOME_CLASSES = {"not-run", "running", "all-healthy", "problems", "cancelled",
        "error"};

    private final HealthCheckViewModel viewModel;
    private Runnable onClose = () -> { };

    @FXML private BorderPane root;
    @FXML private FontIcon outcomeIcon;
    @FXML private Label titleLabel;
    @FXML private Label summaryLabel;
    @FXML private ProgressBar progressBar;
    @FXML private ListView<MachineResult> resultsList;
    @FXML private ListView<String> logList;
    @FXML private Button copyButton;
    @FXML private Button cancelButton;
    @FXML private Button rerunButton;
    @FXML private Button closeButton;

    public HealthCheckView(HealthCheckViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        titleLabel.setText(viewModel.title());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        resultsList.setItems(viewModel.results());
        resultsList.setCellFactory(ResultCell::new);
        resultsList.setPlaceholder(new Label("No results yet."));
        logList.setItems(viewModel.log());
        logList.setPlaceholder(new Label("The task's log appears here."));
        viewModel.log().addListener((ListChangeListener<String>) change -> {
            if (!logList.getItems().isEmpty()) {
                logList.scrollTo(logList.getItems().size() - 1);
            }
        });
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        rerunButton.disableProperty().bind(viewModel.runningProperty());
        copyButton.disableProperty().bind(viewModel.runningProperty().or(Bindings.isEmpty(viewModel.results())));
        viewModel.outcomeProperty().addListener((o, before, now) -> showOutcome(now));
        viewModel.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                showFirstProblem();
            }
        });
        showOutcome(viewModel.outcomeProperty().get());
    }

    private void showOutcome(HealthCheckViewModel.Outcome outcome) {
        outcomeIcon.setIconLiteral(switch (outcome) {
            case NOT_RUN, RUNNING -> "mdi2h-heart-pulse";
            case ALL_HEALTHY -> "mdi2c-check-circle";
            case PROBLEMS, ERROR -> "mdi2c-close-circle";
            case CANCELLED -> "mdi2m-minus-circle-outline";
        });
        outcomeIcon.getStyleClass().removeAll(OUTCOME_CLASSES);
        outcomeIcon.getStyleClass().add(outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Scrolls to the first machine that needs attention, so that what to check is in view when the check ends. */
    private void showFirstProblem() {
        for (int i = 0; i < resultsList.getItems().size(); i++) {
            if (resultsList.getItems().get(i).state().needsAttention()) {
                resultsList.scrollTo(i);
                return;
            }
        }
    }

    void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void rerun() {
        viewModel.run();
    }

    @FXML
    private void close() {
        viewModel.cancel();
        onClose.run();
    }

    @FXML
    private void copyReport() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.report());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
