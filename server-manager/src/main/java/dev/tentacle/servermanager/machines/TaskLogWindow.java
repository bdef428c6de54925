package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.desktop.fx.Views;
import dev.tentacle.desktop.fx.Windows;
import java.time.Duration;
import java.util.Objects;
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
        Views.followEnd(linesList, viewModel.lines(), () -> true);
    }

    /** Opens the window and follows the log until the task has finished or the window closes. */
    public static Stage open(Window owner, TaskLogViewModel viewModel, Repeating repeating) {
        TaskLogWindow view = new TaskLogWindow(viewModel);
        Stage stage = Windows.ownedBy(owner, false);
        Windows.copyStyle(owner, view.root);
        stage.setTitle(viewModel.title());
        double em = Font.getDefault().getSize();
        stage.setScene(new Scene(view.root, 70 * em, 35 * em));
        repeating.whileShown(stage, POLL_INTERVAL, viewModel::poll);
        stage.show();
        return stage;
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
