package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.tasks.TaskId;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected machine's details: binds {@link MachineDetailsViewModel} to {@code MachineDetailsView.fxml}. */
public final class MachineDetailsView {
    private final MachineDetailsViewModel viewModel;
    private final Repeating repeating;
    private TaskId selectedTask;

    @FXML private StackPane root;
    @FXML private Label emptyLabel;
    @FXML private ScrollPane scroll;
    @FXML private Label titleLabel;
    @FXML private TextField thumbprintField;
    @FXML private Button copyThumbprintButton;
    @FXML private Label addressLabel;
    @FXML private Label policyLabel;
    @FXML private Label healthLabel;
    @FXML private Label hintLabel;
    @FXML private Label problemLabel;
    @FXML private TableView<HealthEntry> historyTable;
    @FXML private TableColumn<HealthEntry, String> historyTimeColumn;
    @FXML private TableColumn<HealthEntry, HealthEntry> historyStatusColumn;
    @FXML private TableColumn<HealthEntry, String> historyLatencyColumn;
    @FXML private TableColumn<HealthEntry, String> historyReasonColumn;
    @FXML private TableView<TaskEntry> tasksTable;
    @FXML private TableColumn<TaskEntry, String> taskTimeColumn;
    @FXML private TableColumn<TaskEntry, String> taskWhatColumn;
    @FXML private TableColumn<TaskEntry, String> taskStateColumn;
    @FXML private TableColumn<TaskEntry, String> taskReasonColumn;
    @FXML private Button taskLogButton;

    public MachineDetailsView(MachineDetailsViewModel viewModel, Repeating repeating) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.repeating = Objects.requireNonNull(repeating, "repeating");
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        var machine = viewModel.machineProperty();
        emptyLabel.visibleProperty().bind(machine.isNull());
        scroll.visibleProperty().bind(machine.isNotNull());
        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> machine.get() == null ? ""
                : machine.get().name() + " (" + machine.get().mode().toLowerCase(java.util.Locale.ROOT) + ")", machine));
        addressLabel.textProperty().bind(Bindings.createStringBinding(() -> machine.get() == null ? ""
                : machine.get().address(), machine));
        healthLabel.textProperty().bind(Bindings.createStringBinding(() -> machine.get() == null ? ""
                : health(machine.get()), machine));
        thumbprintField.textProperty().bind(viewModel.thumbprintProperty());
        policyLabel.textProperty().bind(viewModel.policyProperty());
        hintLabel.textProperty().bind(viewModel.hintProperty());
        showWhenNotEmpty(hintLabel);
        problemLabel.textProperty().bind(viewModel.problemProperty());
        showWhenNotEmpty(problemLabel);

        historyTable.setItems(viewModel.history());
        historyTable.setPlaceholder(new Label("Never checked."));
        historyTimeColumn.setCellValueFactory(text(HealthEntry::time));
        historyStatusColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()).getReadOnlyProperty());
        historyStatusColumn.setCellFactory(column -> new StatusCell());
        historyLatencyColumn.setCellValueFactory(text(HealthEntry::latency));
        historyReasonColumn.setCellValueFactory(text(HealthEntry::reason));
        historyReasonColumn.setCellFactory(column -> new WrappingCell<>());

        tasksTable.setItems(viewModel.tasks());
        tasksTable.setPlaceholder(new Label("No tasks ran on this machine yet."));
        taskTimeColumn.setCellValueFactory(text(TaskEntry::time));
        taskWhatColumn.setCellValueFactory(text(entry -> entry.what() + ": " + entry.description()));
        taskStateColumn.setCellValueFactory(text(TaskEntry::state));
        taskReasonColumn.setCellValueFactory(text(TaskEntry::reason));
        taskReasonColumn.setCellFactory(column -> new WrappingCell<>());
        taskLogButton.disableProperty().bind(tasksTable.getSelectionModel().selectedItemProperty().isNull());
        keepTaskSelected();
        tasksTable.setRowFactory(table -> {
            TableRow<TaskEntry> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    openLog(row.getItem());
                }
            });
            return row;
        });
    }

    /**
     * Reading the tasks again replaces the entries of tasks that moved on, which clears the table's selection: select
     * the same task again, by its id.
     */
    private void keepTaskSelected() {
        tasksTable.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                selectedTask = now.task().id();
            }
        });
        viewModel.machineProperty().addListener((o, before, now) -> selectedTask = null);
        viewModel.tasks().addListener((ListChangeListener<TaskEntry>) change -> {
            if (selectedTask != null && tasksTable.getSelectionModel().isEmpty()) {
                for (int i = 0; i < tasksTable.getItems().size(); i++) {
                    if (tasksTable.getItems().get(i).task().id().equals(selectedTask)) {
                        tasksTable.getSelectionModel().select(i);
                    }
                }
            }
        });
    }

    private static String health(MachineRow row) {
        if (row.health().isEmpty()) {
            return "Not checked yet";
        }
        String latency = row.latency().isEmpty() ? "" : " in " + row.latency();
        String version = row.agentVersion().isEmpty() ? "" : ", agent " + row.agentVersion();
        return row.statusText() + latency + " at " + row.checkedAt() + version;
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> Callback<TableColumn.CellDataFeatures<T, String>, ObservableValue<String>> text(
            Function<T, String> value) {
        return cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty();
    }

    @FXML
    private void copyThumbprint() {
        ClipboardContent content = new ClipboardContent();
        MachineRow row = viewModel.machineProperty().get();
        if (row != null) {
            content.putString(row.machine().thumbprint().hex());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void openTaskLog() {
        TaskEntry entry = tasksTable.getSelectionModel().getSelectedItem();
        if (entry != null) {
            openLog(entry);
        }
    }

    private void openLog(TaskEntry entry) {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        TaskLogWindow.open(owner, viewModel.taskLog(entry), repeating);
    }

    /** A history row's status: icon and word. */
    private static final class StatusCell extends TableCell<HealthEntry, HealthEntry> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(HealthEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            HealthStatus status = entry.result().status();
            HealthIcons.show(icon, status);
            setGraphic(icon);
            setText(entry.status());
        }
    }

    /** Long reasons: shown whole in a tooltip. */
    private static final class WrappingCell<T> extends TableCell<T, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }
}
