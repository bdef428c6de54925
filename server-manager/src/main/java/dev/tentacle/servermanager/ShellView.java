package dev.tentacle.servermanager;

import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.servermanager.server.ServerView;
import dev.tentacle.servermanager.welcome.WelcomeView;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * Binds {@link ShellViewModel} to {@code ShellView.fxml}: the menus, the toolbar with the instance selector, and the
 * welcome screen or the selected instance's Server and Machines tabs. Opens the other screens ({@link Screens}) for
 * the selected instance. Keys: Ctrl+N new server, Ctrl+Q quit, Ctrl+Plus / Ctrl+Minus / Ctrl+0 text size, F5 refresh,
 * Ctrl+T add a listening Tentacle, Ctrl+H check health, Ctrl+R run a script, F1 about.
 */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final Screens screens;
    private final Runnable refreshServer;
    private final Runnable quit;

    @FXML private BorderPane root;
    @FXML private MenuItem setUpItem;
    @FXML private MenuItem quitItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private MenuItem largerItem;
    @FXML private MenuItem smallerItem;
    @FXML private MenuItem resetTextItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem addTentacleItem;
    @FXML private MenuItem healthItem;
    @FXML private MenuItem scriptItem;
    @FXML private MenuItem aboutItem;
    @FXML private HBox toolbar;
    @FXML private Label titleLabel;
    @FXML private Label instanceLabel;
    @FXML private ComboBox<ServerInstance> instanceSelector;
    @FXML private Button addTentacleButton;
    @FXML private Button healthButton;
    @FXML private Button scriptButton;
    @FXML private StackPane content;
    @FXML private TabPane tabs;
    @FXML private Tab serverTab;
    @FXML private Tab machinesTab;

    /**
     * @param machines the Machines tab's content, following the selected instance
     * @param refreshServer reads the server window's state again (F5)
     * @param quit ends the app (File, Quit)
     */
    public ShellView(ShellViewModel viewModel, WelcomeView welcome, ServerView server, Node machines,
            Screens screens, Runnable refreshServer, Runnable quit) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.refreshServer = Objects.requireNonNull(refreshServer, "refreshServer");
        this.quit = Objects.requireNonNull(quit, "quit");
        Fxml.load(this);
        titleLabel.setText(viewModel.title());
        serverTab.setContent(Objects.requireNonNull(server, "server").root());
        machinesTab.setContent(Objects.requireNonNull(machines, "machines"));

        Parent welcomeRoot = welcome.root();
        content.getChildren().add(0, welcomeRoot);
        welcomeRoot.visibleProperty().bind(viewModel.showWelcomeProperty());
        welcomeRoot.managedProperty().bind(viewModel.showWelcomeProperty());
        tabs.visibleProperty().bind(viewModel.showMainProperty());
        tabs.managedProperty().bind(viewModel.showMainProperty());
        viewModel.showWelcomeProperty().addListener((o, before, now) -> {
            if (now) {
                Platform.runLater(welcome::focus);
            }
        });

        instanceLabel.setLabelFor(instanceSelector);
        instanceSelector.setItems(viewModel.instances());
        instanceSelector.valueProperty().bindBidirectional(viewModel.selectedProperty());
        instanceSelector.setCellFactory(list -> new InstanceCell());
        instanceSelector.setButtonCell(new InstanceCell());
        instanceSelector.disableProperty().bind(viewModel.showMainProperty().not());
        var noInstance = viewModel.selectedProperty().isNull();
        for (var button : List.of(addTentacleButton, healthButton, scriptButton)) {
            button.disableProperty().bind(noInstance);
        }
        for (var item : List.of(addTentacleItem, healthItem, scriptItem)) {
            item.disableProperty().bind(noInstance);
        }

        darkItem.selectedProperty().bindBidirectional(viewModel.appearance().darkProperty());
        setUpItem.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        largerItem.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN));
        smallerItem.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        resetTextItem.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        refreshItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        addTentacleItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        healthItem.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        scriptItem.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        aboutItem.setAccelerator(new KeyCodeCombination(KeyCode.F1));

        viewModel.setFailureHandler(failure -> FailureDialog.show(window(), failure));
        viewModel.appearance().style(root);
    }

    public Parent root() {
        return root;
    }

    /** The keys the menus do not carry: the other keys people press for larger and smaller text. */
    public void installAccelerators(Scene scene) {
        var appearance = viewModel.appearance();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                appearance::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                appearance::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                appearance::smaller);
    }

    /** Shows the Machines tab. */
    public void showMachines() {
        tabs.getSelectionModel().select(machinesTab);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Opens another screen; a screen that fails to open is reported like any failure. */
    private void open(String what, Runnable screen) {
        try {
            screen.run();
        } catch (RuntimeException e) {
            FailureDialog.show(window(), Failure.of("Could not open " + what, e));
        }
    }

    private void withSelected(String what, Consumer<ServerInstance> action) {
        ServerInstance instance = viewModel.selectedProperty().get();
        if (instance != null) {
            open(what, () -> action.accept(instance));
        }
    }

    @FXML
    private void setUp() {
        open("the setup wizard", () -> screens.setupWizard(window(), viewModel::refreshInstancesAndSelect));
    }

    @FXML
    private void quit() {
        quit.run();
    }

    @FXML
    private void larger() {
        viewModel.appearance().larger();
    }

    @FXML
    private void smaller() {
        viewModel.appearance().smaller();
    }

    @FXML
    private void resetText() {
        viewModel.appearance().resetTextSize();
    }

    @FXML
    private void refresh() {
        viewModel.refreshInstances();
        refreshServer.run();
    }

    @FXML
    private void addTentacle() {
        withSelected("Add listening Tentacle", instance -> screens.addListeningTentacle(window(), instance,
                this::showMachines));
    }

    @FXML
    private void checkHealth() {
        withSelected("the health check", instance -> screens.healthCheck(window(), instance, List.of()));
    }

    @FXML
    private void runScript() {
        withSelected("Run script", instance -> screens.runScript(window(), instance, List.of()));
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.setTitle("About");
        alert.setHeaderText(viewModel.title());
        Label text = new Label(viewModel.about());
        text.setWrapText(true);
        text.setId("about-text");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(36 * text.getFont().getSize());
        viewModel.appearance().style(alert.getDialogPane());
        alert.showAndWait();
    }

    /** Shows an instance by its name. */
    private static final class InstanceCell extends ListCell<ServerInstance> {
        @Override
        protected void updateItem(ServerInstance instance, boolean empty) {
            super.updateItem(instance, empty);
            setText(empty || instance == null ? null : instance.name());
        }
    }
}
