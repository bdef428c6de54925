package dev.tentacle.manager;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.manager.instances.MainWindowView;
import dev.tentacle.manager.welcome.WelcomeView;
import java.util.Objects;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * Binds {@link ShellViewModel} to {@code ShellView.fxml}: the header with the theme toggle, and the welcome screen or
 * the main window below it. Keys: Ctrl+Plus and Ctrl+Minus change the text size, Ctrl+0 resets it, F5 refreshes.
 */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final WelcomeView welcome;
    private final MainWindowView main;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private ToggleButton darkToggle;
    @FXML private StackPane content;

    public ShellView(ShellViewModel viewModel, WelcomeView welcome, MainWindowView main) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.welcome = Objects.requireNonNull(welcome, "welcome");
        this.main = Objects.requireNonNull(main, "main");
        Fxml.load(this);
        titleLabel.setText(viewModel.title());
        darkToggle.selectedProperty().bindBidirectional(viewModel.appearance().darkProperty());
        Parent welcomeRoot = welcome.root();
        Parent mainRoot = main.root();
        content.getChildren().setAll(welcomeRoot, mainRoot);
        welcomeRoot.visibleProperty().bind(viewModel.showWelcomeProperty());
        welcomeRoot.managedProperty().bind(viewModel.showWelcomeProperty());
        mainRoot.visibleProperty().bind(viewModel.showMainProperty());
        mainRoot.managedProperty().bind(viewModel.showMainProperty());
        viewModel.showWelcomeProperty().addListener((o, before, now) -> {
            if (now) {
                Platform.runLater(welcome::focus);
            }
        });
        viewModel.appearance().style(root);
    }

    public Parent root() {
        return root;
    }

    /** The window's keyboard shortcuts. */
    public void installAccelerators(Scene scene) {
        var appearance = viewModel.appearance();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                appearance::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                appearance::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                appearance::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                appearance::smaller);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                appearance::smaller);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                appearance::resetTextSize);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            viewModel.main().refreshInstances();
            viewModel.main().refreshStatus();
        });
    }
}
