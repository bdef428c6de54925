package dev.tentacle.desktop.fx;

import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The title of the app a window belongs to, for dialogs and secondary windows shared by both managers: the title of
 * the main window at the top of the owner chain ("Tentacle Manager", "Octopus Server Manager"), so that shared code
 * never names one app.
 */
public final class AppTitle {
    static final String FALLBACK = "Error";

    private AppTitle() {
    }

    /** The title of the top window owning {@code window}; {@code fallback} when there is none or it has no title. */
    public static String of(Window window, String fallback) {
        Window top = window;
        while (top instanceof Stage stage && stage.getOwner() != null) {
            top = stage.getOwner();
        }
        if (top instanceof Stage stage && stage.getTitle() != null && !stage.getTitle().isBlank()) {
            return stage.getTitle();
        }
        return fallback;
    }
}
