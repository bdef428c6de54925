package dev.tentacle.desktop.fx;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * What a manager app sets up when it starts and ends when it stops: the look its windows share (the theme follows
 * {@link Appearance#darkProperty()}), the thread that polls, and the app's icon on every window it opens. Start and
 * stop it on the JavaFX thread.
 */
public final class AppWindow {
    private final Stage stage;
    private final Appearance appearance = new Appearance();
    private final Repeating repeating = new Repeating();
    private final Subscription windowIcons;

    private AppWindow(Stage stage, List<URL> iconPngs) {
        this.stage = Objects.requireNonNull(stage, "stage");
        Application.setUserAgentStylesheet(appearance.themeStylesheet());
        appearance.darkProperty().addListener((o, before, now) ->
                Application.setUserAgentStylesheet(appearance.themeStylesheet()));
        // The wizard, the dialogs and every other window get the icon as they open.
        this.windowIcons = WindowIcons.of(iconPngs).applyToEveryWindow(stage);
    }

    /**
     * Sets up the app around its main window.
     *
     * @param iconPngs the app icon's images, e.g. {@code ProductIcon.TENTACLE_MANAGER.pngs()}
     */
    public static AppWindow start(Stage stage, List<URL> iconPngs) {
        return new AppWindow(stage, iconPngs);
    }

    public Appearance appearance() {
        return appearance;
    }

    public Repeating repeating() {
        return repeating;
    }

    /**
     * Shows the main window with {@code root}, sized in em like everything else and never larger than the screen.
     *
     * @param beforeShown gets the scene before the window is shown, e.g. to install keyboard shortcuts
     */
    public Scene show(Parent root, String title, double widthEm, double heightEm, Consumer<Scene> beforeShown) {
        Scene scene = scene(root, widthEm, heightEm);
        beforeShown.accept(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** A scene of {@code widthEm} by {@code heightEm}, cut to the primary screen's visible bounds. */
    static Scene scene(Parent root, double widthEm, double heightEm) {
        double em = Font.getDefault().getSize();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(root, Math.min(widthEm * em, screen.getWidth()), Math.min(heightEm * em, screen.getHeight()));
    }

    /** Ends the polling and takes the icon off windows opened from now on. */
    public void stop() {
        windowIcons.unsubscribe();
        repeating.close();
    }
}
