package dev.tentacle.servermanager.scripts;

import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The run script screen ({@code RunScriptView.fxml}), bound to a {@link RunScriptViewModel}: the machines with
 * checkboxes, the script, and a tab per machine with its state, exit code and output as it arrives.
 */
public final class RunScriptView {
    /** Runs the script from anywhere in the window, the script box included (where Enter is a new line). */
    static final KeyCombination RUN_SHORTCUT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final String[] STATE_CLASSES = {"state-queued", "state-running", "state-succeeded", "state-failed",
        "state-cancelled"};

    private final RunScriptViewModel model;
    private final Parent root;
    private Runnable onClose = () -> { };

    @FXML
    private Label title;
    @FXML
    private Label machinesLabel;
    @FXML
    private ComboBox<String> roleBox;
    @FXML
    private Button selectRoleButton;
    @FXML
    private ComboBox<String> environmentBox;
    @FXML
    private Button selectEnvironmentButton;
    @FXML
    private ListView<MachineChoice> machineList;
    @FXML
    private Button selectAllButton;
    @FXML
    private Button selectNoneButton;
    @FXML
    private Label selectedLabel;
    @FXML
    private Label scriptLabel;
    @FXML
    private Label syntaxLabel;
    @FXML
    private ComboBox<ScriptSyntax> syntaxBox;
    @FXML
    private TextArea scriptArea;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label summary;
    @FXML
    private Label problem;
    @FXML
    private TabPane outputTabs;
    @FXML
    private Tab taskTab;
    @FXML
    private ListView<String> taskLog;
    @FXML
    private Button closeButton;

    public RunScriptView(RunScriptViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.root = Fxml.load(this);
        bindMachines();
        bindScript();
        bindRun();
    }

    public Parent root() {
        return root;
    }

    /** The control that gets the focus first: the script when machines were picked already, else the list. */
    public Node firstFocus() {
        return model.openedWithMachines() ? scriptArea : machineList;
    }

