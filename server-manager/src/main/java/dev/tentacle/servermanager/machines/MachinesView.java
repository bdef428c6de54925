package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.MachineId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The machines pane's view: binds {@link MachinesViewModel} to {@code MachinesView.fxml}, keeps the table's selection
 * and the view model's in step, asks before removing, opens the health check and the script runner, and reads storage
 * every {@link #POLL_INTERVAL} while it is part of a scene.
 */
public final class MachinesView {
    /** How often the machines are read again while the pane is shown. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(3);
    static final String ANY_ENVIRONMENT = "Any environment";
    static final String ANY_ROLE = "Any role";

    private final MachinesViewModel viewModel;
    private final MachineActions screens;
    private final Repeating repeating;
    private AutoCloseable polling;
    private boolean syncingSelection;

    @FXML private BorderPane root;
    @FXML private Button checkButton;
    @FXML private Button checkAllButton;
    @FXML private Button runScriptButton;
    @FXML private Button removeButton;
    @FXML private Button refreshButton;
    @FXML private Label searchLabel;
    @FXML private TextField searchField;
    @FXML private ComboBox<StatusChoice> statusFilter;
    @FXML private ComboBox<ModeChoice> modeFilter;
    @FXML private ComboBox<String> environmentFilter;
    @FXML private ComboBox<String> roleFilter;
    @FXML private Button clearFiltersButton;
    @FXML private Label problemLabel;
    @FXML private SplitPane split;
    @FXML private TableView<MachineRow> table;
    @FXML private TableColumn<MachineRow, String> nameColumn;
    @FXML private TableColumn<MachineRow, MachineRow> healthColumn;
    @FXML private TableColumn<MachineRow, String> modeColumn;
    @FXML private TableColumn<MachineRow, String> addressColumn;
    @FXML private TableColumn<MachineRow, String> environmentsColumn;
    @FXML private TableColumn<MachineRow, String> rolesColumn;
    @FXML private TableColumn<MachineRow, String> checkedColumn;
    @FXML private TableColumn<MachineRow, String> latencyColumn;
    @FXML private TableColumn<MachineRow, String> versionColumn;
    @FXML private StackPane detailsHolder;
    @FXML private Label summaryLabel;
    @FXML private Label noticeLabel;
    @FXML private ProgressIndicator busyIndicator;

    public MachinesView(MachinesViewModel viewModel, MachineActions screens, Repeating repeating) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.repeating = Objects.requireNonNull(repeating, "repeating");
        Fxml.load(this);
        detailsHolder.getChildren().setAll(new MachineDetailsView(viewModel.details(), repeating).root());
        bind();
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        viewModel.setFailureHandler(failure -> FailureDialog.show(window(), failure));
        searchLabel.setLabelFor(searchField);
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        statusFilter.setItems(FXCollections.observableArrayList(StatusChoice.values()));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        modeFilter.setItems(FXCollections.observableArrayList(ModeChoice.values()));
        modeFilter.valueProperty().bindBidirectional(viewModel.modeFilterProperty());
        bindNameFilter(environmentFilter, ANY_ENVIRONMENT, viewModel.environments(),
                viewModel.environmentFilterProperty());
        bindNameFilter(roleFilter, ANY_ROLE, viewModel.roles(), viewModel.roleFilterProperty());
        clearFiltersButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.filterProperty().get().narrows(), viewModel.filterProperty()));

        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());

        checkButton.disableProperty().bind(viewModel.canActOnSelectionProperty().not());
        runScriptButton.disableProperty().bind(viewModel.canActOnSelectionProperty().not());
        removeButton.disableProperty().bind(viewModel.canActOnSelectionProperty().not());
        checkAllButton.disableProperty().bind(viewModel.canCheckAllProperty().not());
        refreshButton.disableProperty().bind(viewModel.instanceProperty().isNull());

        bindTable();
        root.sceneProperty().addListener((o, before, scene) -> {
            if (scene == null) {
                stopPolling();
            } else {
                startPolling();
            }
        });
    }

    private void bindTable() {
        nameColumn.setCellValueFactory(text(MachineRow::name));
        healthColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()).getReadOnlyProperty());
        healthColumn.setCellFactory(column -> new HealthCell());
        healthColumn.setComparator((a, b) -> Integer.compare(rank(a), rank(b)));
        modeColumn.setCellValueFactory(text(MachineRow::mode));
        addressColumn.setCellValueFactory(text(MachineRow::address));
        environmentsColumn.setCellValueFactory(text(MachineRow::environments));
        rolesColumn.setCellValueFactory(text(MachineRow::roles));
        checkedColumn.setCellValueFactory(text(MachineRow::checkedAt));
        latencyColumn.setCellValueFactory(text(MachineRow::latency));
        versionColumn.setCellValueFactory(text(MachineRow::agentVersion));

        SortedList<MachineRow> sorted = new SortedList<>(viewModel.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<MachineRow>) change -> {
            if (!syncingSelection) {
                syncingSelection = true;
                viewModel.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(Objects::nonNull).map(MachineRow::id).toList());
                syncingSelection = false;
            }
        });
        viewModel.selection().addListener((ListChangeListener<MachineId>) change -> selectInTable());
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && !removeButton.isDisabled()) {
                event.consume();
                remove();
            }
        });
    }

    /** Selects the view model's selection in the table, e.g. again after the rows were read anew. */
    private void selectInTable() {
        if (syncingSelection) {
            return;
        }
        syncingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            for (MachineId id : viewModel.selection()) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).id().equals(id)) {
                        table.getSelectionModel().select(i);
                    }
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    private Label placeholder() {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> viewModel.rows().isEmpty()
                ? viewModel.summaryProperty().get() : "No machine matches the filter and search.",
                viewModel.rows(), viewModel.summaryProperty()));
        label.setWrapText(true);
        return label;
    }

    private static void bindNameFilter(ComboBox<String> box, String any, ObservableList<String> names,
            ObjectProperty<String> chosen) {
        ObservableList<String> items = FXCollections.observableArrayList(any);
        names.addListener((ListChangeListener<String>) change -> {
            String current = box.getValue();
            items.setAll(any);
            items.addAll(names);
            box.setValue(current != null && items.contains(current) ? current : any);
        });
        box.setItems(items);
        box.setValue(any);
        box.valueProperty().addListener((o, before, now) -> chosen.set(now == null || now.equals(any) ? null : now));
        chosen.addListener((o, before, now) -> box.setValue(now == null ? any : now));
    }

    private static Callback<TableColumn.CellDataFeatures<MachineRow, String>, ObservableValue<String>> text(
            Function<MachineRow, String> value) {
        return cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty();
    }

    private static int rank(MachineRow row) {
        return row == null ? -1 : row.status().map(HealthStatus::ordinal).orElse(HealthStatus.values().length);
    }

    // ---- polling -----------------------------------------------------------------------------------------------

    void startPolling() {
        stopPolling();
        polling = repeating.every(POLL_INTERVAL, () -> Platform.runLater(viewModel::poll));
    }

    void stopPolling() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                // Cancelling a scheduled task does not fail.
            }
            polling = null;
        }
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    private List<MachineId> selectedIds() {
        return List.copyOf(viewModel.selection());
    }

    @FXML
    private void checkSelected() {
        ServerInstance instance = viewModel.instanceProperty().get();
        if (instance != null && !viewModel.selection().isEmpty()) {
            screens.checkHealth(window(), instance, selectedIds(), viewModel::refresh);
        }
    }

    @FXML
    private void checkAll() {
        ServerInstance instance = viewModel.instanceProperty().get();
        if (instance != null) {
            screens.checkHealth(window(), instance, List.of(), viewModel::refresh);
        }
    }

    @FXML
    private void runScript() {
        ServerInstance instance = viewModel.instanceProperty().get();
        if (instance != null && !viewModel.selection().isEmpty()) {
            screens.runScript(window(), instance, selectedIds());
        }
    }

    @FXML
    private void remove() {
        if (viewModel.selection().isEmpty()) {
            return;
        }
        ButtonType removeType = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", removeType, ButtonType.CANCEL);
        Window owner = window();
        if (owner != null) {
            confirm.initOwner(owner);
        }
        confirm.setTitle("Octopus Server Manager");
        confirm.setHeaderText("Remove machines");
        Label question = new Label(viewModel.removalQuestion());
        question.setWrapText(true);
        question.setId("removalQuestion");
        confirm.getDialogPane().setContent(question);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) confirm.getDialogPane().lookupButton(removeType)).setDefaultButton(false);
        if (confirm.showAndWait().filter(removeType::equals).isPresent()) {
            viewModel.removeSelected();
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The health column: the status icon and word, and the reason as a tooltip. */
    private static final class HealthCell extends TableCell<MachineRow, MachineRow> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(MachineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            HealthStatus status = row.status().orElse(null);
            HealthIcons.show(icon, status);
            setGraphic(icon);
            setText(row.statusText());
            setTooltip(row.reason().isEmpty() ? null : new Tooltip(row.reason()));
        }
    }
}
