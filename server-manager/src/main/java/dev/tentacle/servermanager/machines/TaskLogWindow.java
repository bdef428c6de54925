package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Repeating;
import java.time.Duration;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A server task's log in a window of its own, followed every half second while the task runs. */
public final class TaskLogWindow {
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final TaskLogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ListView<String> linesList;
    @FXML private Label statusLabel;
    @FXML private Button closeButton;

    private TaskLogWindow(TaskLogViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Fxml.load(this);
        linesList.setItems(viewModel.lines());
        linesList.setPlaceholder(new Label("The log is empty so far."));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.lines().addListener((ListChangeListener<String>) change -> {
            if (!linesList.getItems().isEmpty()) {
                linesList.scrollTo(linesList.getItems().size() - 1);
            }
        });
    }

    /** Opens the window and follows the log until the task has finished or the window closes. */
    public static Stage open(Window owner, TaskLogViewModel viewModel, Repeating repeating) {
        TaskLogWindow view = new TaskLogWindow(viewModel);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null && owner.getScene().getRoot() != null) {
                view.root.getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
                view.root.setStyle(owner.getScene().getRoot().getStyle());
            }
        }
        stage.setTitle(viewModel.title());
        double em = Font.getDefault().getSize();
        stage.setScene(new Scene(view.root, 70 * em, 35 * em));
        AutoCloseable polling = repeating.every(POLL_INTERVAL, () -> Platform.runLater(viewModel::poll));
        stage.setOnHidden(event -> close(polling));
        stage.show();
        return stage;
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }

    private static void close(AutoCloseable polling) {
        try {
            polling.close();
        } catch (Exception e) {
            // Cancelling a scheduled task does not fail.
        }
    }
}