    void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    private void bindMachines() {
        title.setText(model.title());
        machinesLabel.setLabelFor(machineList);
        machineList.setItems(model.machines());
        machineList.setCellFactory(CheckBoxListCell.forListView(MachineChoice::selectedProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(MachineChoice choice) {
                        return choice == null ? "" : choice.description();
                    }

                    @Override
                    public MachineChoice fromString(String text) {
                        throw new UnsupportedOperationException("The list is not editable");
                    }
                }));
        machineList.setPlaceholder(new Label("No machines yet: add a Tentacle first."));
        roleBox.setItems(model.roles());
        roleBox.valueProperty().bindBidirectional(model.roleProperty());
        environmentBox.setItems(model.environments());
        environmentBox.valueProperty().bindBidirectional(model.environmentProperty());
        for (Node control : List.of(machineList, roleBox, environmentBox, selectAllButton, selectNoneButton)) {
            control.disableProperty().bind(model.runningProperty());
        }
        selectRoleButton.disableProperty().bind(model.runningProperty().or(model.roleProperty().isNull()));
        selectEnvironmentButton.disableProperty().bind(model.runningProperty().or(model.environmentProperty().isNull()));
        selectedLabel.textProperty().bind(Bindings.createStringBinding(() -> model.selectedCountProperty().get()
                + " of " + model.machines().size() + " picked", model.selectedCountProperty(), model.machines()));
    }

    private void bindScript() {
        scriptLabel.setLabelFor(scriptArea);
        syntaxLabel.setLabelFor(syntaxBox);
        syntaxBox.getItems().setAll(ScriptSyntax.values());
        syntaxBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScriptSyntax syntax) {
                return syntax == null ? "" : switch (syntax) {
                    case BASH -> "Bash";
                    case POWERSHELL -> "PowerShell";
                    case CMD -> "Cmd (Windows)";
                };
            }

            @Override
            public ScriptSyntax fromString(String text) {
                throw new UnsupportedOperationException("The syntax is chosen from the list");
            }
        });
        syntaxBox.valueProperty().bindBidirectional(model.syntaxProperty());
        syntaxBox.disableProperty().bind(model.runningProperty());
        scriptArea.textProperty().bindBidirectional(model.scriptProperty());
        scriptArea.editableProperty().bind(model.runningProperty().not());
    }

    private void bindRun() {
        runButton.disableProperty().bind(model.canRunProperty().not());
        runButton.setOnAction(event -> model.run());
        runButton.setTooltip(new Tooltip("Run the script on the picked machines (Ctrl+Enter)"));
        showWhen(cancelButton, model.runningProperty());
        cancelButton.disableProperty().bind(model.cancellingProperty());
        cancelButton.setOnAction(event -> model.cancel());
        showWhen(progress, model.runningProperty());
        summary.textProperty().bind(model.summaryProperty());
        problem.textProperty().bind(model.problemProperty());
        showWhen(problem, Bindings.isNotEmpty(model.problemProperty()).and(model.runningProperty().not()));
        taskLog.setItems(model.taskLog());
        taskLog.setPlaceholder(new Label("Which server node runs the task, and what the server says about it."));
        model.runs().addListener((ListChangeListener<MachineRun>) change -> showRuns());
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(RUN_SHORTCUT, model::run);
            }
        });
    }

    /** A tab per machine of the run, replacing those of the last run; the first machine's tab is shown. */
    private void showRuns() {
        outputTabs.getTabs().setAll(taskTab);
        for (MachineRun run : model.runs()) {
            outputTabs.getTabs().add(tabFor(run));
        }
        if (outputTabs.getTabs().size() > 1) {
            outputTabs.getSelectionModel().select(1);
        }
    }

    private Tab tabFor(MachineRun run) {
        FontIcon icon = new FontIcon();
        Label status = new Label();
        status.getStyleClass().add("machine-run-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> run.name() + ": " + run.status(),
                run.statusProperty()));
        ListView<OutputLine> output = new ListView<>(run.output());
        output.getStyleClass().add("output-list");
        output.setCellFactory(list -> new OutputCell());
        output.setPlaceholder(new Label("No output yet."));
        run.output().addListener((ListChangeListener<OutputLine>) change -> {
            if (!output.getItems().isEmpty()) {
                output.scrollTo(output.getItems().size() - 1);
            }
        });
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox content = new VBox(status, output);
        content.getStyleClass().add("machine-run");
        content.setUserData(run);
        Tab tab = new Tab(run.name(), content);
        tab.setGraphic(icon);
        Runnable showState = () -> {
            String state = "state-" + run.state().name().toLowerCase(Locale.ROOT);
            icon.setIconLiteral(iconOf(run.state()));
            icon.getStyleClass().removeAll(STATE_CLASSES);
            icon.getStyleClass().add(state);
            status.getStyleClass().removeAll(STATE_CLASSES);
            status.getStyleClass().add(state);
            tab.setTooltip(new Tooltip(run.status()));
        };
        run.stateProperty().addListener((observable, before, after) -> showState.run());
        run.statusProperty().addListener((observable, before, after) -> showState.run());
        showState.run();
        return tab;
    }

    private static String iconOf(TaskState state) {
        return switch (state) {
            case QUEUED -> "mdi2c-clock-outline";
            case RUNNING -> "mdi2p-play-circle-outline";
            case SUCCEEDED -> "mdi2c-check-circle";
            case FAILED -> "mdi2c-close-circle";
            case CANCELLED -> "mdi2c-cancel";
        };
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Standard error in the danger colour; the server's and the agent's lines about the run in muted italics. */
    private static final class OutputCell extends ListCell<OutputLine> {
        @Override
        protected void updateItem(OutputLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("output-stderr", "output-about-run");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            if (line.source() == TaskLogSource.STDERR) {
                getStyleClass().add("output-stderr");
            } else if (!RunScriptViewModel.isScriptOutput(line)) {
                getStyleClass().add("output-about-run");
            }
        }
    }

    @FXML
    private void selectRole() {
        model.selectRole();
    }

    @FXML
    private void selectEnvironment() {
        model.selectEnvironment();
    }

    @FXML
    private void selectAll() {
        model.selectAll();
    }

    @FXML
    private void selectNone() {
        model.selectNone();
    }

    /** What the Close button and the window's close box do. */
    void closeButtonAction() {
        close();
    }

    @FXML
    private void close() {
        if (model.isRunning() && !confirmCancel()) {
            return;
        }
        model.cancel();
        onClose.run();
    }

    private boolean confirmCancel() {
        ButtonType stop = new ButtonType("Cancel the script and close", ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it running", ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The script is still running. Closing this window"
                + " cancels it on every machine where it has not finished.", stop, keep);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Octopus Server Manager");
        alert.setHeaderText("Cancel the running script?");
        alert.getDialogPane().setId("close-while-running");
        return alert.showAndWait().filter(stop::equals).isPresent();
    }
}
