package dev.tentacle.manager;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.manager.instances.MainWindowViewModel;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The window around the screens: the welcome screen while there is no instance, the main window otherwise, and the
 * appearance (theme and text size) the header changes.
 */
public final class ShellViewModel {
    private final MainWindowViewModel main;
    private final Appearance appearance;
    private final BooleanBinding showWelcome;
    private final BooleanBinding showMain;

    public ShellViewModel(MainWindowViewModel main, Appearance appearance) {
        this.main = Objects.requireNonNull(main, "main");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.showMain = Bindings.isNotEmpty(main.instances());
        this.showWelcome = main.loadedProperty().and(showMain.not());
    }

    public String title() {
        return "Tentacle Manager";
    }

    /** True once the registry was read and holds no instance. */
    public BooleanBinding showWelcomeProperty() {
        return showWelcome;
    }

    /** True while there is an instance to show. */
    public BooleanBinding showMainProperty() {
        return showMain;
    }

    public Appearance appearance() {
        return appearance;
    }

    public MainWindowViewModel main() {
        return main;
    }
}
