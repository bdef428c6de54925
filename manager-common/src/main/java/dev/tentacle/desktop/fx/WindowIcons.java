package dev.tentacle.desktop.fx;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The app's icon on every window it opens: the main stage, and each dialog, wizard and log window as it is shown,
 * without each of them having to know the icon. JavaFX does not pass an owner's icons on, and a window without
 * icons shows the platform's generic one in the title bar, the task bar and the window switcher.
 */
public final class WindowIcons {
    private final List<Image> icons;

    private WindowIcons(List<Image> icons) {
        this.icons = List.copyOf(icons);
    }

    /**
     * Loads the icon's PNGs, one per size (the platform picks the size it shows), for example
     * {@code ProductIcon.TENTACLE_MANAGER.pngs()} from the icons module.
     */
    public static WindowIcons of(List<URL> pngs) {
        if (pngs.isEmpty()) {
            throw new IllegalArgumentException("An app icon needs at least one image");
        }
        // Loaded now, not in the background: a stage ignores an icon that is still loading when it is shown.
        return new WindowIcons(pngs.stream().map(url -> new Image(url.toExternalForm())).toList());
    }

    public List<Image> images() {
        return icons;
    }

    /**
     * Gives {@code primary} the icon, and every stage shown from now on that has none of its own, until the returned
     * subscription is cancelled (when the app stops). On the JavaFX thread.
     */
    public Subscription applyToEveryWindow(Stage primary) {
        Objects.requireNonNull(primary, "primary").getIcons().setAll(icons);
        ObservableList<Window> windows = Window.getWindows();
        ListChangeListener<Window> onShown = change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
                        stage.getIcons().setAll(icons);
                    }
                }
            }
        };
        windows.addListener(onShown);
        for (Window window : List.copyOf(windows)) {
            if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
                stage.getIcons().setAll(icons);
            }
        }
        return () -> windows.removeListener(onShown);
    }
}
